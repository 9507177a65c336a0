"""Search, date archives and robots.txt.

Archives are public pages under the caching invariant (`cache_public`). Search result pages are
public too, the same bytes for everyone, but a shared cache keeps each query five minutes only,
so a new article shows in results soon after it is published; and robots do not index them
(`noindex` in the page and in `X-Robots-Tag`): a results page is no content of its own.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.dates import MONTHS
from gazette.core.models import SiteSettings
from gazette.core.sites import site_or_404
from gazette.news.models import ArticlePage, paginate

from . import search_freshness
from .excerpts import highlight
from .forms import SearchForm
from .metadata import root_url
from .search import CANDIDATES, Query
from .sitemaps import latest_change, news_items, sitemaps_for

SEARCH_BROWSER_MAX_AGE = 60
SEARCH_SHARED_MAX_AGE = 300
EXCERPT_WORDS = 40


@dataclass
class Result:
    article: ArticlePage
    title: SafeString
    excerpt: SafeString


def search(request):
    invalidation.record_lists()  # the next article published may be a hit
    invalidation.record(search_freshness.KEY)  # and the index catches up later
    site = site_or_404(request)
    form = SearchForm(request.GET, site=site)
    form.is_valid()  # a bad field shows its message; the valid ones still search
    filters = form.cleaned_data
    query = Query.parse(filters.get("q", ""))
    context = {
        "form": form,
        "query": query,
        "typed": filters.get("q", "").strip(),
        "candidates": CANDIDATES,
    }
    if query:
        ranked = query.articles(
            site=site,
            section=filters.get("rubrique"),
            since=_paris_midnight(filters.get("du")),
            until=_paris_midnight(filters.get("au"), next_day=True),
        )
        page = paginate(request, ranked, settings.GAZETTE_PAGE_SIZE)
        context.update(page_obj=page, results=_results(page.object_list, query.stems))
    response = render(request, "findability/search.html", context)
    patch_cache_control(
        response, public=True, max_age=SEARCH_BROWSER_MAX_AGE, s_maxage=SEARCH_SHARED_MAX_AGE
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _paris_midnight(day: dt.date | None, *, next_day: bool = False) -> dt.datetime | None:
    """A date typed in the form is a Paris day: « au 31/07 » includes that evening."""
    if day is None:
        return None
    if next_day:
        day += dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_default_timezone())


def _results(pks: list[int], stems: frozenset[str]) -> list[Result]:
    articles = ArticlePage.objects.teasers().in_bulk(pks)
    results = []
    for pk in pks:
        article = articles.get(pk)
        if article is None:  # unpublished or made private since it was found
            continue
        body = " ".join(article.body.stream_block.get_searchable_content(article.body))
        results.append(
            Result(
                article=article,
                title=highlight(article.title, stems),
                excerpt=highlight(f"{article.standfirst} {body}", stems, words=EXCERPT_WORDS),
            )
        )
    return results


def archive_index(request):
    """Every month that has articles, by year: the way in for readers and crawlers alike."""
    invalidation.record_lists()
    months = (
        ArticlePage.objects.in_site(site_or_404(request))
        .visible()
        .annotate(month=TruncMonth("first_published_at"))
        .order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )
    years: dict[int, list[tuple[int, str]]] = {}
    for month in months:
        years.setdefault(month.year, []).append((month.month, MONTHS[month.month - 1]))
    return cache_public(render(request, "findability/archive_index.html", {"years": years}))


def archive_year(request, year: int):
    return _archive(request, year, None)


def archive_month(request, year: int, month: int):
    return _archive(request, year, month)


def _archive(request, year: int, month: int | None):
    """A year or a month of articles, newest first; a date that cannot be, or a period with no
    article, is a 404: there is no page to show, and none for a crawler to keep."""
    if not 1900 <= year <= 2999 or (month is not None and not 1 <= month <= 12):
        raise Http404("no such period")
    invalidation.record_lists()
    start = dt.date(year, month or 1, 1)
    end = dt.date(year + 1, 1, 1) if month in (None, 12) else dt.date(year, month + 1, 1)
    articles = (
        ArticlePage.objects.in_site(site_or_404(request))
        .teasers()
        .filter(
            first_published_at__gte=_paris_midnight(start),
            first_published_at__lt=_paris_midnight(end),
        )
    )
    page = paginate(request, articles, settings.GAZETTE_PAGE_SIZE)
    if not page.object_list:
        raise Http404("no article in this period")
    period = f"{MONTHS[month - 1]} {year}" if month else str(year)
    context = {
        "year": year,
        "month": month,
        "heading": _("Archives: %(period)s") % {"period": period},
        "articles": page,
    }
    return cache_public(render(request, "findability/archive_page.html", context))


def robots_txt(request):
    """Crawlers may read everything public but the admin and search results, and learn where
    the sitemaps are. Only the index is named: it lists the news sitemap when that one has
    articles, and an empty news sitemap is not valid against its schema."""
    root = root_url(request)
    text = render_to_string(
        "findability/robots.txt",
        {
            "sitemaps": [root + reverse("findability:sitemap_index")],
            "disallowed": [reverse("wagtailadmin_home"), reverse("findability:search")],
        },
    )
    return cache_public(HttpResponse(text, content_type="text/plain; charset=utf-8"))


def sitemap_index(request):
    """Each sitemap, and each page of a long one (`?p=2`), with its latest change; an empty
    one is left out until it has an address."""
    invalidation.record_lists()
    root = root_url(request)
    entries = []
    site = site_or_404(request)
    lastmod = latest_change(site)
    for section, sitemap in sitemaps_for(site).items():
        paginator = sitemap.paginator
        if not paginator.count:  # the schema wants at least one address per sitemap
            continue
        url = root + reverse("findability:sitemap", args=[section])
        entries += [(url, lastmod)]
        entries += [(f"{url}?p={n}", lastmod) for n in range(2, paginator.num_pages + 1)]
    news = news_items(site)
    if news:
        entries.append(
            (root + reverse("findability:news_sitemap"), max(a["changed"] for a in news))
        )
    response = render(
        request,
        "findability/sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml; charset=utf-8",
    )
    return cache_public(response)


def sitemap(request, section: str):
    invalidation.record_lists()
    response = django_sitemap(
        request,
        sitemaps=sitemaps_for(site_or_404(request)),
        section=section,
        template_name="findability/sitemap.xml",
        content_type="application/xml; charset=utf-8",
    )
    return cache_public(response.render())


def news_sitemap(request):
    invalidation.record_lists()
    site = site_or_404(request)
    context = {
        "articles": news_items(site),
        "publication": SiteSettings.for_site(site).site_name,
    }
    response = render(
        request,
        "findability/news_sitemap.xml",
        context,
        content_type="application/xml; charset=utf-8",
    )
    return cache_public(response)
