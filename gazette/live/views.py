"""The endpoint readers' pages poll: the entries newer than the one they show, as HTML.

Public and cached like a page (`cache_public`): every reader showing the same latest entry asks
for the same address and gets the same bytes, from the page cache or the proxy, with a weak
ETag and a 304 when nothing changed (gazette/core/page_cache.py). It records `live:<page id>`,
so a new entry purges it with the page and nothing else."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from gazette.core import invalidation
from gazette.core.cache import cache_public

from .models import LivePage, live_key

MAX_NEW = 50  # a reader away for hours reloads rather than inserting a day of entries


def new_entries(request, page_id: int):
    since = request.GET.get("depuis", "0")
    if not since.isdigit():  # a 404, not one more cached variant of the same answer
        raise Http404("depuis")
    page = get_object_or_404(LivePage.objects.visible(), pk=page_id)
    invalidation.record(live_key(page.pk))
    newer = page.entries.for_readers().filter(pk__gt=int(since))
    entries = list(newer.order_by("-published_at", "-pk")[:MAX_NEW])
    context = {
        "page": page,
        "entries": entries,
        "latest_id": max((entry.pk for entry in entries), default=int(since)),
        "newest_day": max((entry.day for entry in entries), default=None),
    }
    return cache_public(render(request, "live/new_entries.html", context))
