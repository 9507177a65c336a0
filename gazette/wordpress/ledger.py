"""What one import run knows and what it has written: the run's state, its report, and the
`WordPressItem` rows that map each WordPress id to the Gazette object made from it.

Every kind (authors, sections, tags, images, posts, comments, pages) follows one flow,
`reconcile`: look the mapping up, compare the checksum of what the import would write, then
create, update or skip, count it in the report and remember the mapping.
"""

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from taggit.models import Tag
from wagtail.models import Page

from gazette.comments.models import Comment
from gazette.core.models import CreditedImage
from gazette.core.table_rows import Rows
from gazette.news.models import ArticlePage, Author, HomePage, SectionPage, SimplePage

from .media import ImageSource
from .models import WordPressItem

Kind = WordPressItem.Kind
TARGETS = {
    Kind.AUTHOR: Author,
    Kind.CATEGORY: SectionPage,
    Kind.TAG: Tag,
    Kind.ATTACHMENT: CreditedImage,
    Kind.POST: ArticlePage,
    Kind.PAGE: SimplePage,
    Kind.COMMENT: Comment,
}


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)  # recognised in the posts, by kind
    incomplete_images: int = 0  # of this export's images, those without alt text or credit

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where} : {message}")


@dataclass
class ImportRun:
    """The state of one run, filled step by step: each step reads what the earlier ones
    mapped (a post needs its section, author, tags and images) and adds its own."""

    source: str  # the WordPress site's address: WordPress ids are unique only within a site
    site_host: str
    home: HomePage
    images: ImageSource
    report: Report
    on_progress: Callable[[int, Report], None]
    users: bool = False
    authors: dict[str, int] = field(default_factory=dict)  # login → Author pk
    author_wp_ids: set[int] = field(default_factory=set)
    sections: dict[str, SectionPage] = field(default_factory=dict)  # category slug
    tags: dict[str, int] = field(default_factory=dict)  # tag slug → Tag pk
    attachments: dict[int, tuple[int, str]] = field(default_factory=dict)  # → (image pk, caption)
    image_files: dict[str, tuple[int, str]] = field(default_factory=dict)  # file key → same
    section_slugs: dict[int, set[str]] = field(default_factory=dict)  # parent pk → taken slugs
    post_pages: dict[int, int] = field(default_factory=dict)  # post id → ArticlePage pk

    def taken_slugs(self, parent: Page) -> set[str]:
        """The slugs of a parent's children, read once and kept up to date by the run."""
        if parent.pk not in self.section_slugs:
            self.section_slugs[parent.pk] = set(
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        return self.section_slugs[parent.pk]

    def mapping(self, kind: str, wp_ids) -> dict[int, WordPressItem]:
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

    def row(self, kind: str, wp_id: int, object_id: int, digest: str, guid: str = "") -> dict:
        """A mapping row of an object created with its batch, written by `write_rows`."""
        return {
            "source": self.source,
            "kind": kind,
            "wp_id": wp_id,
            "guid": guid[:500],
            "object_id": object_id,
            "checksum": digest,
        }

    def write_rows(self, rows: list[dict]) -> None:
        """A batch's mapping rows in one write: 40,000 of them in a 10,000-post export."""
        Rows(WordPressItem, with_id=False).write(rows)

    def remember(self, kind: str, wp_id: int, object_id: int, digest: str, guid: str = ""):
        WordPressItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            wp_id=wp_id,
            defaults={"object_id": object_id, "checksum": digest, "guid": guid[:500]},
        )


def checksum(value) -> str:
    return hashlib.sha256(
        json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


def reconcile(
    run: ImportRun,
    kind: str,
    wp_id: int,
    digest: str,
    *,
    row: WordPressItem | None,
    create: Callable[[], tuple[int | None, bool]],
    update: Callable[[int], object] | None = None,
    guid: str = "",
) -> int | None:
    """The pk of the Gazette object for one WordPress item, after bringing it up to date.

    Mapped by an earlier run: skipped when its checksum is unchanged (or its kind is never
    updated: `update` None), else `update(pk)`. Not mapped: `create()` returns (pk, created);
    an object found by its natural key (a slug, a name) is adopted and counted as skipped,
    and a pk of None remembers nothing: the item could not be imported, or it is created
    with its whole batch, whose rows are remembered together (posts, comments)."""
    if row is not None and (update is None or row.checksum == digest):
        run.report.skipped[kind] += 1
        return row.object_id
    if row is not None:
        update(row.object_id)
        run.report.updated[kind] += 1
        pk = row.object_id
    else:
        pk, created = create()
        (run.report.created if created else run.report.skipped)[kind] += 1
        if pk is None:
            return None
    run.remember(kind, wp_id, pk, digest, guid)
    return pk
