"""An anonymous reader who follows every link: what the public site shows, page by page.

Tests that something must appear nowhere (a restricted article, another site's content) crawl
rather than list addresses, so that a listing, feed or sitemap added later is crawled too; and
`route_kinds` names what a crawl reached, so that such a test can also require every public
route (each feed, each sitemap, archives, search, comment endpoints) to have been reached.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from wagtail.models import Page

# Addresses in HTML attributes (`data-token-url` too), and in the elements of feeds and sitemaps.
ATTRIBUTE = re.compile(r'\b(?:href|src|action|url|data-[\w-]+)="([^"]*)"')
ELEMENT = re.compile(r"<(?:loc|link|id|guid)>([^<]+)</")
ROBOTS_SITEMAP = re.compile(r"^Sitemap: (\S+)", re.MULTILINE)
NOT_PAGES = ("/static/", "/media/", "/documents/", "/sante/", "/audience/")


@dataclass
class Visit:
    url: str
    status: int
    body: str


def crawl(client, seeds, *, root: str, host: str = "localhost", limit: int = 400):
    """GET every address reachable from `seeds` on this site (`root`, « http://localhost »),
    as a reader without a session. Returns the visits by address."""
    pending, visits = list(dict.fromkeys(seeds)), {}
    admin = "/" + settings.GAZETTE_ADMIN_PATH.strip("/") + "/"
    while pending:
        url = pending.pop(0)
        if url in visits:
            continue
        assert len(visits) < limit, f"more than {limit} addresses: a crawl that never ends?"
        response = client.get(url, HTTP_HOST=host)
        body = response.content.decode("utf-8", "replace")
        visits[url] = Visit(url, response.status_code, body)
        if response.status_code != 200:
            continue
        for found in [*ATTRIBUTE.findall(body), *ELEMENT.findall(body)]:
            address = _local(html.unescape(found.strip()), url, root)
            if address and not address.startswith((admin, *NOT_PAGES)):
                pending.append(address)
        if urlsplit(url).path == "/robots.txt":
            pending += [_local(found, url, root) for found in ROBOTS_SITEMAP.findall(body)]
    return visits


def _local(address: str, base: str, root: str) -> str | None:
    """`address` as a path and query on this site, or None for another site."""
    if address.startswith(root + "/"):
        address = address[len(root) :]
    elif address.startswith("?"):
        address = urljoin(base, address)
    if not address.startswith("/") or address.startswith("//"):
        return None
    path, _, query = address.split("#", 1)[0].partition("?")
    path = quote(unquote(path), safe="/")  # « é » and « %C3%A9 » are one address
    return f"{path}?{query}" if query else path


def route_kinds(visits, site) -> set[str]:
    """What each answered address is: a URL name (« findability:site_rss »), a sitemap's section
    (« sitemap:articles »), or the type of a page of `site` (« page:sectionpage »), with
    « ?page= » when it was a further page of results."""
    kinds = set()
    for visit in visits.values():
        if visit.status != 200:
            continue
        parts = urlsplit(visit.url)
        try:
            match = resolve(parts.path)
        except Resolver404:
            continue
        if match.view_name == "findability:sitemap":
            kind = f"sitemap:{match.kwargs['section']}"
        elif match.namespace:
            kind = match.view_name
        else:  # Wagtail's page view
            url_path = site.root_page.url_path + unquote(parts.path).lstrip("/")
            page = Page.objects.filter(url_path=url_path).first()
            kind = f"page:{page.specific_class._meta.model_name}" if page else match.view_name
        if "page=" in parts.query:
            kind += "?page="
        kinds.add(kind)
    return kinds
