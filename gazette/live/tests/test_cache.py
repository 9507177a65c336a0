"""The polling endpoint and the purges, through the real WSGI entry point and its page cache:
an entry purges the live page, its endpoint and the teasers that show it, and nothing else."""

import pytest
from django.core.wsgi import get_wsgi_application

from gazette.core import page_cache
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.purging import key_of_page
from gazette.news.tests.factories import make_article, make_home, make_section

from .factories import CHANGES, change_entries, make_live_page, post_entry

pytestmark = pytest.mark.django_db
application = page_cache.with_page_cache(get_wsgi_application())


def get(path: str, *, query: str = "", **headers):
    return wsgi_request(application, path, query=query, **headers)


@pytest.fixture
def site():
    home = make_home()
    monde = make_section(home, "Monde")
    sport = make_section(home, "Sport")
    live = make_live_page(monde)
    first = post_entry(live, "Première entrée.")
    other = make_article(sport, "Finale à Lyon")
    return {"live": live, "first": first, "other": other}


def endpoint(live) -> str:
    return f"/direct/{live.pk}/entrees/"


def test_the_endpoint_returns_the_newer_entries_as_html(site):
    live, first = site["live"], site["first"]
    second = post_entry(live, "Deuxième entrée.")
    third = post_entry(live, "Troisième entrée.")

    answer = get(endpoint(live), query=f"depuis={first.pk}")

    html = answer["body"].decode()
    assert answer["status"] == "200 OK"
    assert f'data-latest="{third.pk}" data-count="2"' in html
    assert html.index(f"entree-{third.pk}") < html.index(f"entree-{second.pk}")
    assert "Première entrée." not in html
    nothing = get(endpoint(live), query=f"depuis={third.pk}")["body"].decode()
    assert f'data-latest="{third.pk}" data-count="0"' in nothing


@pytest.mark.parametrize("query", ["depuis=abc", "depuis=-1"])
def test_a_malformed_since_is_a_404(site, query):
    assert get(endpoint(site["live"]), query=query)["status"].startswith("404")


def test_a_draft_live_page_has_no_endpoint(site):
    draft = make_live_page(site["live"].get_parent(), "Direct en préparation", live=False)
    assert get(endpoint(draft))["status"].startswith("404")


def test_the_endpoint_is_public_cached_with_an_etag_and_304(site):
    path, query = endpoint(site["live"]), f"depuis={site['first'].pk}"
    first = get(path, query=query)
    assert first["cache"] == "miss"
    assert "public" in first["headers"]["Cache-Control"]
    assert "s-maxage=" in first["headers"]["Cache-Control"]
    assert "Set-Cookie" not in first["headers"]
    second = get(path, query=query)
    assert second["cache"] == "hit" and second["body"] == first["body"]
    etag = first["headers"]["ETag"]
    not_modified = get(path, query=query, if_none_match=etag)
    assert not_modified["status"] == "304 Not Modified" and not_modified["body"] == b""


@pytest.mark.parametrize("change", CHANGES)
def test_an_entry_purges_the_live_page_endpoint_and_teasers_and_nothing_else(
    site, change, django_capture_on_commit_callbacks
):
    live, first = site["live"], site["first"]
    shown = [live.url, "/", "/monde/"]  # la une and the section show its badge
    untouched = ["/sport/", site["other"].url]
    for path in [*shown, *untouched]:
        assert get(path)["status"] == "200 OK", path
        assert get(path)["cache"] == "hit", path
    query = f"depuis={first.pk}"
    get(endpoint(live), query=query)
    assert get(endpoint(live), query=query)["cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        change_entries(live, first, change)

    for path in shown:
        assert get(path)["cache"] == "miss", path
    assert get(endpoint(live), query=query)["cache"] == "miss"
    for path in untouched:
        assert get(path)["cache"] == "hit", path
    if change == "publish":
        assert "Une nouvelle entrée." in get(endpoint(live), query=query)["body"].decode()


def test_a_new_entry_changes_the_endpoints_etag(site, django_capture_on_commit_callbacks):
    path, query = endpoint(site["live"]), f"depuis={site['first'].pk}"
    etag = get(path, query=query)["headers"]["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        post_entry(site["live"], "Du nouveau.")
    answer = get(path, query=query, if_none_match=etag)
    assert answer["status"] == "200 OK" and answer["headers"]["ETag"] != etag
    assert "Du nouveau." in answer["body"].decode()


def test_editing_the_live_page_purges_it_as_an_article(site, django_capture_on_commit_callbacks):
    live = site["live"]
    assert key_of_page(live) == f"article:{live.pk}"
    for path in (live.url, "/", "/monde/", "/sport/"):
        get(path)
        assert get(path)["cache"] == "hit", path
    with django_capture_on_commit_callbacks(execute=True):
        live.title = "Tempête Ciarán : la vigilance rouge levée"
        live.save_revision().publish()
    for path in (live.url, "/", "/monde/"):
        answer = get(path)
        assert answer["cache"] == "miss" and "vigilance rouge levée" in answer["body"].decode()
    assert get("/sport/")["cache"] == "hit"
