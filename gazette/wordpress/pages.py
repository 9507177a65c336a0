"""WordPress pages become simple pages under la une, parents first. They are few: Wagtail's
own `add_child` and publishing."""

from functools import partial

from django.db import transaction
from wagtail.models import Page

from gazette.news import bulk
from gazette.news.models import SimplePage

from . import redirects
from .attachments import find_image
from .content import PAGE_BLOCKS, convert
from .items import clean_slug, clean_title, parents_first, where
from .ledger import ImportRun, Kind, checksum, reconcile
from .models import WordPressItem
from .wxr import Item


def import_pages(run: ImportRun, pages: list[Item]) -> None:
    known = run.mapping(Kind.PAGE, [p.wp_id for p in pages])

    def create(item: Item, parent: Page | None) -> Page:
        with transaction.atomic():
            page = _page(run, item, parent or run.home, known.get(item.wp_id))
        run.on_progress(1, run.report)
        return page

    parents_first(
        sorted(pages, key=lambda p: (p.menu_order, p.wp_id)),
        key=lambda p: p.wp_id,
        parent_key=lambda p: p.parent,
        create=create,
    )


def _page(run: ImportRun, item: Item, parent: Page, row: WordPressItem | None) -> Page:
    here = where(item)
    converted = convert(
        item.content,
        find_image=partial(find_image, run),
        allowed=PAGE_BLOCKS,
        seed=f"{run.source}/{item.wp_id}",
    )
    for message in converted.warnings:
        run.report.warn(here, message)
    if item.comments:
        run.report.warn(
            here,
            f"{len(item.comments)} commentaire(s) non repris : Gazette n'ouvre les "
            "commentaires que sur les articles",
        )
        run.report.skipped[Kind.COMMENT] += len(item.comments)
    title = clean_title(item.title) or "(sans titre)"
    live = item.status == "publish" and not item.password

    def publish(page: SimplePage) -> None:
        revision = page.save_revision(clean=False)
        if live:
            revision.publish()
            if item.date_gmt:
                SimplePage.objects.filter(pk=page.pk).update(first_published_at=item.date_gmt)
        else:
            run.report.warn(here, f"statut « {item.status} » : importée en brouillon")
        run.report.created["redirect"] += redirects.add(
            [
                (path, ("page", page.pk))
                for path in redirects.old_paths(item, site_host=run.site_host)
            ]
        )

    def create():
        slug = clean_slug(item.slug) or clean_slug(title) or f"page-{item.wp_id}"
        page = SimplePage(
            title=title[:255], slug=bulk.unique_slug(slug, run.taken_slugs(parent)), live=False
        )
        page.body = converted.blocks
        parent.add_child(instance=page)
        publish(page)
        return page.pk, True

    def update(pk):
        page = SimplePage.objects.get(pk=pk)
        page.title, page.body = title[:255], converted.blocks
        publish(page)

    digest = checksum([title, converted.blocks, live])
    pk = reconcile(
        run, Kind.PAGE, item.wp_id, digest, row=row, create=create, update=update, guid=item.guid
    )
    return SimplePage.objects.get(pk=pk)
