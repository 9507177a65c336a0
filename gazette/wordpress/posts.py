"""Posts become articles, in batches: each batch is one transaction holding the articles,
their bylines, tags, comments, redirects and mapping rows. New articles are written with the
bulk page-tree insert; an updated one goes through Wagtail's own `save` and `move`."""

from collections import defaultdict
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.blocks import StreamValue

from gazette.core.table_rows import Rows
from gazette.news import bulk
from gazette.news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage

from . import redirects
from .attachments import find_image
from .comments import import_comments
from .content import ARTICLE_BLOCKS, convert, plain_text
from .items import clean_slug, clean_title, where
from .ledger import ImportRun, Kind, checksum, reconcile
from .models import WordPressItem
from .notes import NotedArticle, create_notes, split_notes, update_notes
from .tasks import index_articles
from .taxonomy import author_for, fallback_section, tag_for
from .wxr import Item

STANDFIRST_WORDS, STANDFIRST_MAX = 55, 600


def article_fields(run: ImportRun, item: Item, where: str) -> tuple[dict, list[str]]:
    """What the import writes for a post, as plain values: its checksum says whether a
    second run has anything to change."""
    content, notes, note_warnings = split_notes(run, item)
    converted = convert(
        content,
        find_image=partial(find_image, run),
        allowed=ARTICLE_BLOCKS,
        seed=f"{run.source}/{item.wp_id}",
    )
    converted.warnings += note_warnings
    title = clean_title(item.title)
    if not title:
        converted.warnings.append("titre vide, remplacé par « (sans titre) »")
        title = "(sans titre)"
    standfirst = plain_text(item.excerpt) or Truncator(" ".join(plain_text(content).split())).words(
        STANDFIRST_WORDS
    )
    if len(standfirst) > STANDFIRST_MAX:
        standfirst = Truncator(standfirst).chars(STANDFIRST_MAX)
    if not converted.blocks:
        converted.warnings.append("article sans contenu")
    categories = [slug for domain, slug, _ in item.categories if domain == "category"]
    section = next((run.sections[s] for s in categories if s in run.sections), None)
    if section is None:
        converted.warnings.append("aucune rubrique connue : classé dans « Non classé »")
        section = fallback_section(run)
    thumbnail = item.meta.get("_thumbnail_id", "").strip()
    lead = run.attachments.get(int(thumbnail)) if thumbnail.isdigit() else None
    if thumbnail.isdigit() and lead is None and run.images.enabled:
        converted.warnings.append(f"image à la une {thumbnail} introuvable")
    status = item.status
    if item.password and status == "publish":
        converted.warnings.append("protégé par mot de passe : importé en brouillon")
        status = "draft"
    if status not in {"publish", "future"}:
        converted.warnings.append(f"statut « {status} » : importé en brouillon, non public")
    tag_ids = sorted(
        {tag_for(run, slug, name) for domain, slug, name in item.categories if domain == "post_tag"}
    )
    fields = {
        "title": title[:255],
        "slug": clean_slug(item.slug) or clean_slug(title)[:80] or f"article-{item.wp_id}",
        "standfirst": standfirst,
        "body": converted.blocks,
        "section": section.pk,
        "status": status,
        "date": item.date_gmt,
        "modified": item.modified_gmt,
        "comments_open": item.comment_status == "open",
        "lead_image": lead[0] if lead else None,
        "lead_image_caption": (lead[1] if lead else "")[:300],
        "author": author_for(run, item.creator, where),
        "tags": tag_ids,
        "comments": [c.__dict__ for c in item.comments],
    }
    if notes:  # absent otherwise: a post without notes keeps the checksum of earlier runs
        fields["notes"] = notes
    return fields, converted.warnings


def article_values(fields: dict) -> dict:
    """The article's own fields, by attname: set on an existing article, or written as the
    row of a new one."""
    live = fields["status"] == "publish"
    date = fields["date"] or timezone.now()
    return {
        "title": fields["title"],
        "draft_title": fields["title"],
        "standfirst": fields["standfirst"],
        "body": StreamValue(ArticlePage.body.field.stream_block, fields["body"], is_lazy=True),
        "comments_open": fields["comments_open"],
        "lead_image_id": fields["lead_image"],
        "lead_image_caption": fields["lead_image_caption"],
        "section_id": fields["section"],
        "live": live,
        "has_unpublished_changes": not live,
        "first_published_at": date if live else None,
        "last_published_at": (fields["modified"] or date) if live else None,
        "go_live_at": date if fields["status"] == "future" else None,
    }


