"""A WordPress export (WXR) mapped onto Gazette, idempotently and in batches.

The file is read whole before anything is written: a malformed or hostile file stops there
with its line. That read collects what items refer to (authors, categories, tags,
attachments, pages), which is small, and keeps the posts too while their text stays under
`KEPT_TEXT_LIMIT`: the file is then read once, which saves a sixth of an import's time. A
larger export is read a second time instead, its posts streamed, so that memory stays flat
whatever its size. The posts are written in batches; each batch is one transaction holding
the articles, their bylines, tags, comments, redirects and the `WordPressItem` rows that map
them, so a run killed at any point resumes where it stopped.

Each item's checksum covers what the import would write: an unchanged item is skipped, a
changed one updated in place, never duplicated.

Decisions a newsroom should know (also in the README):
- publish → live; future → scheduled at its date; draft, pending, private and password-protected
  → draft, never public (private posts were for logged-in editors only, and Gazette caches
  pages publicly); each non-public one is listed in the report.
- `updated_at` (« Mis à jour le ») follows the notes found in the text (« Rectificatif : … »,
  « Mise à jour le … », `notes.py`), never WordPress's modified date, which changes on trivial
  edits: readers would see every old article as updated.
- comments keep their status, thread, name, e-mail (never shown) and website; IP addresses are
  kept only when younger than the retention period, as the daily erasure would drop them.
  Importing sends no e-mail and runs no anti-spam rule: comments are created in bulk, without
  the signals a reader's comment fires.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction

from gazette.core import invalidation
from gazette.news.site_root import ensure_home

from . import redirects
from .attachments import import_attachments
from .items import clean_title, parents_first
from .ledger import ImportRun, Kind, Report
from .media import ImageSource
from .models import WordPressItem
from .pages import import_pages
from .posts import import_posts
from .taxonomy import import_authors, import_categories, import_tags
from .wxr import Author as WPAuthor
from .wxr import Channel, Item, Term, read_wxr

__all__ = ["LABELS", "Importer", "Report", "Scan", "clean_title", "parents_first", "scan"]

# French names of the kinds, as the operator reads them in the summary.
LABELS = {
    Kind.AUTHOR: "auteurs",
    Kind.CATEGORY: "rubriques",
    Kind.TAG: "mots-clés",
    Kind.ATTACHMENT: "images",
    Kind.POST: "articles",
    Kind.PAGE: "pages",
    Kind.COMMENT: "commentaires",
    "note": "notes",
    "redirect": "redirections",
    "user": "comptes",
}


# Characters of post and comment text kept from the first read. A 10,000-post export of 64 MB
# holds 60 million, and its import then peaks 62 MB above a streamed one (222 MB, not 160):
# at the limit, about 130 MB above.
KEPT_TEXT_LIMIT = 128_000_000


@dataclass
class Scan:
    """What the first read keeps: everything but the posts (and other post types), which
    are kept in `posts` while the limit allows, else None and streamed again."""

    channel: Channel = field(default_factory=Channel)
    authors: list[WPAuthor] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    attachments: dict[int, Item] = field(default_factory=dict)
    pages: list[Item] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    posts: list[Item] | None = field(default_factory=list)


def scan(path: Path) -> Scan:
    result = Scan()
    kept_text = 0
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
            elif result.posts is not None:
                kept_text += len(obj.content) + sum(len(c.content) for c in obj.comments)
                result.posts.append(obj)
                if kept_text > KEPT_TEXT_LIMIT:
                    result.posts = None
    return result


class Importer:
    """The two passes; each kind's own module (taxonomy, attachments, posts, comments,
    pages) does its part through the run's state and `ledger.reconcile`."""

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

    def check(self) -> Scan:
        """The first read: reads all, writes nothing, raises `WXRError` on a bad file."""
        self.scanned = scan(self.path)
        return self.scanned

    def run(self) -> Report:
        scanned = self.scanned or self.check()
        channel = scanned.channel
        source = (channel.base_blog_url or channel.base_site_url or channel.link)[:200]
        run = ImportRun(
            source=source,
            site_host=urlsplit(source).hostname or "",
            home=ensure_home()[0],
            images=self.images,
            report=self.report,
            on_progress=lambda n, report: self.on_progress(n, report),
            users=self.users,
        )
        import_authors(run, scanned.authors)
        import_categories(run, scanned.categories)
        import_tags(run, scanned.tags)
        import_attachments(run, scanned.attachments)
        batch: list[Item] = []
        for obj in read_wxr(self.path) if scanned.posts is None else scanned.posts:
            if not isinstance(obj, Item):
                continue
            if obj.post_type == "post":
                batch.append(obj)
                if len(batch) >= self.batch_size:
                    import_posts(run, batch)
                    batch = []
            elif obj.post_type not in {"page", "attachment"}:
                self.report.skipped[obj.post_type] += 1
                self.on_progress(1, self.report)
        import_posts(run, batch)
        import_pages(run, scanned.pages)
        _add_archive_redirects(run, scanned)
        if self.report.created or self.report.updated:
            # Rows written in bulk and articles saved without a revision send none of the
            # signals that purge: whatever the site kept of its pages and lists is outdated.
            invalidation.purge_everything()
        skipped_types = sorted(k for k in self.report.skipped if k not in LABELS)
        for post_type in skipped_types:
            self.report.warn(
                "export",
                f"{self.report.skipped[post_type]} élément(s) de type « {post_type} » non importés",
            )
        return self.report


def _add_archive_redirects(run: ImportRun, scanned: Scan) -> None:
    with transaction.atomic():
        sections = {term.slug: run.sections[term.slug] for term in scanned.categories}
        by_slug = {t.slug: t for t in scanned.categories}
        targets = redirects.archive_targets(
            home=run.home,
            sections=sections,
            category_paths={slug: _category_path(slug, by_slug) for slug in sections},
            tags=run.tags,
            authors=run.authors,
        )
        attachment_targets = []
        for item in scanned.attachments.values():
            page_pk = _post_or_page(run, item.parent)
            if page_pk:
                attachment_targets += [
                    (path, ("page", page_pk))
                    for path in redirects.old_paths(item, site_host=run.site_host)
                ]
        run.report.created["redirect"] += redirects.add(targets + attachment_targets)


def _post_or_page(run: ImportRun, wp_id: int) -> int | None:
    if not wp_id:
        return None
    if wp_id in run.post_pages:
        return run.post_pages[wp_id]
    row = WordPressItem.objects.filter(
        source=run.source, kind__in=[Kind.POST, Kind.PAGE], wp_id=wp_id
    ).first()
    return row.object_id if row else None


def _category_path(slug: str, by_slug: dict[str, Term]) -> str:
    """WordPress's category archive path nests parents: « /category/monde/europe/ »."""
    parts, seen = [], set()
    while slug and slug not in seen:
        seen.add(slug)
        parts.insert(0, slug)
        slug = by_slug[slug].parent_slug if slug in by_slug else ""
    return "/".join(parts)
