"""A WordPress export (WXR) mapped onto Gazette, idempotently and in batches.

Two passes over the file. The first reads it whole, writing nothing: a malformed or hostile
file stops there with its line, and it collects what items refer to (authors, categories,
tags, attachments, pages), which is small. The second streams the posts in batches; each batch
is one transaction holding the articles, their bylines, tags, comments, redirects and the
`WordPressItem` rows that map them, so a run killed at any point resumes where it stopped.

Each item's checksum covers what the import would write: an unchanged item is skipped, a
changed one updated in place, never duplicated.

Decisions a newsroom should know (also in the README):
- publish → live; future → scheduled at its date; draft, pending, private and password-protected
  → draft, never public (private posts were for logged-in editors only, and Gazette caches
  pages publicly); each non-public one is listed in the report.
- `updated_at` (« Mis à jour le ») stays empty: WordPress changes its modified date on trivial
  edits, and readers would see every old article as updated.
- comments keep their status, thread, name, e-mail (never shown) and website; IP addresses are
  kept only when younger than the retention period, as the daily erasure would drop them.
  Importing sends no e-mail and runs no anti-spam rule: comments are created in bulk, without
  the signals a reader's comment fires.
"""

import hashlib
import html
import ipaddress
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from gazette.comments.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, URL_MAX_LENGTH, Comment
from gazette.core.models import CreditedImage
from gazette.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    Author,
    HomePage,
    SectionPage,
    SimplePage,
)
from gazette.news.newsroom import WRITER

from . import pagetree, redirects
from .content import ARTICLE_BLOCKS, PAGE_BLOCKS, convert, plain_text
from .media import ImageSource, import_image
from .models import WordPressItem
from .tasks import index_articles
from .wxr import Author as WPAuthor
from .wxr import Channel, Item, Term, read_wxr

Kind = WordPressItem.Kind
COMMENT_STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
TARGETS = {
    Kind.AUTHOR: Author,
    Kind.CATEGORY: SectionPage,
    Kind.TAG: Tag,
    Kind.ATTACHMENT: CreditedImage,
    Kind.POST: ArticlePage,
    Kind.PAGE: SimplePage,
    Kind.COMMENT: Comment,
}
STANDFIRST_WORDS, STANDFIRST_MAX = 55, 600
FALLBACK_SECTION = ("non-classe", "Non classé")
_email, _url = EmailValidator(), URLValidator(schemes=["http", "https"])

# French names of the kinds, as the operator reads them in the summary.
LABELS = {
    Kind.AUTHOR: "auteurs",
    Kind.CATEGORY: "rubriques",
    Kind.TAG: "mots-clés",
    Kind.ATTACHMENT: "images",
    Kind.POST: "articles",
    Kind.PAGE: "pages",
    Kind.COMMENT: "commentaires",
    "redirect": "redirections",
    "user": "comptes",
}


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where} : {message}")


@dataclass
class Scan:
    """What the first pass keeps: everything but the posts, which are streamed again."""

    channel: Channel = field(default_factory=Channel)
    authors: list[WPAuthor] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    attachments: dict[int, Item] = field(default_factory=dict)
    pages: list[Item] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def scan(path: Path) -> Scan:
    result = Scan()
    for obj in read_wxr(path):
        if isinstance(obj, Channel):
            result.channel = obj
        elif isinstance(obj, WPAuthor):
            result.authors.append(obj)
        elif isinstance(obj, Term):
            (result.categories if obj.kind == "category" else result.tags).append(obj)
        elif isinstance(obj, Item):
            result.counts[obj.post_type] += 1
            result.counts["comment"] += len(obj.comments)
            if obj.post_type == "attachment":
                obj.content = ""
                result.attachments[obj.wp_id] = obj
            elif obj.post_type == "page":
                result.pages.append(obj)
    return result


