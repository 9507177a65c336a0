"""Sitemaps through `django.contrib.sitemaps`: an index, then pages, articles (paginated),
authors and topics, plus a Google News sitemap of the last 48 hours.

Built to stay fast at 100,000 articles and more: items are `values()` rows, never page objects,
so a sitemap page costs a count and one SELECT whatever its length (the tests count them), and
an address is the row's `url_path` less the site root's, with no per-item lookup. Articles are
listed oldest first, so that only the last sitemap page changes when one is published and the
others stay in caches. Image entries give the lead image's original file, the best a search
engine can index, found through the same row.

Addresses start from the Wagtail site's root URL, like every address in this app (see
`metadata.py`): `get_urls` ignores the request's host that Django would use.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.core.files.storage import default_storage
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from taggit.models import Tag

from gazette.news.models import ArticlePage, Author, page_rows

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 addresses per sitemap


class SiteSitemap(Sitemap):
    """`site` is the Wagtail site the request is for; `location` returns a path under it."""

    def __init__(self, site):
        self.site = site
        self.root = site.root_url
        self.root_path = site.root_page.url_path  # « /la-une/ »: stripped from each url_path

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, _, domain = self.root.partition("://")
        urls = self._urls(page, scheme, domain)
        for url in urls:
            url["location"] = iri_to_uri(url["location"])
            url["image"] = self.image(url["item"])
        return urls

    def image(self, item) -> str | None:
        return None

    def path(self, url_path: str) -> str:
        return url_path[len(self.root_path) - 1 :]

    def pages(self):
        return page_rows().in_site(self.site).visible()

    def articles(self):
        """The visible articles of the site, as a subquery of their ids."""
        return self.pages().type(ArticlePage).values("pk")


class PageSitemap(SiteSitemap):
    """La une, sections and simple pages: every visible page that is not an article."""

    def items(self):
        return (
            self.pages()
            .not_type(ArticlePage)
            .order_by("path")
            .values("url_path", "last_published_at")
        )

    def location(self, item):
        return self.path(item["url_path"])

    def lastmod(self, item):
        return item["last_published_at"]


def last_change(updated_at: str = "updated_at"):
    """An article changes when a revision is published or when one of its notes changes,
    which moves `updated_at` (« Mis à jour le ») and no revision: the later of the two."""
    return Greatest("last_published_at", Coalesce(updated_at, "last_published_at"))


class ArticleSitemap(SiteSitemap):
    limit = 5000

    def items(self):
        return (
            self.pages()
            .type(ArticlePage)
            .order_by("pk")
            .values("url_path", "articlepage__lead_image__file")
            .annotate(changed=last_change("articlepage__updated_at"))
        )

    def location(self, item):
        return self.path(item["url_path"])

    def lastmod(self, item):
        return item["changed"]

    def image(self, item):
        name = item["articlepage__lead_image__file"]
        if not name:
            return None
        url = default_storage.url(name)
        return iri_to_uri(url if url.startswith(("http://", "https://")) else self.root + url)


class AuthorSitemap(SiteSitemap):
    """Authors with at least one visible article on the site: an empty author page is no page
    to index. The latest change is of those articles too."""

    def items(self):
        return (
            Author.objects.filter(bylines__article__in=self.articles())
            .values("slug")
            .annotate(latest=Max("bylines__article__last_published_at"))
            .order_by("slug")
        )

    def location(self, item):
        return reverse("news:author", args=[item["slug"]])

    def lastmod(self, item):
        return item["latest"]


class TopicSitemap(SiteSitemap):
    """Topics (tags) of the site's visible articles: a topic of private articles only is
    named nowhere."""

    def items(self):
        return (
            Tag.objects.filter(news_articletag_items__content_object__in=self.articles())
            .values("slug")
            .annotate(latest=Max("news_articletag_items__content_object__last_published_at"))
            .order_by("slug")
        )

    def location(self, item):
        return reverse("news:tag", args=[item["slug"]])

    def lastmod(self, item):
        return item["latest"]


def latest_change(site):
    """When the newest visible article of `site` last changed (a note counts): the index's
    `lastmod` for every sitemap, read once (a scan of the articles at 100,000 of them) rather
    than once per sitemap."""
    articles = ArticlePage.objects.in_site(site).visible()
    return articles.aggregate(latest=Max(last_change()))["latest"]


def sitemaps_for(site) -> dict[str, SiteSitemap]:
    """The index's sections, in its order; the keys are the `section` of their URL."""
    return {
        "pages": PageSitemap(site),
        "articles": ArticleSitemap(site),
        "authors": AuthorSitemap(site),
        "topics": TopicSitemap(site),
    }


def news_items(site):
    """Google News: articles first published in the last 48 hours, newest first, each with
    its last change (a correction within the 48 hours shows as its `lastmod`)."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        ArticlePage.objects.in_site(site)
        .visible()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at")
        .values("url_path", "first_published_at", "title")
        .annotate(changed=last_change())[:NEWS_LIMIT]
    )
    root_length = len(site.root_page.url_path) - 1
    return [
        {
            "location": iri_to_uri(site.root_url + article["url_path"][root_length:]),
            "published": article["first_published_at"],
            "changed": article["changed"],
            "title": article["title"],
        }
        for article in articles
    ]
