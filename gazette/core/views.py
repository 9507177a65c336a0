"""Wagtail's page view, started from the remembered route (gazette/core/routing.py)."""

from wagtail import views as wagtail_views

from .readers import is_anonymous_read
from .routing import remembered_page
from .sites import site_for


def serve(request, path):
    site = site_for(request)
    if site is not None:
        kept = is_anonymous_read(request.method, request.path, request.META.get("HTTP_COOKIE"))
        page = remembered_page(site.root_page_id, path, kept=kept)
        if page is not None:
            # Wagtail's own memo: route_for_request() returns it without walking the tree.
            request._wagtail_route_for_request = page.route(request, [])
    return wagtail_views.serve(request, path)
