"""Counting reads and keeping « Les + Lus » current.

Every function takes the time as `now`: the day decides who counts as a new visitor and the
hour decides the bucket, so tests move the clock instead of waiting for midnight.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Site

from gazette.core import invalidation
from gazette.news.models import ArticlePage, SectionPage

from .backends import Read, get_backend
from .keys import SHOWN, section_key, site_key
from .models import HourlyCount
from .signals import most_read_changed

MOST_READ_KEY = "audience:most-read"
SHOWN_KEY = "audience:most-read:shown"  # what the last signal announced
LOCK_KEY = "audience:most-read:lock"
MOST_READ_COUNT = 5
WINDOWS = {"day": timedelta(hours=24), "week": timedelta(days=7)}


def count_read(
    *, article_id: int, ip: str | None, user_agent: str, referrer: str, now: datetime
) -> bool:
    """False when the id is not a live article: the caller answers 4xx, nothing is stored.
    True otherwise, whether the read was new or a visitor's second read of the day."""
    read = Read.at(now, article_id=article_id, ip=ip, user_agent=user_agent, referrer=referrer)
    return get_backend().count(read)


def reads_between(article_ids: list[int], start: datetime, end: datetime) -> dict[int, int]:
    """The figures « Les + Lus » ranks by, over any period: what `gazette.news.popularity`
    hands to the apps beside this one."""
    rows = HourlyCount.objects.between(start, end).filter(article_id__in=article_ids)
    return dict(rows.values("article").annotate(total=Sum("views")).values_list("article", "total"))


def flush_counts() -> int:
    """Make what was counted visible in the database: the Redis counters (scaled shape) or
    the process's pending batch (embedded). Safe to run concurrently and again."""
    return get_backend().flush()


def purge_visitor_data(*, now: datetime, dry_run: bool = False) -> int:
    """Delete the salts and visitor digests of the days before today (or count them). Redis
    expires its own at midnight; the embedded mode's rows go at the next write of a new day
    anyway. This makes sure of both, for a site that had no reader since."""
    return get_backend().purge_before(timezone.localdate(now), dry_run=dry_run)


@dataclass(frozen=True)
class Entry:
    article_id: int
    title: str
    url: str


@dataclass
class MostRead:
    """What the `most_read` tag shows, for each Wagtail site and for each live section, both
    over 24 hours and 7 days: titles and URLs, so that rendering reads no database. `site` is
    every site's articles together, for a caller without a request (no site to choose)."""

    computed_at: datetime
    site: dict[str, list[Entry]] = field(default_factory=dict)
    sections: dict[int, dict[str, list[Entry]]] = field(default_factory=dict)
    sites: dict[int, dict[str, list[Entry]]] = field(default_factory=dict)

    def signature(self) -> dict:
        """What the pages show: a new title or address is a change too."""

        def ids(lists):
            return {
                window: [(e.article_id, e.title, e.url) for e in entries]
                for window, entries in lists.items()
            }

        return {
            "site": ids(self.site),
            "sites": {pk: ids(lists) for pk, lists in self.sites.items()},
            **{pk: ids(lists) for pk, lists in self.sections.items()},
        }


def refresh_most_read(*, now: datetime) -> MostRead:
    """Compute and cache the ranking; send `most_read_changed` if it differs from the one
    last announced."""
    sequence = invalidation.current_sequence()
    ranking = compute_most_read(now=now)
    cache.set(MOST_READ_KEY, (sequence, ranking_keys(ranking), ranking), timeout=None)
    before, after = cache.get(SHOWN_KEY), ranking.signature()
    if before != after:
        cache.set(SHOWN_KEY, after, timeout=None)
        before = before or {}
        most_read_changed.send(
            sender=MostRead,
            ranking=ranking,
            site_wide=before.get("site") != after["site"] or before.get("sites") != after["sites"],
            sections={
                pk
                for pk in (before.keys() | after.keys()) - {"site", "sites"}
                if before.get(pk) != after.get(pk)
            },
            # The first ranking announced: no page can have been laid out without one (the
            # first page to ask computed it), so no layout changes.
            shown_changed=bool(before) and _shown(before) != _shown(after),
        )
    return ranking


