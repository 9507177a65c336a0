"""What search engines and social networks read in a page's head: canonical address, Open
Graph, X card, and JSON-LD NewsArticle + BreadcrumbList with Google's required properties,
checked on our own articles (every article of the demo: gazette/demo/tests/test_load_demo.py)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Site

from gazette.core.models import SiteSettings
from gazette.core.tests.shared_data import shared
from gazette.findability.tests.heads import assert_news_article, graph, head
from gazette.news.models import ArticleAuthor
from gazette.news.tests.factories import (
    LARGE,
    make_article,
    make_author,
    make_image,
    make_section,
)

PARIS = ZoneInfo("Europe/Paris")


@shared
def article(monde):
    europe = make_section(monde, "Europe")
    return make_article(
        europe,
        "« Nous tiendrons » </script><script>alert(1)</script>",
        standfirst="Le chapô dit l'essentiel.",
        authors=[make_author("Claire Vasseur"), make_author("Paul Girard")],
        tags=["Climat", "Europe"],
        lead_image=make_image("Bruxelles", description="La Commission, à Bruxelles", size=LARGE),
        first_published_at=dt.datetime(2025, 7, 8, 14, 30, tzinfo=PARIS),
        updated_at=dt.datetime(2025, 7, 9, 9, 0, tzinfo=PARIS),
    )


@pytest.mark.django_db
def test_article_head_has_canonical_open_graph_and_card(client, article):
    parsed = head(client.get(article.url).content.decode())
    url = f"http://localhost{article.url}"
    assert {"rel": "canonical", "href": url} in parsed.links
    meta = parsed.meta
    assert meta["og:type"] == ["article"]
    assert meta["og:url"] == [url]
    assert meta["og:locale"] == ["fr_FR"]
    assert meta["og:description"] == ["Le chapô dit l'essentiel."]
    assert meta["description"] == ["Le chapô dit l'essentiel."]
    [image] = meta["og:image"]
    assert re.match(
        r"http://localhost/media/images/bruxelles[^/]*\.width-1200\.format-jpeg\.jpg$", image
    )
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["675"]
    assert meta["og:image:alt"] == ["La Commission, à Bruxelles"]
    assert meta["article:published_time"] == ["2025-07-08T14:30:00+02:00"]
    assert meta["article:modified_time"] == ["2025-07-09T09:00:00+02:00"]
    assert meta["article:section"] == ["Europe"]
    assert meta["article:tag"] == ["Climat", "Europe"]
    assert meta["article:author"] == [
        "http://localhost/auteurs/claire-vasseur/",
        "http://localhost/auteurs/paul-girard/",
    ]
    assert meta["twitter:card"] == ["summary_large_image"]


@pytest.mark.django_db
def test_json_ld_is_valid_cannot_end_its_script_and_has_google_properties(client, article):
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    nodes = graph(head(html))
    url = f"http://localhost{article.url}"
    news = nodes["NewsArticle"]
    assert_news_article(news, url)
    assert news["headline"] == "« Nous tiendrons » </script><script>alert(1)</script>"
    assert news["datePublished"] == "2025-07-08T14:30:00+02:00"
    assert news["dateModified"] == "2025-07-09T09:00:00+02:00"
    assert [a["url"] for a in news["author"]] == [
        "http://localhost/auteurs/claire-vasseur/",
        "http://localhost/auteurs/paul-girard/",
    ]
    assert news["articleSection"] == "Europe"
    assert news["keywords"] == ["Climat", "Europe"]
    assert (
        news["publisher"]["logo"]["url"] == "http://localhost/static/findability/publisher-logo.png"
    )
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "La une", "http://localhost/"),
        (2, "Monde", "http://localhost/monde/"),
        (3, "Europe", "http://localhost/monde/europe/"),
        (4, news["headline"], url),
    ]


def person(name, slug):
    return {"@type": "Person", "name": name, "url": f"http://localhost/auteurs/{slug}/"}


@pytest.mark.django_db
def test_json_ld_names_the_writers_as_authors_and_the_others_as_contributors(client, monde):
    article = make_article(
        monde,
        authors=[make_author("Claire Vasseur")],
        credits=[
            (make_author("Paul Girard"), ArticleAuthor.Role.PHOTO),
            (make_author("Lina Haddad"), ArticleAuthor.Role.VIDEO),
        ],
        signature_line="Avec AFP",
    )
    parsed = head(client.get(article.url).content.decode())
    news = graph(parsed)["NewsArticle"]
    assert news["author"] == [person("Claire Vasseur", "claire-vasseur")]
    assert news["contributor"] == [
        {
            "@type": "Role",
            "roleName": "Photos",
            "contributor": person("Paul Girard", "paul-girard"),
        },
        {"@type": "Role", "roleName": "Vidéo", "contributor": person("Lina Haddad", "lina-haddad")},
    ]
    assert news["creditText"] == "Avec AFP"
    assert parsed.meta["article:author"] == ["http://localhost/auteurs/claire-vasseur/"]


@pytest.mark.django_db
def test_json_ld_credits_the_newsroom_when_no_one_is_credited_for_the_text(client, monde):
    article = make_article(monde, credits=[(make_author("Paul Girard"), ArticleAuthor.Role.PHOTO)])
    news = graph(head(client.get(article.url).content.decode()))["NewsArticle"]
    assert news["author"] == [news["publisher"]]
    assert "creditText" not in news


@pytest.mark.django_db
def test_the_site_logo_is_the_publisher_logo(client, article):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = make_image("Logo de la Gazette", size=LARGE)
    site_settings.save()
    logo = graph(head(client.get(article.url).content.decode()))["NewsArticle"]["publisher"]["logo"]
    assert re.match(r"http://localhost/media/images/logo-de-la-gazette[^/]*\.png$", logo["url"])
    assert (logo["width"], logo["height"]) == (600, 337)


@pytest.mark.django_db
def test_an_article_without_image_gets_a_summary_card(client, monde):
    article = make_article(monde, "Sans image")
    parsed = head(client.get(article.url).content.decode())
    assert parsed.meta["twitter:card"] == ["summary"]
    assert "og:image" not in parsed.meta
    assert "image" not in graph(parsed)["NewsArticle"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "http://localhost/"),
        ("/monde/?utm_source=lettre", "http://localhost/monde/"),
        ("/monde/?page=2&utm_source=lettre", "http://localhost/monde/?page=2"),
        ("/auteurs/claire-vasseur/", "http://localhost/auteurs/claire-vasseur/"),
        ("/sujets/climat/", "http://localhost/sujets/climat/"),
        ("/archives/2025/07/", "http://localhost/archives/2025/07/"),
    ],
)
def test_listing_pages_have_one_canonical_address(client, monde, settings, path, canonical):
    settings.GAZETTE_PAGE_SIZE = 1
    author = make_author("Claire Vasseur")
    for day in (8, 9):
        make_article(
            monde,
            f"Le {day} juillet",
            authors=[author],
            tags=["Climat"],
            first_published_at=dt.datetime(2025, 7, day, tzinfo=PARIS),
        )
    parsed = head(client.get(path).content.decode())
    assert [link["href"] for link in parsed.links if link["rel"] == "canonical"] == [canonical]
    assert parsed.meta["og:url"] == [canonical]


@pytest.mark.django_db
def test_a_missing_page_has_no_canonical_address(client, home):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
