"""« Les + Lus » for templates: `{% load audience %}{% most_read %}`, or
`{% most_read section=page %}` for a section's own list.

The tag reads one cache entry and no database (the ranking carries titles and URLs); only a
missing or stale ranking is computed here, once.
"""

from datetime import datetime, timedelta

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from gazette.core.sites import site_for

from ..services import LOCK_KEY, MOST_READ_KEY, MostRead, refresh_most_read
from ..tasks import schedule_audience_updates

register = template.Library()


def cached_ranking(*, now: datetime) -> MostRead:
    """The cached ranking; computed here only if it is missing, or older than its period plus
    a minute (the task refreshes it on time in the scaled shape; in the embedded shape each
    process refreshes its own in-memory copy). When it is merely stale, one caller refreshes
    it and the others keep showing the previous one."""
    ranking = cache.get(MOST_READ_KEY)
    stale_after = timedelta(seconds=settings.GAZETTE_MOST_READ_SECONDS + 60)
    if ranking is None or (
        now - ranking.computed_at > stale_after and cache.add(LOCK_KEY, 1, timeout=60)
    ):
        schedule_audience_updates()  # the periodic task should have done it: restart it
        return refresh_most_read(now=now)
    return ranking


def ranking_lists(context, section=None) -> dict:
    """The lists of the site the request is for: a second site's readers see its articles,
    not the first one's. Without a request (no site to choose), every site's."""
    ranking = cached_ranking(now=timezone.now())
    request = context.get("request")
    by_site = getattr(ranking, "sites", None)  # None: a ranking cached before sites had lists
    if section:
        return ranking.sections.get(section.pk, {})
    if request is None or by_site is None:
        return ranking.site
    site = site_for(request)
    return by_site.get(site.pk, {}) if site else {}


@register.inclusion_tag("audience/tags/most_read.html", takes_context=True)
def most_read(context, section=None):
    lists = ranking_lists(context, section)
    return {"section": section, "day": lists.get("day"), "week": lists.get("week")}


@register.simple_tag(takes_context=True)
def most_read_shown(context) -> bool:
    """Whether the site's « Les + Lus » has something to show, known before the page's main
    column: the layout opens its second column from the start. Decided by CSS once the list
    was parsed, after the article, a browser that painted earlier showed the article alone,
    then moved it aside (Lighthouse: layout shift). A section's list is part of its site's."""
    lists = ranking_lists(context)
    return bool(lists.get("day") or lists.get("week"))
