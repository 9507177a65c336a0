"""Finding the page for an address in one query instead of two per level.

Wagtail routes `/monde/europe/un-article/` by reading the site's root page, then walking the
tree: at each level the child with that slug, then its specific row. Seven queries for an
article two sections deep, the same for every reader. So the walk's outcome is remembered (the
page's id, type and `url_path`, under the site's root and the requested path), and `serve`
reads that page directly, ahead of Wagtail's view.

A remembered answer is only a guess, checked when the page is read: the page must still be
live and still have the same `url_path`, which Wagtail keeps up to date through moves and slug
changes (the root's included). A page moved, renamed, unpublished or deleted fails the check,
and the request walks the tree as Wagtail does: a stale entry can never serve a wrong page.
Only plain pages are remembered: a route that ends in arguments (a routable page's sub-path)
is walked each time.

The page read is then kept, like a fragment (gazette/core/fragments.py): under its id and
`url_path`, with the keys its rows recorded (`article:12`, its section's) and `route:12`, which
every publish, unpublish, move or deletion of the page purges (gazette/news/purging.py; a page
with pages under it that changes address purges everything). Building the query for an article
with its section through Wagtail's parent tables cost Django a third of an uncached article's
request; a kept copy costs an unpickling. It is served while none of its keys was purged, which
is what the page cache already trusts for the whole page, and only to anonymous readers: a
signed-in editor reads the row, as they render every fragment.

The view is gazette/core/views.py (`serve`); this module is imported by models.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from . import fragments, invalidation

PREFIX = "gazette:route:"
PAGE_PREFIX = "gazette:route-page:"
KEEP_SECONDS = 24 * 3600


def route_key(page_id: int) -> str:
    """Purged with every change of the page's row that readers see (published, unpublished,
    moved, deleted): what makes a kept copy of the page stale. Never recorded for a response:
    the page's own keys are."""
    return f"route:{page_id}"


def remembered_page(root_page_id: int, path: str, *, kept: bool = True):
    """The page a walk from this root led to, if it is still live at the same place. Not
    `kept`: read from the database, as for a signed-in editor, who must see their own change
    at once (the rule of gazette/core/readers.py, which the kept fragments follow too)."""
    return _remembered(cache.get(_key(root_page_id, path)), kept=kept)


class CachedRouteMixin:
    """For the site's root page type: remembers where a walk from it led."""

    def route(self, request, path_components):
        result = super().route(request, path_components)
        page, args, kwargs = result
        if path_components and not args and not kwargs:
            path = "/".join(path_components) + "/"
            if page.url_path == self.url_path + path:
                entry = (page.pk, page.content_type_id, page.url_path)
                cache.set(_key(self.pk, path), entry, timeout=KEEP_SECONDS)
        return result


def _key(root_page_id: int, path: str) -> str:
    digest = hashlib.blake2b(path.strip("/").encode("utf-8", "surrogateescape"), digest_size=16)
    return f"{PREFIX}{root_page_id}:{digest.hexdigest()}"


def _remembered(entry, *, kept: bool = True):
    """The remembered page, if it is still live at the same place; None otherwise."""
    if entry is None:
        return None
    page_id, content_type_id, url_path = entry
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    if not kept or not fragments.enabled():
        return _read(model, page_id, url_path)
    # None is kept too: whatever makes the row live at this address again purges `route:<id>`.
    return invalidation.cached(
        f"{PAGE_PREFIX}{_key(page_id, url_path).removeprefix(PREFIX)}",
        lambda: _read(model, page_id, url_path),
        timeout=settings.GAZETTE_SHARED_MAX_AGE,
        stale_with=(route_key(page_id),),
    )


def _read(model, page_id: int, url_path: str):
    rows = model._default_manager.filter(pk=page_id, live=True, url_path=url_path)
    # What the page's own template shows of a relation comes in the same query (`routed_with`
    # on the page type: an article's section, named in its kicker and its JSON-LD).
    # Not `.first()`: its ORDER BY pk, for at most one row, cost Django a tenth of an uncached
    # article's render to build (the ordering resolved through the page's parent tables).
    rows = rows.select_related(*getattr(model, "routed_with", ())).order_by()[:1]
    return next(iter(rows), None)
