"""« Les + Lus » as a piece of its own: /fragments/les-plus-lus/ (the site's list) and
/fragments/les-plus-lus/?rubrique=3 (a section's), stitched into pages when they are served
(gazette/core/stitching.py). Cached like a page, with its own keys: `most-read:site` or
`most-read:section:3`, and each listed article's (a corrected headline is corrected in the list
too). A new ranking purges this piece alone; the pages around it stay cached.

The ranking is read from one cache entry, with no database (it carries titles and URLs); only
a missing or stale ranking is computed here, once.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.sites import site_for
from gazette.news.models import SectionPage

from .keys import SHOWN, section_key, site_key
from .services import LOCK_KEY, MostRead, refresh_most_read, stored_ranking
from .tasks import schedule_audience_updates

TEMPLATE = "audience/tags/most_read.html"


def cached_ranking(*, now: datetime) -> MostRead:
    """The cached ranking; computed here only if it is missing, or older than its period plus
    a minute (the task refreshes it on time in the scaled shape; in the embedded shape each
    process refreshes its own in-memory copy). When it is merely stale, one caller refreshes
    it and the others keep showing the previous one."""
    ranking = stored_ranking()
    stale_after = timedelta(seconds=settings.GAZETTE_MOST_READ_SECONDS + 60)
    if ranking is None or (
        now - ranking.computed_at > stale_after and cache.add(LOCK_KEY, 1, timeout=60)
    ):
        schedule_audience_updates()  # the periodic task should have done it: restart it
        return refresh_most_read(now=now)
    return ranking


def lists_for(request, section=None) -> dict:
    """The lists of the site the request is for: a second site's readers see its articles,
    not the first one's. Without a request (no site to choose), every site's."""
    ranking = cached_ranking(now=timezone.now())
    by_site = getattr(ranking, "sites", None)  # None: a ranking cached before sites had lists
    if section:
        return ranking.sections.get(section.pk, {})
    if request is None or by_site is None:
        return ranking.site
    site = site_for(request)
    return by_site.get(site.pk, {}) if site else {}


def most_read_shown_for(request) -> bool:
    """Whether the site's list has anything to show (a section's list is part of its site's),
    under its own key: it changes far more rarely than the list."""
    invalidation.record(SHOWN)
    with invalidation.unrecorded():
        lists = lists_for(request)
    return bool(lists.get("day") or lists.get("week"))


def most_read_html(request, section=None) -> str:
    invalidation.record(section_key(section.pk) if section else site_key())
    lists = lists_for(request, section)
    day, week = lists.get("day"), lists.get("week")
    # The titles shown: a corrected headline purges the list with the article (the ranking is
    # computed again first, `signal_handlers._article_published`).
    invalidation.record_all(
        f"article:{entry.article_id}" for entry in [*(day or ()), *(week or ())]
    )
    return render_to_string(
        TEMPLATE, {"section": section, "day": day, "week": week}, request=request
    )


@require_safe
def most_read_piece(request):
    """GET or HEAD, like any page; `rubrique` names a live section by its id."""
    section = None
    if "rubrique" in request.GET:
        try:
            section_id = int(request.GET["rubrique"])
        except ValueError:
            raise Http404("rubrique: un numéro de rubrique est attendu") from None
        section = SectionPage.objects.live().public().filter(pk=section_id).first()
        if section is None:
            raise Http404("rubrique inconnue")
    response = HttpResponse(most_read_html(request, section))
    response["X-Robots-Tag"] = "noindex"  # a piece of pages, not a page
    return cache_public(response)