def _shown(signature: dict) -> dict:
    """Which sites have a list to show at all: what opens the pages' second column."""
    sites = signature.get("sites") or {}
    return {pk: any(lists.values()) for pk, lists in sites.items()}


def ranking_keys(ranking: MostRead) -> frozenset[str]:
    """What the kept ranking depends on: the titles and addresses of its articles, and the
    lists themselves. In the embedded shape each process keeps its own ranking; another
    process's change (a corrected headline, a new ranking announced) reaches it through the
    purge log as these keys, and the next page computes it again. The process that announces
    a new ranking computes it once more too (its announcement purged these keys): two
    aggregate queries once per change of the lists, at most every GAZETTE_MOST_READ_SECONDS."""
    every = [ranking.site, *ranking.sites.values(), *ranking.sections.values()]
    articles = {
        f"article:{entry.article_id}"
        for lists in every
        for entries in lists.values()
        for entry in entries
    }
    return frozenset({site_key(), SHOWN, *(section_key(pk) for pk in ranking.sections), *articles})


def stored_ranking() -> MostRead | None:
    """The kept ranking, unless one of its keys was purged since it was computed."""
    entry = cache.get(MOST_READ_KEY)
    if not isinstance(entry, tuple):
        return None  # none, or kept by an older version
    sequence, keys, ranking = entry
    invalidation.catch_up()
    return ranking if invalidation.is_fresh(keys, sequence) else None


def shows(article_id: int) -> bool:
    """Whether the cached lists name this article."""
    ranking = stored_ranking()
    if ranking is None:
        return False
    every = [ranking.site, *ranking.sites.values(), *ranking.sections.values()]
    return any(
        entry.article_id == article_id
        for lists in every
        for entries in lists.values()
        for entry in entries
    )


def forget_most_read() -> None:
    """An article left the site: the next page recomputes rather than link to it."""
    cache.delete(MOST_READ_KEY)


def compute_most_read(*, now: datetime) -> MostRead:
    """Two aggregate queries (24 h, 7 days) over the hourly counts of live public articles,
    one for the sections, one for the titles of the articles that made a list."""
    hour = now.replace(minute=0, second=0, microsecond=0)
    shown = ArticlePage.objects.live().public()
    totals = {
        window: list(
            HourlyCount.objects.since(hour - span + timedelta(hours=1))
            .filter(article__in=shown)
            .per_article()
            .values_list("article", "article__path")
        )
        for window, span in WINDOWS.items()
    }
    site = {window: [pk for pk, _ in rows[:MOST_READ_COUNT]] for window, rows in totals.items()}
    sites = {
        root.pk: {
            window: [pk for pk, path in rows if path.startswith(root.root_page.path)][
                :MOST_READ_COUNT
            ]
            for window, rows in totals.items()
        }
        for root in Site.objects.select_related("root_page").only("pk", "root_page__path")
    }
    sections = {
        section.pk: {
            window: [pk for pk, path in rows if path.startswith(section.path)][:MOST_READ_COUNT]
            for window, rows in totals.items()
        }
        for section in SectionPage.objects.live().only("pk", "path")
    }
    every = [site, *sites.values(), *sections.values()]
    wanted = {pk for lists in every for ids in lists.values() for pk in ids}
    entries = {
        article.pk: Entry(article.pk, article.title, article.get_url())
        for article in ArticlePage.objects.filter(pk__in=wanted)
    }

    def lists(ids_by_window):
        return {window: [entries[pk] for pk in ids] for window, ids in ids_by_window.items()}

    return MostRead(
        computed_at=now,
        site=lists(site),
        sections={pk: lists(ids) for pk, ids in sections.items() if any(ids.values())},
        sites={pk: lists(ids) for pk, ids in sites.items()},
    )
