"""Which Wagtail site a request is for, from the cache rather than a query per request.

Wagtail looks the site up by host and port on every request, and keeps it on the request for
the rest of it (`request._wagtail_site`): the page view, the settings, the menus all ask. The
answer only changes when a site is edited, so the page view (gazette/core/views.py) puts a
copy from the cache there first. Only the page view: a health check must not need the cache
or the database. Saving or deleting a site purges everything (gazette/core/invalidation.py),
this copy and every cached page with it: a page's addresses depend on its site.
"""

from urllib.parse import urlsplit

from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Site

from . import invalidation, site_match

KEY = "gazette:sites:v2"  # every configured site, one entry


def site_for(request):
    """Wagtail's `Site.find_for_request`, remembered: the same host and port rules
    (`site_match.py`), applied to the list of configured sites kept in the cache as one
    entry. One entry, not one per host and port asked: a reader chooses those, and could
    otherwise add entries at will. Kept on the request, where Wagtail looks first."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    sites = invalidation.cached(
        KEY,
        lambda: {site.pk: site for site in Site.objects.select_related("root_page")},
        shown=False,
    )
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


def address_of(base_url: str) -> tuple[str, int]:
    """GAZETTE_BASE_URL as the (hostname, port) a Wagtail site stores. Wagtail writes `https`
    for port 443 and `http` for any other, so an address it cannot write back is refused
    rather than turned into links with the wrong scheme."""
    parts = urlsplit(base_url.strip())
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{base_url} : port invalide") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"{base_url} : adresse de la forme http(s)://hôte[:port] attendue")
    port = port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"{base_url} : Wagtail n'écrit https que pour le port 443, http pour tout autre port"
        )
    return parts.hostname, port


def address_of_request(request) -> tuple[str, int]:
    """The address the browser used, from its Host header and the scheme (the proxy's
    X-Forwarded-Proto): behind a proxy, the port the application server listens on is not
    the one readers see."""
    hostname, port = split_domain_port(request.get_host())
    return hostname, int(port) if port else (443 if request.is_secure() else 80)


def url_of(address: tuple[str, int]) -> str:
    """The root URL Wagtail builds from a site's hostname and port (`Site.root_url`)."""
    return Site(hostname=address[0], port=address[1]).root_url


def sync_default_site(*, base_url: str, dry_run: bool = False) -> tuple[Site | None, str]:
    """Gives the default site the address of GAZETTE_BASE_URL, from which `make demo` and
    `make serve` start: canonical URLs, feeds and JSON-LD are built from the site, e-mails
    and purges from the setting, and both must name the address readers use. Returns the
    site (None without a default one) and its former root URL, empty if unchanged."""
    hostname, port = address_of(base_url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return site, ""
    former = site.root_url
    site.hostname, site.port = hostname, port
    if not dry_run:
        site.save(update_fields=["hostname", "port"])
    return site, former


def register_signal_handlers():
    post_save.connect(
        invalidation.everything_changed_on_save, sender=Site, dispatch_uid="core-sites-saved"
    )
    post_delete.connect(
        invalidation.everything_changed_on_save, sender=Site, dispatch_uid="core-sites-deleted"
    )
