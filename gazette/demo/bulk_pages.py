"""A large newsroom written straight into the tables: 100,000 articles in minutes, not hours.

Treebeard's `add_child` locks and rereads the parent for each page and Wagtail's `publish()`
adds a revision, a log entry and signals: about 20 queries an article. Here an article costs a
share of a few multi-row INSERTs instead. What the tree needs is computed in Python the way
treebeard would (gazette/news/bulk.py), so `Page.find_problems()` finds nothing and Wagtail
serves, moves and edits these pages as any other.

What is skipped, on purpose: revisions (the editor's first save creates one), the search index
(`manage.py update_index` builds it) and the purges a publication would send (no cache holds
pages that did not exist).

Django refuses `bulk_create` on a multi-table child such as `ArticlePage`, and its per-row cost
dominates at this size: ids are reserved first, then the `wagtailcore_page` and
`news_articlepage` rows, bylines, tags and comments go in as plain rows
(`gazette.core.table_rows`: COPY on PostgreSQL, `executemany` on SQLite), each value
prepared by its field as `save()` would.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from gazette.comments.models import Comment
from gazette.core.slugs import ascii_slug
from gazette.core.table_rows import Rows, reserve_ids
from gazette.news.bulk import last_child_number, tree_step, unique_slug
from gazette.news.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage
from gazette.news.tags import ascii_tag_slug

from . import prose

BATCH = 2000
COMMENT_BATCH = 5000
# Of the comments, the share that answers another one, at each level of a thread.
REPLY_SHARE = 0.3
STATUSES = [
    (Comment.Status.APPROVED, 88),
    (Comment.Status.PENDING, 7),
    (Comment.Status.SPAM, 3),
    (Comment.Status.TRASH, 2),
]
LABELS = [(ArticlePage.Label.ARTICLE, 70)] + [
    (label, 3) for label in ArticlePage.Label if label != ArticlePage.Label.ARTICLE
]


@dataclass
class Counts:
    articles: int = 0
    comments: int = 0
    bylines: int = 0
    tags: int = 0


def _weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return lambda: rng.choices(values, weights)[0]


class NewsroomWriter:
    """Writes articles, bylines, tags and comments in batches under the given sections."""

    def __init__(
        self, *, sections: list[SectionPage], authors: list[Author], seed: int, first_number: int
    ):
        self.rng = random.Random(seed + first_number)  # noqa: S311 - text, not secrets
        self.first_number = first_number
        self.text = prose.Prose(self.rng)
        self.sections = sections
        self.authors = authors
        self.content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
        self.tags = self._ensure_tags()
        self.next_child = {section.pk: last_child_number(section) for section in sections}
        self.added_children = dict.fromkeys(self.next_child, 0)
        self.status = _weighted(self.rng, STATUSES)
        self.label = _weighted(self.rng, LABELS)
        self.counts = Counts()
        self.pages, self.articles = Rows(Page), Rows(ArticlePage)
        self.bylines, self.tagged = (
            Rows(ArticleAuthor, with_id=False),
            Rows(ArticleTag, with_id=False),
        )
        self.comments = Rows(Comment)

    def _ensure_tags(self) -> list[Tag]:
        names = prose.tag_names()
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        slugs = set(Tag.objects.values_list("slug", flat=True))
        new = []
        for name in names:
            if name in existing:
                continue
            new.append(Tag(name=name, slug=ascii_tag_slug(name, taken=slugs)))
        Tag.objects.bulk_create(new)
        return list(Tag.objects.filter(name__in=names))

    def write(self, count: int, *, comments: int, start: datetime, end: datetime, progress):
        """`count` articles published evenly from `start` to `end`, oldest first, spread over
        the sections in turn, with `comments` comments shared out evenly among them (an
        article's page then costs the same at every size of the newsroom)."""
        span = (end - start) / max(count, 1)
        per_article, extra = divmod(comments, count) if count else (0, 0)
        for first in range(0, count, BATCH):
            numbers = range(first, min(first + BATCH, count))
            ids = reserve_ids(Page, len(numbers))
            pages = [
                self._page(pk, self.first_number + n, start + span * n)
                for pk, n in zip(ids, numbers, strict=True)
            ]
            self.pages.write(pages)
            self.articles.write([self._article(page) for page in pages])
            self._write_bylines_and_tags(pages)
            self._write_comments(
                [(page, per_article + (n < extra)) for n, page in zip(numbers, pages, strict=True)]
            )
            self.counts.articles += len(pages)
            progress(len(numbers))
        for section in self.sections:
            if self.added_children[section.pk]:
                Page.objects.filter(pk=section.pk).update(
                    numchild=F("numchild") + self.added_children[section.pk]
                )
        return self.counts

    def _page(self, pk: int, number: int, published: datetime) -> dict:
        """The slug ends with the article's number: unique among its siblings, whatever the
        headline drawn."""
        section = self.sections[number % len(self.sections)]
        self.next_child[section.pk] += 1
        self.added_children[section.pk] += 1
        title = self.text.headline()
        slug = f"{ascii_slug(title)[:60].rstrip('-')}-{number + 1}"
        return {
            "id": pk,
            "title": title,
            "draft_title": title,
            "slug": slug,
            "content_type_id": self.content_type_id,
            "path": section.path + tree_step(self.next_child[section.pk]),
            "depth": section.depth + 1,
            "numchild": 0,
            "url_path": f"{section.url_path}{slug}/",
            "locale_id": section.locale_id,
            "translation_key": uuid.uuid4(),
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": published,
            "last_published_at": published,
            "show_in_menus": False,
            "section": section,
        }

    def _article(self, page: dict) -> dict:
        body = []
        for number, paragraph in enumerate(self.text.paragraphs_for_body()):
            if number == 2:
                body.append(
                    {"type": "intertitle", "value": self.text.intertitle(), "id": str(uuid.uuid4())}
                )
            body.append(
                {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())}
            )
        updated = self.rng.random() < 0.1
        return {
            "page_ptr_id": page["id"],
            "label": self.label(),
            "standfirst": self.text.standfirst(),
            "body": ArticlePage._meta.get_field("body").to_python(body),
            "updated_at": page["first_published_at"] + timedelta(hours=3) if updated else None,
            "comments_open": True,
            "section_id": page["section"].pk,
        }

    def _write_bylines_and_tags(self, pages: list[dict]):
        bylines, tagged = [], []
        for page in pages:
            for order, author in enumerate(self.rng.sample(self.authors, self._byline_count())):
                bylines.append(
                    {"article_id": page["id"], "author_id": author.pk, "sort_order": order}
                )
            for tag in self.rng.sample(self.tags, self.rng.randint(1, 3)):
                tagged.append({"content_object_id": page["id"], "tag_id": tag.pk})
        self.bylines.write(bylines)
        self.tagged.write(tagged)
        self.counts.bylines += len(bylines)
        self.counts.tags += len(tagged)

    def _byline_count(self) -> int:
        return min(len(self.authors), 2 if self.rng.random() < 0.15 else 1)

    def _write_comments(self, wanted: list[tuple[dict, int]]):
        """Each article's thread: the first comment opens it, and a share of the others
        answer an earlier one (which may itself be an answer), written parents first."""
        ids = iter(reserve_ids(Comment, sum(count for _page, count in wanted)))
        rows = []
        for page, count in wanted:
            thread = []
            for _ in range(count):
                parent = (
                    self.rng.choice(thread) if thread and self.rng.random() < REPLY_SHARE else None
                )
                after = parent["created_at"] if parent else page["first_published_at"]
                name = self.text.person()
                comment = {
                    "id": next(ids),
                    "article_id": page["id"],
                    "parent_id": parent["id"] if parent else None,
                    "author_name": name,
                    "author_email": _email(name),
                    "text": self.text.comment(),
                    "status": self.status(),
                    "created_at": after + timedelta(minutes=self.rng.randint(5, 600)),
                    "ip_address": f"192.0.2.{self.rng.randint(1, 254)}",  # TEST-NET-1
                    "spam_reasons": [],
                }
                thread.append(comment)
            rows += thread
        for first in range(0, len(rows), COMMENT_BATCH):
            self.comments.write(rows[first : first + COMMENT_BATCH])
        self.counts.comments += len(rows)


