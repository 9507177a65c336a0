"""Sitemaps validate against the sitemap, image and Google News schemas (local copies in
`schemas/`, see their header), list live public pages only, and cost a fixed number of queries
whatever the number of articles. robots.txt sends crawlers to them."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xmlschema
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from gazette.core.models import SiteSettings
from gazette.core.tests.queries import without_purge_sync
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

from ..sitemaps import ArticleSitemap

SCHEMAS = Path(__file__).parent / "schemas"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
URLSET = xmlschema.XMLSchema(
    SCHEMAS / "sitemap.xsd",
    locations={
        IMAGE_NS: str(SCHEMAS / "sitemap-image.xsd"),
        NEWS_NS: str(SCHEMAS / "sitemap-news.xsd"),
    },
)
SITEINDEX = xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd")


def get_xml(client, url, schema=URLSET):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    schema.validate(response.content.decode())
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input


def locations(tree, tag="url"):
    return [urlsplit(loc.text).path for loc in tree.iter(f"{SM}loc") if loc is not None]


@pytest.fixture
def newsroom(monde):
    europe = make_section(monde, "Europe")
    claire = make_author("Claire Vasseur")
    make_author("Sans Article")
    now = timezone.now()
    fresh = make_article(
        europe,
        "Sommet européen : « accord » à l'aube",
        authors=[claire],
        tags=["Élections"],
        lead_image=make_image("Bruxelles"),
        first_published_at=now - dt.timedelta(hours=3),
    )
    old = make_article(
        monde,
        "Une vieille affaire",
        authors=[claire],
        first_published_at=now - dt.timedelta(days=3),
    )
    make_article(monde, "Un brouillon", authors=[claire], tags=["Secret"], live=False)
    private = make_article(
        monde, "Réservé aux abonnés", first_published_at=now - dt.timedelta(hours=1)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"europe": europe, "fresh": fresh, "old": old}


@pytest.mark.django_db
def test_the_index_lists_each_non_empty_sitemap_and_validates(client, newsroom):
    index = get_xml(client, "/sitemap.xml", SITEINDEX)
    assert locations(index) == [
        "/sitemap-pages.xml",
        "/sitemap-articles.xml",
        "/sitemap-authors.xml",
        "/sitemap-topics.xml",
        "/sitemap-news.xml",
    ]
    for loc in index.iter(f"{SM}loc"):
        assert loc.text.startswith("http://localhost/")
        get_xml(client, urlsplit(loc.text).path)


@pytest.mark.django_db
def test_only_live_public_pages_are_listed(client, newsroom):
    pages = locations(get_xml(client, "/sitemap-pages.xml"))
    assert pages == ["/", "/monde/", "/monde/europe/"]
    articles = locations(get_xml(client, "/sitemap-articles.xml"))
    assert articles == [newsroom["fresh"].url, newsroom["old"].url]
    assert locations(get_xml(client, "/sitemap-authors.xml")) == ["/auteurs/claire-vasseur/"]
    assert locations(get_xml(client, "/sitemap-topics.xml")) == ["/sujets/elections/"]


@pytest.mark.django_db
def test_articles_carry_their_lead_image_and_last_change(client, newsroom):
    tree = get_xml(client, "/sitemap-articles.xml")
    first = tree.find(f"{SM}url")
    image = first.find(f"{{{IMAGE_NS}}}image/{{{IMAGE_NS}}}loc").text
    assert image.startswith("http://localhost/media/original_images/bruxelles")
    assert client.get(urlsplit(image).path).status_code == 200
    lastmod = dt.datetime.fromisoformat(first.findtext(f"{SM}lastmod"))
    newsroom["fresh"].refresh_from_db()
    assert lastmod == newsroom["fresh"].last_published_at.replace(microsecond=0)
    assert tree.findall(f"{SM}url")[1].find(f"{{{IMAGE_NS}}}image") is None


@pytest.mark.django_db
def test_google_news_lists_the_last_48_hours_with_publication_and_language(client, newsroom):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.site_name = "La Gazette du Val"
    site_settings.save()
    tree = get_xml(client, "/sitemap-news.xml")
    [url] = tree.findall(f"{SM}url")
    assert urlsplit(url.findtext(f"{SM}loc")).path == newsroom["fresh"].url
    news = f"{{{NEWS_NS}}}"
    assert url.findtext(f"{news}news/{news}publication/{news}name") == "La Gazette du Val"
    assert url.findtext(f"{news}news/{news}publication/{news}language") == "fr"
    assert url.findtext(f"{news}news/{news}title") == "Sommet européen : « accord » à l'aube"
    published = dt.datetime.fromisoformat(url.findtext(f"{news}news/{news}publication_date"))
    assert published == newsroom["fresh"].first_published_at.replace(microsecond=0)


@pytest.mark.django_db
def test_long_sitemaps_are_paginated(client, monde):
    for n in range(5):
        make_article(monde, f"Article {n}")
    sitemap = ArticleSitemap(Site.objects.get(is_default_site=True))
    sitemap.limit = 2
    assert sitemap.paginator.num_pages == 3
    assert [len(sitemap.get_urls(page=n)) for n in (1, 2, 3)] == [2, 2, 1]
    assert client.get("/sitemap-articles.xml?p=9").status_code == 404
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404
    assert client.get("/sitemap-inconnu.xml").status_code == 404


SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-articles.xml",
    "/sitemap-authors.xml",
    "/sitemap-topics.xml",
    "/sitemap-news.xml",
]


@pytest.fixture(scope="module")
def query_counts(build_once):
    """Each sitemap's count with 2 articles, then with 12 (a query per article would show
    ten more): one site built in two steps for the six sitemaps (publishing is the slow
    part)."""
    client = Client()

    def queries(url):
        client.get(url)  # the site's settings row is created on first read
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(without_purge_sync(captured))

    with build_once():
        monde = make_section(make_home(), "Monde")
        author = make_author("Claire Vasseur")
        image = make_image("Une photo")

        def add(count, start):
            for n in range(start, start + count):
                make_article(
                    monde, f"Article {n}", authors=[author], tags=[f"Sujet {n}"], lead_image=image
                )

        add(2, 0)
        few = {url: queries(url) for url in SITEMAPS}
        add(10, 2)
        many = {url: queries(url) for url in SITEMAPS}
    return few, many


@pytest.mark.parametrize("url", SITEMAPS)
def test_a_sitemap_costs_the_same_queries_for_2_and_12_articles(query_counts, url):
    few, many = query_counts
    assert many[url] == few[url]


@pytest.mark.django_db
def test_sitemaps_are_public_and_cacheable(client, newsroom):
    for url in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml"):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert not response.cookies


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_and_search_and_points_to_sitemaps(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().split("\n")
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /recherche/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/sitemap-news.xml" not in lines  # listed by the index
    assert not [line for line in lines if re.match(r"Disallow: /$", line)]