def checksum(value) -> str:
    return hashlib.sha256(
        json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


def clean_title(raw: str) -> str:
    return " ".join(plain_text(html.unescape(raw or "")).split())


def clean_slug(raw: str) -> str:
    """WordPress stores accented slugs percent-encoded (« %c3%a9conomie »)."""
    return slugify(unquote(raw or ""))[:200]


def _where(item: Item) -> str:
    """Called for every item, warning or not: kept cheap (no sanitiser, no Truncator)."""
    title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", item.title)).split())
    title = (title[:49] + "…" if len(title) > 50 else title) or "(sans titre)"
    return f"ligne {item.line}, {item.post_type} {item.wp_id} « {title} »"


class Importer:
    def __init__(
        self,
        path: Path,
        *,
        images: ImageSource,
        batch_size: int = 200,
        users: bool = False,
        on_progress: Callable[[int, Report], None] = lambda n, report: None,
    ):
        self.path, self.images, self.batch_size = Path(path), images, batch_size
        self.users = users
        self.on_progress = on_progress
        self.report = Report()
        self.scanned: Scan | None = None

    # Entry points ---------------------------------------------------------------------

    def check(self) -> Scan:
        """The first pass: reads all, writes nothing, raises `WXRError` on a bad file."""
        self.scanned = scan(self.path)
        return self.scanned

    def run(self) -> Report:
        scanned = self.scanned or self.check()
        channel = scanned.channel
        self.source = (channel.base_blog_url or channel.base_site_url or channel.link)[:200]
        self.site_host = urlsplit(self.source).hostname or ""
        self.home = self._ensure_home()
        self.authors = self._import_authors(scanned.authors)
        self.author_wp_ids = {a.wp_id for a in scanned.authors}
        self.sections = self._import_categories(scanned.categories)
        self.tags = self._import_tags(scanned.tags)
        self.attachments = self._import_attachments(scanned.attachments)
        self.section_slugs: dict[int, set[str]] = {}
        self.post_pages: dict[int, int] = {}
        batch: list[Item] = []
        for obj in read_wxr(self.path):
            if not isinstance(obj, Item):
                continue
            if obj.post_type == "post":
                batch.append(obj)
                if len(batch) >= self.batch_size:
                    self._import_posts(batch)
                    batch = []
            elif obj.post_type not in {"page", "attachment"}:
                self.report.skipped[obj.post_type] += 1
                self.on_progress(1, self.report)
        self._import_posts(batch)
        self._import_pages(scanned.pages)
        self._add_archive_redirects(scanned)
        skipped_types = sorted(k for k in self.report.skipped if k not in LABELS)
        for post_type in skipped_types:
            self.report.warn(
                "export",
                f"{self.report.skipped[post_type]} élément(s) de type « {post_type} » non importés",
            )
        return self.report

    # Site structure -------------------------------------------------------------------

    def _ensure_home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(title="La une", slug="la-une", live=False)
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
        if site is None:
            Site.objects.create(is_default_site=True, root_page=home, hostname="localhost")
        else:
            site.root_page = home
            site.save()
        return home

    def _mapping(self, kind: str, wp_ids) -> dict[int, WordPressItem]:
        """The rows of earlier runs whose Gazette object still exists. An object an editor
        has since deleted is imported again: its stale row goes, so that the new row does
        not collide with it."""
        rows = list(
            WordPressItem.objects.filter(source=self.source, kind=kind, wp_id__in=list(wp_ids))
        )
        model = TARGETS[kind]
        alive = set(
            model.objects.filter(pk__in=[r.object_id for r in rows]).values_list("pk", flat=True)
        )
        stale = [row.pk for row in rows if row.object_id not in alive]
        if stale:
            WordPressItem.objects.filter(pk__in=stale).delete()
        return {row.wp_id: row for row in rows if row.object_id in alive}

    def _remember(self, kind, wp_id, object_id, digest, guid="") -> WordPressItem:
        return WordPressItem(
            source=self.source,
            kind=kind,
            wp_id=wp_id,
            guid=guid[:500],
            object_id=object_id,
            checksum=digest,
        )

    def _save_mapping(self, row: WordPressItem) -> None:
        WordPressItem.objects.update_or_create(
            source=row.source,
            kind=row.kind,
            wp_id=row.wp_id,
            defaults={"object_id": row.object_id, "checksum": row.checksum, "guid": row.guid},
        )

    def _import_authors(self, authors: list[WPAuthor]) -> dict[str, int]:
        known = self._mapping(Kind.AUTHOR, [a.wp_id for a in authors])
        by_login: dict[str, int] = {}
        for wp_author in authors:
            name = (
                wp_author.display_name
                or f"{wp_author.first_name} {wp_author.last_name}".strip()
                or wp_author.login
            )[:120]
            digest = checksum([name])
            row = known.get(wp_author.wp_id)
            with transaction.atomic():
                author = Author.objects.filter(pk=row.object_id).first() if row else None
                if author is None:
                    slug = clean_slug(wp_author.login) or f"auteur-{wp_author.wp_id}"
                    author, created = Author.objects.get_or_create(
                        slug=slug, defaults={"name": name}
                    )
                    self.report.created[Kind.AUTHOR] += created
                    self.report.skipped[Kind.AUTHOR] += not created
                elif row.checksum != digest:
                    author.name = name
                    author.save(update_fields=["name"])
                    self.report.updated[Kind.AUTHOR] += 1
                else:
                    self.report.skipped[Kind.AUTHOR] += 1
                self._save_mapping(self._remember(Kind.AUTHOR, wp_author.wp_id, author.pk, digest))
                if self.users:
                    self._ensure_user(wp_author)
            by_login[wp_author.login] = author.pk
        return by_login

    def _ensure_user(self, wp_author: WPAuthor) -> None:
        """An account in the Rédacteur group, without a password: the journalist sets one
        through « Mot de passe oublié », so no password travels with the export."""
        user, created = get_user_model().objects.get_or_create(
            username=wp_author.login[:150],
            defaults={
                "email": _valid(_email, wp_author.email),
                "first_name": wp_author.first_name[:150],
                "last_name": wp_author.last_name[:150],
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=WRITER))
            self.report.created["user"] += 1

    def _author_for(self, login: str, where: str) -> int:
        if login not in self.authors:
            self.report.warn(where, f"auteur « {login or '?'} » absent de l'export, créé")
            slug = clean_slug(login) or "redaction"
            author, created = Author.objects.get_or_create(
                slug=slug, defaults={"name": login or "La rédaction"}
            )
            self.report.created[Kind.AUTHOR] += created
            self.authors[login] = author.pk
        return self.authors[login]

    def _import_categories(self, terms: list[Term]) -> dict[str, SectionPage]:
        known = self._mapping(Kind.CATEGORY, [t.wp_id for t in terms])

        def create(term: Term, parent: SectionPage | None) -> SectionPage:
            with transaction.atomic():
                return self._section(term, parent or self.home, known.get(term.wp_id))

        return parents_first(
            terms, key=lambda t: t.slug, parent_key=lambda t: t.parent_slug, create=create
        )

    def _section(self, term: Term, parent: Page, row: WordPressItem | None) -> SectionPage:
        digest = checksum([term.name, term.description])
        section = SectionPage.objects.filter(pk=row.object_id).first() if row else None
        if section is None:
            slug = clean_slug(term.slug) or clean_slug(term.name) or f"rubrique-{term.wp_id}"
            section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
            if section is None:
                section = SectionPage(
                    title=term.name[:255],
                    slug=slug,
                    intro=plain_text(term.description),
                    show_in_menus=parent.pk == self.home.pk,
                    live=False,
                )
                parent.add_child(instance=section)
                section.save_revision().publish()
                self.report.created[Kind.CATEGORY] += 1
            else:
                self.report.skipped[Kind.CATEGORY] += 1
        elif row.checksum != digest:
            section.title, section.intro = term.name[:255], plain_text(term.description)
            section.save_revision().publish()
            self.report.updated[Kind.CATEGORY] += 1
        else:
            self.report.skipped[Kind.CATEGORY] += 1
        self._save_mapping(self._remember(Kind.CATEGORY, term.wp_id, section.pk, digest))
        return section

    def _fallback_section(self) -> SectionPage:
        slug, title = FALLBACK_SECTION
        if slug not in self.sections:
            with transaction.atomic():
                section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
                if section is None:
                    section = SectionPage(title=title, slug=slug, live=False)
                    self.home.add_child(instance=section)
                    section.save_revision().publish()
                    self.report.created[Kind.CATEGORY] += 1
            self.sections[slug] = section
        return self.sections[slug]

    def _import_tags(self, terms: list[Term]) -> dict[str, int]:
        known = self._mapping(Kind.TAG, [t.wp_id for t in terms])
        tags: dict[str, int] = {}
        for term in terms:
            with transaction.atomic():
                row = known.get(term.wp_id)
                tag = Tag.objects.filter(pk=row.object_id).first() if row else None
                if tag is None:
                    tag, created = Tag.objects.get_or_create(name=term.name[:100])
                    self.report.created[Kind.TAG] += created
                    self.report.skipped[Kind.TAG] += not created
                else:
                    self.report.skipped[Kind.TAG] += 1
                self._save_mapping(self._remember(Kind.TAG, term.wp_id, tag.pk, ""))
            tags[term.slug] = tag.pk
        return tags

    def _tag_for(self, slug: str, name: str) -> int:
        if slug not in self.tags:
            tag, created = Tag.objects.get_or_create(name=html.unescape(name)[:100])
            self.report.created[Kind.TAG] += created
            self.tags[slug] = tag.pk
        return self.tags[slug]

    # Images ---------------------------------------------------------------------------

    def _import_attachments(self, attachments: dict[int, Item]) -> dict[int, tuple[int, str]]:
        """Attachment id → (image pk, caption). Also indexes file names, so that an <img>
        pointing at a resized copy (« photo-300x169.jpg ») finds its image."""
        found: dict[int, tuple[int, str]] = {}
        self.image_files: dict[str, tuple[int, str]] = {}
        known = self._mapping(Kind.ATTACHMENT, attachments)
        if attachments and not self.images.enabled:
            self.report.warn(
                "images",
                f"{len(attachments)} pièce(s) jointe(s) non importée(s) : {self.images.why_not}",
            )
        for wp_id, item in attachments.items():
            self.on_progress(1, self.report)
            caption = plain_text(item.excerpt)[:300]
            row = known.get(wp_id)
            if row:
                found[wp_id] = (row.object_id, caption)
                self.report.skipped[Kind.ATTACHMENT] += 1
            elif self.images.enabled:
                with transaction.atomic():
                    image, problem = import_image(item, self.images)
                    if image is None:
                        self.report.warn(_where(item), problem)
                        self.report.skipped[Kind.ATTACHMENT] += 1
                        continue
                    self._save_mapping(
                        self._remember(Kind.ATTACHMENT, wp_id, image.pk, "", item.guid)
                    )
                    self.report.created["redirect"] += redirects.add(
                        [(path, ("link", image.file.url)) for path in _file_paths(item)]
                    )
                found[wp_id] = (image.pk, caption)
                self.report.created[Kind.ATTACHMENT] += 1
            else:
                continue
            for name in (item.meta.get("_wp_attached_file", ""), item.attachment_url):
                if name:
                    self.image_files[_file_key(name)] = found[wp_id]
        return found

    def _find_image(self, attachment: int | None, src: str) -> tuple[int, str] | None:
        if attachment in self.attachments:
            return self.attachments[attachment]
        return self.image_files.get(_file_key(src)) if src else None

    # Posts ----------------------------------------------------------------------------

    def _article_fields(self, item: Item, where: str) -> tuple[dict, list[str]]:
        converted = convert(
            item.content,
            find_image=self._find_image,
            allowed=ARTICLE_BLOCKS,
            seed=f"{self.source}/{item.wp_id}",
        )
        title = clean_title(item.title)
        if not title:
            converted.warnings.append("titre vide, remplacé par « (sans titre) »")
            title = "(sans titre)"
        standfirst = plain_text(item.excerpt) or Truncator(
            " ".join(plain_text(item.content).split())
        ).words(STANDFIRST_WORDS)
        if len(standfirst) > STANDFIRST_MAX:
            standfirst = Truncator(standfirst).chars(STANDFIRST_MAX)
        if not converted.blocks:
            converted.warnings.append("article sans contenu")
        categories = [slug for domain, slug, _ in item.categories if domain == "category"]
        section = next((self.sections[s] for s in categories if s in self.sections), None)
        if section is None:
            converted.warnings.append("aucune rubrique connue : classé dans « Non classé »")
            section = self._fallback_section()
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        lead = self.attachments.get(int(thumbnail)) if thumbnail.isdigit() else None
        if thumbnail.isdigit() and lead is None and self.images.enabled:
            converted.warnings.append(f"image à la une {thumbnail} introuvable")
        status = item.status
        if item.password and status == "publish":
            converted.warnings.append("protégé par mot de passe : importé en brouillon")
            status = "draft"
        if status not in {"publish", "future"}:
            converted.warnings.append(f"statut « {status} » : importé en brouillon, non public")
        tag_ids = sorted(
            {
                self._tag_for(slug, name)
                for domain, slug, name in item.categories
                if domain == "post_tag"
            }
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
            "author": self._author_for(item.creator, where),
            "tags": tag_ids,
            "comments": [c.__dict__ for c in item.comments],
        }
        return fields, converted.warnings

    def _apply(self, article: ArticlePage, fields: dict) -> None:
        article.title = article.draft_title = fields["title"]
        article.standfirst = fields["standfirst"]
        article.body = StreamValue(
            ArticlePage.body.field.stream_block, fields["body"], is_lazy=True
        )
        article.comments_open = fields["comments_open"]
        article.lead_image_id = fields["lead_image"]
        article.lead_image_caption = fields["lead_image_caption"]
        article.section_id = fields["section"]
        live = fields["status"] == "publish"
        article.live, article.has_unpublished_changes = live, not live
        date = fields["date"] or timezone.now()
        article.first_published_at = date if live else None
        article.last_published_at = (fields["modified"] or date) if live else None
        article.go_live_at = date if fields["status"] == "future" else None

    def _import_posts(self, batch: list[Item]) -> None:
        if not batch:
            return
        with transaction.atomic():
            known = self._mapping(Kind.POST, [i.wp_id for i in batch])
            missing_guids = {i.guid for i in batch if i.wp_id not in known and i.guid}
            by_guid = {
                row.guid: row
                for row in WordPressItem.objects.filter(kind=Kind.POST, guid__in=missing_guids)
                if ArticlePage.objects.filter(pk=row.object_id).exists()
            }
            new: dict[int, list[tuple[Item, ArticlePage, dict]]] = defaultdict(list)
            rows, fresh = [], []
            in_batch: set[int] = set()
            for item in batch:
                where = _where(item)
                if item.wp_id in self.post_pages or item.wp_id in in_batch:
                    self.report.warn(where, "identifiant déjà lu plus haut dans l'export, ignoré")
                    continue
                in_batch.add(item.wp_id)
                fields, warnings = self._article_fields(item, where)
                for message in warnings:
                    self.report.warn(where, message)
                digest = checksum(fields)
                row = known.get(item.wp_id) or by_guid.get(item.guid)
                if row and row.checksum == digest:
                    self.report.skipped[Kind.POST] += 1
                    self.post_pages[item.wp_id] = row.object_id
                    continue
                article = ArticlePage.objects.filter(pk=row.object_id).first() if row else None
                if article is not None:
                    self._update_article(article, item, fields)
                    self.post_pages[item.wp_id] = article.pk
                    self._save_mapping(
                        self._remember(Kind.POST, item.wp_id, article.pk, digest, item.guid)
                    )
                    continue
                article = ArticlePage()
                self._apply(article, fields)
                article.slug = fields["slug"]
                new[fields["section"]].append((item, article, fields))
                fresh.append((item, article, fields, digest))
            for section_pk, entries in new.items():
                section = self._section_by_pk(section_pk)
                taken = self._slugs(section)
                for _, article, _ in entries:
                    article.slug = pagetree.unique_slug(article.slug, taken)
                pagetree.add_children(section, [article for _, article, _ in entries])
            bylines, tagged = [], []
            for item, article, fields, digest in fresh:
                self.post_pages[item.wp_id] = article.pk
                bylines.append(ArticleAuthor(article_id=article.pk, author_id=fields["author"]))
                tagged += [
                    ArticleTag(content_object_id=article.pk, tag_id=t) for t in fields["tags"]
                ]
                rows.append(self._remember(Kind.POST, item.wp_id, article.pk, digest, item.guid))
                if fields["status"] == "future":
                    article.save_revision(approved_go_live_at=fields["date"], clean=False)
            ArticleAuthor.objects.bulk_create(bylines)
            ArticleTag.objects.bulk_create(tagged)
            self._import_comments([(i, a.pk) for i, a, _, _ in fresh])
            self.report.created["redirect"] += redirects.add(
                [(path, ("page", a.pk)) for i, a, _, _ in fresh for path in self._old_paths(i)]
            )
            WordPressItem.objects.bulk_create(rows)
            self.report.created[Kind.POST] += len(fresh)
            if fresh:
                pks = [article.pk for _, article, _, _ in fresh]
                transaction.on_commit(lambda: index_articles.enqueue(pks))
        self.on_progress(len(batch), self.report)

    def _section_by_pk(self, pk: int) -> SectionPage:
        for section in self.sections.values():
            if section.pk == pk:
                return section
        return SectionPage.objects.get(pk=pk)

    def _slugs(self, parent: Page) -> set[str]:
        if parent.pk not in self.section_slugs:
            self.section_slugs[parent.pk] = set(
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        return self.section_slugs[parent.pk]

    def _update_article(self, article: ArticlePage, item: Item, fields: dict) -> None:
        """The slow path, one article at a time: an update is rare (a second run after edits in
        WordPress), and Wagtail's own `save` and `move` keep the tree consistent."""
        self._apply(article, fields)
        article.save()
        if article.get_parent().pk != fields["section"]:
            article.move(self._section_by_pk(fields["section"]), pos="last-child")
        ArticleAuthor.objects.filter(article=article).delete()
        ArticleAuthor.objects.create(article=article, author_id=fields["author"])
        ArticleTag.objects.filter(content_object=article).delete()
        ArticleTag.objects.bulk_create(
            [ArticleTag(content_object_id=article.pk, tag_id=t) for t in fields["tags"]]
        )
        if fields["status"] == "future":
            article.save_revision(approved_go_live_at=fields["date"], clean=False)
        self._import_comments([(item, article.pk)])
        self.report.created["redirect"] += redirects.add(
            [(path, ("page", article.pk)) for path in self._old_paths(item)]
        )
        self.report.updated[Kind.POST] += 1

    def _old_paths(self, item: Item) -> list[str]:
        """Where WordPress served the item: its permalink, « /?p=ID » (always answered, and the
        GUID of most posts), and the GUID when it is an address on the same site."""
        query = "page_id" if item.post_type == "page" else "p"
        if item.post_type == "attachment":
            query = "attachment_id"
        paths = [f"/?{query}={item.wp_id}"]
        for url in (item.link, item.guid):
            parts = urlsplit(url)
            if parts.hostname == self.site_host and (parts.path.strip("/") or parts.query):
                paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return paths

    # Comments -------------------------------------------------------------------------

    def _import_comments(self, posts: list[tuple[Item, int]]) -> None:
        """Level by level, so that a reply is created after its parent and gets its id in
        the same bulk insert; a reply whose parent is not in the export is kept at the top
        level and reported."""
        wanted = [c.wp_id for item, _ in posts for c in item.comments]
        if not wanted:
            return
        known = self._mapping(Kind.COMMENT, wanted)
        created_ids = {wp_id: row.object_id for wp_id, row in known.items()}
        pending: list[tuple[Item, int, object, Comment | None]] = []
        ip_limit = timezone.now() - timedelta(days=settings.GAZETTE_COMMENT_IP_DAYS)
        for item, article_pk in posts:
            ids = {c.wp_id for c in item.comments}
            for wp_comment in item.comments:
                if wp_comment.type in {"pingback", "trackback"}:
                    self.report.skipped[Kind.COMMENT] += 1
                    continue
                if wp_comment.parent and wp_comment.parent not in ids:
                    self.report.warn(
                        _where(item),
                        f"commentaire {wp_comment.wp_id} : réponse à un commentaire absent "
                        f"({wp_comment.parent}), placé au premier niveau",
                    )
                    wp_comment.parent = 0
                comment = self._comment(item, article_pk, wp_comment, ip_limit)
                pending.append((item, wp_comment.wp_id, wp_comment, comment))
        rows = []
        level = [p for p in pending if not p[2].parent]
        remaining = [p for p in pending if p[2].parent]
        while level:
            to_create = []
            for _item, wp_id, wp_comment, comment in level:
                comment.parent_id = created_ids.get(wp_comment.parent)
                digest = checksum(
                    [comment.status, comment.text, comment.author_name, comment.parent_id]
                )
                if wp_id in known:
                    row = known[wp_id]
                    if row.checksum != digest:
                        Comment.objects.filter(pk=row.object_id).update(
                            status=comment.status,
                            text=comment.text,
                            author_name=comment.author_name,
                            parent_id=comment.parent_id,
                        )
                        row.checksum = digest
                        row.save(update_fields=["checksum"])
                        self.report.updated[Kind.COMMENT] += 1
                    else:
                        self.report.skipped[Kind.COMMENT] += 1
                    continue
                to_create.append((wp_id, comment, digest))
            Comment.objects.bulk_create([c for _, c, _ in to_create])
            for wp_id, comment, digest in to_create:
                created_ids[wp_id] = comment.pk
                rows.append(self._remember(Kind.COMMENT, wp_id, comment.pk, digest))
            self.report.created[Kind.COMMENT] += len(to_create)
            done = {p[1] for p in level}
            level = [p for p in remaining if p[2].parent in done]
            remaining = [p for p in remaining if p[2].parent not in done]
        for item, wp_id, _, _ in remaining:  # a loop of replies: WordPress cannot make one
            self.report.warn(_where(item), f"commentaire {wp_id} : fil de réponses en boucle")
        WordPressItem.objects.bulk_create(rows)

    def _comment(self, item: Item, article_pk: int, wp, ip_limit) -> Comment:
        where = _where(item)
        text = plain_text(wp.content)
        if len(text) > TEXT_MAX_LENGTH:
            self.report.warn(where, f"commentaire {wp.wp_id} raccourci à {TEXT_MAX_LENGTH} signes")
            text = text[: TEXT_MAX_LENGTH - 1] + "…"
        status = COMMENT_STATUSES.get(wp.approved.lower())
        if status is None:
            self.report.warn(
                where, f"commentaire {wp.wp_id} : statut « {wp.approved} » → en attente"
            )
            status = Comment.Status.PENDING
        created = wp.date_gmt or item.date_gmt or timezone.now()
        return Comment(
            article_id=article_pk,
            author_name=(wp.author or "Anonyme")[:NAME_MAX_LENGTH],
            author_email=_valid(_email, wp.email),
            author_url=_valid(_url, wp.url)[:URL_MAX_LENGTH],
            text=text,
            status=status,
            created_at=created,
            ip_address=_ip(wp.ip) if created >= ip_limit else None,
            is_newsroom=bool(wp.user_id) and wp.user_id in self.author_wp_ids,
        )

    # Pages ----------------------------------------------------------------------------

    def _import_pages(self, pages: list[Item]) -> None:
        """Pages are few: Wagtail's own `add_child` and publishing."""
        known = self._mapping(Kind.PAGE, [p.wp_id for p in pages])

        def create(item: Item, parent: Page | None) -> Page:
            with transaction.atomic():
                page = self._page(item, parent or self.home, known.get(item.wp_id))
            self.on_progress(1, self.report)
            return page

        parents_first(
            sorted(pages, key=lambda p: (p.menu_order, p.wp_id)),
            key=lambda p: p.wp_id,
            parent_key=lambda p: p.parent,
            create=create,
        )

    def _page(self, item: Item, parent: Page, row: WordPressItem | None) -> Page:
        where = _where(item)
        converted = convert(
            item.content,
            find_image=self._find_image,
            allowed=PAGE_BLOCKS,
            seed=f"{self.source}/{item.wp_id}",
        )
        for message in converted.warnings:
            self.report.warn(where, message)
        if item.comments:
            self.report.warn(
                where,
                f"{len(item.comments)} commentaire(s) non repris : Gazette n'ouvre les "
                "commentaires que sur les articles",
            )
            self.report.skipped[Kind.COMMENT] += len(item.comments)
        title = clean_title(item.title) or "(sans titre)"
        live = item.status == "publish" and not item.password
        digest = checksum([title, converted.blocks, live])
        page = SimplePage.objects.filter(pk=row.object_id).first() if row else None
        if page is not None and row.checksum == digest:
            self.report.skipped[Kind.PAGE] += 1
            return page
        if page is None:
            slug = clean_slug(item.slug) or clean_slug(title) or f"page-{item.wp_id}"
            page = SimplePage(
                title=title[:255], slug=pagetree.unique_slug(slug, self._slugs(parent)), live=False
            )
            page.body = converted.blocks
            parent.add_child(instance=page)
            self.report.created[Kind.PAGE] += 1
        else:
            page.title, page.body = title[:255], converted.blocks
            self.report.updated[Kind.PAGE] += 1
        revision = page.save_revision(clean=False)
        if live:
            revision.publish()
            if item.date_gmt:
                SimplePage.objects.filter(pk=page.pk).update(first_published_at=item.date_gmt)
        else:
            self.report.warn(where, f"statut « {item.status} » : importée en brouillon")
        self.report.created["redirect"] += redirects.add(
            [(path, ("page", page.pk)) for path in self._old_paths(item)]
        )
        self._save_mapping(self._remember(Kind.PAGE, item.wp_id, page.pk, digest, item.guid))
        return page

    # Archives -------------------------------------------------------------------------

    def _add_archive_redirects(self, scanned: Scan) -> None:
        with transaction.atomic():
            sections = {term.slug: self.sections[term.slug] for term in scanned.categories}
            by_slug = {t.slug: t for t in scanned.categories}
            targets = redirects.archive_targets(
                home=self.home,
                sections=sections,
                category_paths={slug: _category_path(slug, by_slug) for slug in sections},
                tags=self.tags,
                authors=self.authors,
            )
            attachment_targets = []
            for item in scanned.attachments.values():
                page_pk = self._post_or_page(item.parent)
                if page_pk:
                    attachment_targets += [(p, ("page", page_pk)) for p in self._old_paths(item)]
            self.report.created["redirect"] += redirects.add(targets + attachment_targets)

    def _post_or_page(self, wp_id: int) -> int | None:
        if not wp_id:
            return None
        if wp_id in self.post_pages:
            return self.post_pages[wp_id]
        row = WordPressItem.objects.filter(
            source=self.source, kind__in=[Kind.POST, Kind.PAGE], wp_id=wp_id
        ).first()
        return row.object_id if row else None


def parents_first(items: list, *, key, parent_key, create) -> dict:
    """`create(item, parent)` for each item, its parent's first, whatever the file's order.
    A parent missing from the export, or a loop, gives None: the item goes to the top."""
    by_key = {key(item): item for item in items}
    placed: dict = {}

    def place(item, seen: frozenset = frozenset()):
        if key(item) not in placed:
            parent_item = by_key.get(parent_key(item))
            parent = None
            if parent_item is not None and parent_key(item) not in seen:
                parent = place(parent_item, seen | {key(item)})
            if key(item) not in placed:  # a loop came back here and placed it already
                placed[key(item)] = create(item, parent)
        return placed[key(item)]

    for item in items:
        place(item)
    return placed


def _category_path(slug: str, by_slug: dict[str, Term]) -> str:
    """WordPress's category archive path nests parents: « /category/monde/europe/ »."""
    parts, seen = [], set()
    while slug and slug not in seen:
        seen.add(slug)
        parts.insert(0, slug)
        slug = by_slug[slug].parent_slug if slug in by_slug else ""
    return "/".join(parts)


def _file_paths(item: Item) -> list[str]:
    """The old addresses of an image file and of the resized copies WordPress made of it,
    which other sites and search engines link to."""
    url = urlsplit(item.attachment_url)
    if not url.path:
        return []
    folder = url.path.rsplit("/", 1)[0]
    sizes = re.findall(r's:4:"file";s:\d+:"([^"/]+)"', item.meta.get("_wp_attachment_metadata", ""))
    return [url.path] + [f"{folder}/{name}" for name in sizes]


def _file_key(name: str) -> str:
    """« 2025/01/photo-1024x576.jpg » and « …/uploads/2025/01/photo.jpg » share a key."""
    stem = PurePosixPath(urlsplit(name).path).name
    return re.sub(r"-\d+x\d+(?=\.\w+$)|-scaled(?=\.\w+$)", "", stem).lower()


def _valid(validator, value: str) -> str:
    try:
        validator(value)
    except ValidationError:
        return ""
    return value


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
