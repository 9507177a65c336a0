"""Cache headers for public pages: the caching invariant of DESIGN.md, in one place.

A public page is the same bytes for every reader, so any proxy may keep it. Browsers keep it a
short while (an update must reach a reader who reloads), shared caches longer: the app purges
them on publish. `stale-while-revalidate` hides a slow render behind the old copy and
`stale-if-error` keeps the site up when the app is down.
"""

import functools

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


def cache_public(response):
    if response.status_code >= 500:
        add_never_cache_headers(response)
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=settings.GAZETTE_BROWSER_MAX_AGE,
        s_maxage=settings.GAZETTE_SHARED_MAX_AGE,
        stale_while_revalidate=60,
        stale_if_error=86400,
    )
    return response


@functools.cache
def _no_restrictions(model):
    """One empty queryset, evaluated once per process and shared: nothing can be added to an
    evaluated `none()`, and what the admin chains on it (`order_by`) is a new queryset."""
    restrictions = model.objects.none()
    len(restrictions)
    return restrictions


class PublicCacheMixin:
    """For Wagtail page types: cache the live page, never a preview or a private page."""

    def get_view_restrictions(self):
        """Memoised on the instance: Wagtail's serve view asks before `serve()` does, and a
        page instance lives for one request. Not asked at all while no page of the site is
        private (gazette/core/restrictions.py). A queryset, evaluated once, as Wagtail's own:
        its admin orders it (the privacy dialog), which a list could not do."""
        if not hasattr(self, "_view_restrictions"):
            from wagtail.models import PageViewRestriction

            from .restrictions import any_exist

            if any_exist():
                restrictions = super().get_view_restrictions()
                len(restrictions)  # read now, kept in the queryset's cache for the next asks
            else:
                restrictions = _no_restrictions(PageViewRestriction)
            self._view_restrictions = restrictions
        return self._view_restrictions

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or self.get_view_restrictions():
            add_never_cache_headers(response)
            return response
        return cache_public(response)
