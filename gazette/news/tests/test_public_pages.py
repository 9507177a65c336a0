"""The promises every public listing and page keeps: cacheable by anyone, paginated without
500s, and a query count that does not grow with the number of articles shown."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from gazette.core.tests.queries import without_purge_sync
from gazette.core.tests.shared_data import shared
from gazette.news.models import ArticlePage, HomeFeatured

from .factories import fr, make_article, make_author, make_home, make_image, make_section


def build_site():
    """Two sections, an author and a tag, so every kind of public page has something."""
    home = make_home()
    monde, culture = make_section(home, "Monde"), make_section(home, "Culture")
    author = make_author("Claire Vasseur")
    article = make_article(
        monde, "Premier", authors=(author,), tags=("Climat",), lead_image=make_image("Une")
    )
    return {"home": home, "monde": monde, "culture": culture, "author": author, "article": article}


@shared
def site():
    return build_site()


def add_articles(site, count):
    first = ArticlePage.objects.count()
    for n in range(first, first + count):
        make_article(
            site["monde"] if n % 2 else site["culture"],
            f"Article {n}",
            authors=(site["author"], make_author(f"Auteur {n}")),
            tags=("Climat", f"Sujet {n}"),
            lead_image=make_image(f"Image {n}") if n % 3 else None,
        )


def put_on_la_une(home, lead, featured_count):
    home.lead_story = lead
    home.featured_items = [
        HomeFeatured(article=article)
        for article in ArticlePage.objects.exclude(pk=lead.pk)[:featured_count]
    ]
    home.save_revision().publish()


URLS = {
    "la une": lambda site: "/",
    "section": lambda site: site["monde"].url,
    "article": lambda site: site["article"].url,
    "author": lambda site: site["author"].get_absolute_url(),
    "tag": lambda site: "/sujets/climat/",
}


@pytest.mark.parametrize("kind", URLS)
def test_anonymous_get_sets_no_cookie_and_may_be_cached_by_proxies(client, site, kind):
    response = client.get(URLS[kind](site))

    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control


def queries_for(client, url) -> int:
    client.get(url)  # the first view renders the image renditions; later ones only read them
    cache.clear()  # counted from an empty cache, as after a purge: all a render may ask
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(without_purge_sync(queries))


COUNTED = ["la une", "section", "author", "tag"]


@pytest.fixture(scope="module")
def query_counts(build_once):
    """Each kind's count with 2 articles, then with 20: one site built in two steps for the
    four kinds (publishing 20 articles is the slow part), every part rendered (what a cold
    render costs)."""
    client = Client()
    with build_once(), override_settings(GAZETTE_FRAGMENT_CACHE=False):
        site = build_site()
        add_articles(site, 1)
        put_on_la_une(site["home"], site["article"], featured_count=0)
        with_two = {kind: queries_for(client, URLS[kind](site)) for kind in COUNTED}
        add_articles(site, 18)
        put_on_la_une(site["home"], site["article"], featured_count=6)
        with_twenty = {kind: queries_for(client, URLS[kind](site)) for kind in COUNTED}
    return with_two, with_twenty


@pytest.mark.parametrize("kind", COUNTED)
def test_query_count_is_the_same_for_2_and_20_articles(query_counts, kind):
    with_two, with_twenty = query_counts
    assert with_twenty[kind] == with_two[kind]


@pytest.mark.parametrize(
    ("kind", "table", "reads"),
    [
        ("article", "taggit_tag", 1),  # its topics: in the body, the Open Graph tags, the JSON-LD
        # Its section comes with it (a join), the menu's are kept (`menu_sections`).
        ("article", "news_sectionpage", 0),
        ("la une", "news_sectionpage", 0),  # its sections' blocks and the menu: the kept list
    ],
)
def test_a_cold_render_reads_what_it_shows_twice_once(client, site, settings, kind, table, reads):
    settings.GAZETTE_FRAGMENT_CACHE = False
    url = URLS[kind](site)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert sum(f'FROM "{table}"' in query["sql"] for query in queries) == reads


@pytest.mark.parametrize("kind", ["section", "author", "tag"])
@pytest.mark.parametrize("page", ["abc", "0", "999999"])
def test_a_page_number_that_is_not_a_page_is_a_404(client, site, kind, page):
    assert client.get(URLS[kind](site), {"page": page}).status_code == 404


@pytest.mark.parametrize("kind", ["section", "author", "tag"])
def test_pagination_links_its_neighbours_and_says_where_the_reader_is(client, site, settings, kind):
    settings.GAZETTE_PAGE_SIZE = 2
    add_articles(site, 9)  # 10 articles in all, 5 of them in « Monde »
    url = URLS[kind](site)
    pages = 3 if kind == "section" else 5

    html = client.get(url, {"page": 2}).content.decode()

    where = fr("Page %(number)s of %(total)s") % {"number": 2, "total": pages}
    assert f'aria-label="{fr("Pagination")}"' in html
    assert f"<p>{where}</p>" in html
    assert f'<a href="{url}" rel="prev">' in html  # page 1 has one address, without ?page=
    assert '<a href="?page=3" rel="next">' in html
    last = client.get(url, {"page": pages}).content.decode()
    assert 'rel="next"' not in last
