"""Which Wagtail site a request is for, from the cache rather than a query per request.

Wagtail looks the site up by host and port on every request, and keeps it on the request for
the rest of it (`request._wagtail_site`): the page view, the settings, the menus all ask. The
answer only changes when a site is edited, so the page view (gazette/core/views.py) puts a
copy from the cache there first. Only the page view: a health check must not need the cache
or the database. A copy is kept under the fragments' generation (gazette/core/fragments.py), which
saving or deleting a site bumps, with every cached page purged: a page's addresses depend on
its site.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Site

from . import fragments, site_match

PREFIX = "gazette:sites:"  # then the generation: every configured site, one entry


def site_for(request):
    """Wagtail's `Site.find_for_request`, remembered: the same host and port rules
    (`site_match.py`), applied to the list of configured sites kept in the cache as one
    entry. One entry, not one per host and port asked: a reader chooses those, and could
    otherwise add entries at will. Kept on the request, where Wagtail looks first."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = f"{PREFIX}{fragments.generation(request)}"
    sites = cache.get(key)
    if sites is None:
        sites = {site.pk: site for site in Site.objects.select_related("root_page")}
        cache.set(key, sites, timeout=None)
    known = [
        site_match.Known(pk, site.hostname, site.port, site.is_default_site)
        for pk, site in sites.items()
    ]
    hostname = split_domain_port(request._get_raw_host())[0]
    site = sites.get(site_match.matching(known, hostname, request.get_port()))
    request._wagtail_site = site
    return site


def site_or_404(request):
    """The site a listing, feed, sitemap or search of this request is limited to: a second
    site's readers see its own pages only. No site for the host and no default one: nothing
    to list."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("no site")
    return site


def register_signal_handlers():
    post_save.connect(
        fragments.everything_changed_on_save, sender=Site, dispatch_uid="core-sites-saved"
    )
    post_delete.connect(
        fragments.everything_changed_on_save, sender=Site, dispatch_uid="core-sites-deleted"
    )