@cache
def _email(name: str) -> str:
    return f"{ascii_slug(name).replace('-', '.')}@exemple.fr"


def new_authors(count: int, *, seed: int = 2026) -> list[Author]:
    """`count` invented bylines with unique slugs, next to the authors already there."""
    text = prose.Prose(random.Random(seed), pool=10)  # noqa: S311 - names, not secrets
    slugs = set(Author.objects.values_list("slug", flat=True))
    authors = []
    for _ in range(count):
        name = text.person()
        slug = unique_slug(ascii_slug(name), slugs)
        authors.append(Author(name=name, slug=slug, role=text.rng.choice(prose.ROLES)))
    return Author.objects.bulk_create(authors)


def publication_window(count: int) -> tuple[datetime, datetime]:
    """About 40 articles a day, the last one an hour ago: a large archive, a busy newsroom."""
    end = timezone.now() - timedelta(hours=1)
    return end - timedelta(days=max(1, count // 40)), end


SECTION_TITLES = (
    ("Monde", None),
    ("France", None),
    ("Économie", None),
    ("Culture", None),
    ("Sport", None),
    ("Sciences", None),
    ("Europe", "Monde"),
    ("Politique", "France"),
    ("Entreprises", "Économie"),
    ("Cinéma", "Culture"),
    ("Football", "Sport"),
    ("Espace", "Sciences"),
)


def section_plan(count: int) -> list[tuple[str, str | None]]:
    """The first `count` sections: six at the top, then sub-sections under them in turn."""
    plan = list(SECTION_TITLES[:count])
    tops = [title for title, parent in SECTION_TITLES if parent is None]
    for number in range(len(plan), count):
        parent = tops[number % len(tops)]
        plan.append((f"{parent} {number // len(tops)}", parent))
    return plan


def ensure_sections(home: Page, count: int, *, publish) -> list[SectionPage]:
    """Found by slug under their parent, created (and published) when missing: a second run
    with `--append` writes into the same sections."""
    by_title: dict[str, SectionPage] = {}
    for title, parent_title in section_plan(count):
        parent = by_title[parent_title] if parent_title else home
        slug = ascii_slug(title)
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if section is None:
            section = publish(parent, SectionPage(title=title, slug=slug, show_in_menus=True))
        by_title[title] = section
    return list(by_title.values())