def import_posts(run: ImportRun, batch: list[Item]) -> None:
    if not batch:
        return
    with transaction.atomic():
        known = run.mapping(Kind.POST, [i.wp_id for i in batch])
        missing_guids = {i.guid for i in batch if i.wp_id not in known and i.guid}
        by_guid = {
            row.guid: row
            for row in WordPressItem.objects.filter(kind=Kind.POST, guid__in=missing_guids)
            if ArticlePage.objects.filter(pk=row.object_id).exists()
        }
        new: dict[int, list[dict]] = defaultdict(list)  # article rows, by section pk
        fresh: list[tuple[Item, dict, dict, str]] = []  # in the file's order
        in_batch: set[int] = set()
        for item in batch:
            here = where(item)
            if item.wp_id in run.post_pages or item.wp_id in in_batch:
                run.report.warn(here, "identifiant déjà lu plus haut dans l'export, ignoré")
                continue
            in_batch.add(item.wp_id)
            fields, warnings = article_fields(run, item, here)
            for message in warnings:
                run.report.warn(here, message)
            digest = checksum(fields)

            def create(item=item, fields=fields, digest=digest):
                row = article_values(fields) | {"slug": fields["slug"]}
                new[fields["section"]].append(row)
                fresh.append((item, row, fields, digest))
                return None, True  # written and remembered with the batch, below

            pk = reconcile(
                run,
                Kind.POST,
                item.wp_id,
                digest,
                row=known.get(item.wp_id) or by_guid.get(item.guid),
                create=create,
                update=partial(_update_article, run, item=item, fields=fields),
                guid=item.guid,
            )
            if pk is not None:
                run.post_pages[item.wp_id] = pk
        _create_articles(run, new, fresh)
    run.on_progress(len(batch), run.report)


def _create_articles(run: ImportRun, new: dict, fresh: list) -> None:
    """The batch's new articles, bylines, tags, notes, comments, redirects and mapping rows,
    a few multi-row writes each (`gazette.core.table_rows`), without model instances; no
    signal is missed, `bulk_create` sent none either. A scheduled article's revision is
    saved once its bylines and tags are in: Wagtail publishes the revision's child relations
    at go-live. The batch's search indexing is queued on commit."""
    for section_pk, rows in new.items():
        section = _section_by_pk(run, section_pk)
        taken = run.taken_slugs(section)
        for row in rows:
            row["slug"] = bulk.unique_slug(row["slug"], taken)
        bulk.add_children(section, ArticlePage, rows)
    mapped, bylines, tagged = [], [], []
    for item, row, fields, digest in fresh:
        pk = row["id"]
        run.post_pages[item.wp_id] = pk
        bylines.append({"article_id": pk, "author_id": fields["author"]})
        tagged += [{"content_object_id": pk, "tag_id": t} for t in fields["tags"]]
        mapped.append(run.row(Kind.POST, item.wp_id, pk, digest, item.guid))
    Rows(ArticleAuthor, with_id=False).write(bylines)
    Rows(ArticleTag, with_id=False).write(tagged)
    scheduled = {
        row["id"]: fields["date"] for _, row, fields, _ in fresh if fields["status"] == "future"
    }
    for article in ArticlePage.objects.filter(pk__in=scheduled).order_by("pk"):
        article.save_revision(approved_go_live_at=scheduled[article.pk], clean=False)
    noted = [(row, fields["notes"]) for _, row, fields, _ in fresh if "notes" in fields]
    create_notes(
        run,
        [
            (NotedArticle(row["id"], row["live"], row["first_published_at"]), notes)
            for row, notes in noted
        ],
    )
    import_comments(run, [(item, row["id"]) for item, row, _, _ in fresh])
    run.report.created["redirect"] += redirects.add(
        [
            (path, ("page", row["id"]))
            for item, row, _, _ in fresh
            for path in redirects.old_paths(item, site_host=run.site_host)
        ]
    )
    run.write_rows(mapped)
    if fresh:
        pks = [row["id"] for _, row, _, _ in fresh]
        transaction.on_commit(lambda: index_articles.enqueue(pks))


def _section_by_pk(run: ImportRun, pk: int) -> SectionPage:
    for section in run.sections.values():
        if section.pk == pk:
            return section
    return SectionPage.objects.get(pk=pk)


def _update_article(run: ImportRun, pk: int, *, item: Item, fields: dict) -> None:
    """The slow path, one article at a time: an update is rare (a second run after edits in
    WordPress), and Wagtail's own `save` and `move` keep the tree consistent."""
    article = ArticlePage.objects.get(pk=pk)
    for attname, value in article_values(fields).items():
        setattr(article, attname, value)
    article.save()
    if article.get_parent().pk != fields["section"]:
        article.move(_section_by_pk(run, fields["section"]), pos="last-child")
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.create(article=article, author_id=fields["author"])
    ArticleTag.objects.filter(content_object=article).delete()
    ArticleTag.objects.bulk_create(
        [ArticleTag(content_object_id=article.pk, tag_id=t) for t in fields["tags"]]
    )
    if fields["status"] == "future":
        article.save_revision(approved_go_live_at=fields["date"], clean=False)
    update_notes(run, article, fields.get("notes", []), where(item))
    import_comments(run, [(item, article.pk)])
    run.report.created["redirect"] += redirects.add(
        [
            (path, ("page", article.pk))
            for path in redirects.old_paths(item, site_host=run.site_host)
        ]
    )
