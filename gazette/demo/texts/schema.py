"""The shapes the demo's texts are written in: plain data, checked by the tests, turned into
pages by `gazette.demo.loader`.

Publication moments are functions of the run's « now », not fixed dates: a demo loaded today
shows today's news on its front page, and a demo loaded next year does too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from gazette.news.corrections import ArticleNote
from gazette.news.models import ArticlePage

Label = ArticlePage.Label
Kind = ArticleNote.Kind
Moment = Callable[[datetime], datetime]


def _at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def days_ago(days: int, clock: str) -> Moment:
    """`days` days before the run, at a Paris wall-clock time (« 07:45 »)."""
    if days < 1:
        raise ValueError("days_ago() is for earlier days; use hours_ago() for today")
    return lambda now: _at(timezone.localdate(now) - timedelta(days=days), clock)


def hours_ago(hours: float) -> Moment:
    """Today's news: never earlier than midnight, so that it is « today » even at 1 a.m."""

    def moment(now: datetime) -> datetime:
        midnight = _at(timezone.localdate(now), "00:00")
        return max(now - timedelta(hours=hours), midnight).replace(second=0, microsecond=0)

    return moment


def first_of_month(clock: str) -> Moment:
    """The 1st of this month, or of the last one when this month's hasn't come yet:
    « le 1er » is the date format's trap, worth one article to show it."""

    def moment(now: datetime) -> datetime:
        first = timezone.localdate(now).replace(day=1)
        if _at(first, clock) > now:
            first = (first - timedelta(days=1)).replace(day=1)
        return _at(first, clock)

    return moment


@dataclass(frozen=True)
class Intertitle:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True)
class Illustration:
    """An image block; its picture is drawn in the section's palette, like the lead image."""

    caption: str
    motif: str


@dataclass(frozen=True)
class Embed:
    url: str
    title: str
    caption: str


@dataclass(frozen=True)
class Related:
    """« À lire aussi »: the slug of another demo article."""

    slug: str


Block = str | Intertitle | Quote | Illustration | Embed | Related  # a bare string is a paragraph


@dataclass(frozen=True)
class Note:
    """A rectificatif or an update, published `after` the article."""

    kind: Kind
    after: timedelta
    text: str


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    theme: str  # ends the alt text of its pictures: « évoquant {theme} »
    motifs: tuple[str, ...]
    parent: str = ""


@dataclass(frozen=True)
class Author:
    slug: str
    name: str
    role: str
    bio: str
    palette: str
    hair: str


@dataclass(frozen=True)
class Article:
    slug: str
    section: str
    label: Label
    title: str
    standfirst: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    published: Moment
    body: tuple[Block, ...]
    notes: tuple[Note, ...] = ()  # readers see them, and « Mis à jour le » the latest
    comments_open: bool = True
    caption: str = ""
    motif: str = ""  # default: one of the section's, chosen by the slug
    kicker: str = ""  # the surtitre: the story's subject, above the title
    signature_line: str = ""  # after the authors' names

    @property
    def related(self) -> list[str]:
        return [block.slug for block in self.body if isinstance(block, Related)]

    @property
    def paragraphs(self) -> list[str]:
        return [block for block in self.body if isinstance(block, str)]


@dataclass(frozen=True)
class SimplePage:
    slug: str
    title: str
    body: tuple[str | Intertitle, ...]


def hours_before(hours: float) -> Moment:
    """`hours` before the run, on whichever day that falls: a live coverage running since
    yesterday evening is still running."""
    return lambda now: (now - timedelta(hours=hours)).replace(second=0, microsecond=0)


@dataclass(frozen=True)
class LiveEntry:
    """One entry of a live page, posted `after` its start; `photo` is the caption of a
    picture drawn for it."""

    after: timedelta
    author: str
    text: str
    title: str = ""
    important: bool = False
    pinned: bool = False
    quote: str = ""
    quote_source: str = ""
    photo: str = ""
    motif: str = ""


@dataclass(frozen=True)
class Live:
    """A live page: `page` says what an article says (its `published` is the start),
    `summary` is « L'essentiel » as paragraphs, `ends_after` the end of a finished one."""

    page: Article
    summary: tuple[str, ...]
    entries: tuple[LiveEntry, ...]
    ends_after: timedelta | None = None
