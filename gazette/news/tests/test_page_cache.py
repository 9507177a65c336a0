"""The app's page cache, through the real WSGI entry point, and the purges that keep it exact:
a change shows on the next request, and pages it does not concern stay cached."""

import gzip
import time

import pytest
from django.core.wsgi import get_wsgi_application
from django.urls import reverse

from gazette.core import page_cache, page_store
from gazette.core.models import PagePurge
from gazette.core.tests.wsgi_client import wsgi_request

from .factories import make_article, make_author, make_home, make_section

pytestmark = pytest.mark.django_db
# As gazette/wsgi.py composes it, less the beacon (an app above this one).
application = page_cache.with_page_cache(get_wsgi_application())


def get(path: str, *, method: str = "GET", query: str = "", **headers):
    return wsgi_request(application, path, method=method, query=query, **headers)


def listening():
    process = page_store._start_process()
    deadline = time.monotonic() + 5
    while process.listener is not None and not process.listener.healthy:
        assert time.monotonic() < deadline, "no subscription to the purge channel"
        time.sleep(0.01)


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    home = make_home()
    monde = make_section(home, "Monde")
    sport = make_section(home, "Sport")
    author = make_author("Claire Vasseur")
    article = make_article(monde, "Sommet à Bruxelles", authors=[author], tags=["europe"])
    other = make_article(sport, "Finale à Lyon")
    return {"home": home, "monde": monde, "sport": sport, "article": article, "other": other}


def test_a_second_reader_gets_the_stored_page_without_a_query(site, django_assert_num_queries):
    # « Les + Lus » computed first, as the periodic task keeps it: computed during the render,
    # its first ranking purges what showed none, the page being rendered included.
    get("/sport/")
    listening()  # with Redis: until this process hears purges, it reads the sites each time
    first = get("/monde/sommet-a-bruxelles/")
    assert first["status"] == "200 OK" and first["cache"] == "miss"
    with django_assert_num_queries(0):
        second = get("/monde/sommet-a-bruxelles/")
    assert second["cache"] == "hit"
    assert second["body"] == first["body"]
    assert "Set-Cookie" not in second["headers"]
    assert "s-maxage=" in second["headers"]["Cache-Control"]
    assert second["headers"]["ETag"] == first["headers"]["ETag"]


def test_validators_gzip_and_head(site):
    first = get("/monde/")
    etag = first["headers"]["ETag"]
    assert etag.startswith('W/"')
    not_modified = get("/monde/", if_none_match=etag)
    assert not_modified["status"] == "304 Not Modified" and not_modified["body"] == b""
    assert get("/monde/", if_none_match='"autre"')["status"] == "200 OK"
    zipped = get("/monde/", accept_encoding="gzip, br")
    assert zipped["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped["body"]) == first["body"]
    assert zipped["headers"]["ETag"] == etag
    assert "Accept-Encoding" in zipped["headers"]["Vary"]
    head = get("/monde/", method="HEAD")
    assert head["status"] == "200 OK" and head["body"] == b""
    assert head["headers"]["Content-Length"] == str(len(first["body"]))


def test_tracking_parameters_share_the_page_and_real_ones_do_not(site):
    get("/monde/")
    assert get("/monde/", query="utm_source=x&fbclid=1")["cache"] == "hit"
    assert get("/monde/", query="page=1")["cache"] == "miss"
    assert get("/monde/", query="page=1")["cache"] == "hit"


def test_editors_posts_and_private_answers_are_not_stored(site, settings):
    get("/monde/")
    editor = get("/monde/", cookie=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert editor["cache"] is None
    assert get("/admin/login/")["cache"] is None
    assert get("/monde/", method="POST")["cache"] is None
    assert get("/nulle-part/")["status"].startswith("404")
    assert get("/nulle-part/")["cache"] is None


def test_publishing_purges_the_pages_that_show_the_article_and_no_other(
    site, django_capture_on_commit_callbacks
):
    paths = [
        "/",
        "/monde/",
        "/monde/sommet-a-bruxelles/",
        reverse("news:author", args=["claire-vasseur"]),
        reverse("news:tag", args=["europe"]),
        reverse("findability:site_rss"),
        reverse("findability:section_atom", args=["monde"]),
        "/sport/",
        "/sport/finale-a-lyon/",
    ]
    for path in paths:
        assert get(path)["status"] == "200 OK", path
        assert get(path)["cache"] == "hit", path
    article = site["article"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Sommet à Bruxelles : accord trouvé"
        article.save_revision().publish()
    for path in paths[:-2]:
        answer = get(path)
        assert answer["cache"] == "miss", path
        assert "accord trouvé" in answer["body"].decode(), path
    assert get("/sport/")["cache"] == "hit"
    assert get("/sport/finale-a-lyon/")["cache"] == "hit"


def test_unpublishing_and_moving_leave_no_stale_copy(site, django_capture_on_commit_callbacks):
    article = site["article"]
    article.refresh_from_db()  # the factory published a copy
    assert get("/monde/sommet-a-bruxelles/")["status"] == "200 OK"
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert get("/monde/sommet-a-bruxelles/")["status"].startswith("404")
    other = site["other"]
    other.refresh_from_db()
    assert get("/sport/finale-a-lyon/")["cache"] == "miss"
    get("/sport/")
    with django_capture_on_commit_callbacks(execute=True):
        other.move(site["monde"], pos="last-child")
    # Wagtail's redirects app sends the old address to the new one.
    assert get("/sport/finale-a-lyon/")["status"] == "301 Moved Permanently"
    assert "Finale à Lyon" not in get("/sport/")["body"].decode()
    assert (
        "Finale à Lyon"
        not in get(reverse("findability:section_rss", args=["sport"]))["body"].decode()
    )
    assert get("/monde/finale-a-lyon/")["status"] == "200 OK"


def test_a_renamed_section_purges_every_page_of_its_menu_and_a_republished_one_its_own(
    site, django_capture_on_commit_callbacks
):
    """A section's name is in every page's menu; published again unchanged (its intro, say),
    it changes its own page only."""
    get("/sport/finale-a-lyon/"), get("/monde/")
    with django_capture_on_commit_callbacks(execute=True):
        site["monde"].save_revision().publish()
    assert get("/sport/finale-a-lyon/")["cache"] == "hit"
    assert get("/monde/")["cache"] == "miss"
    monde = site["monde"]
    monde.title = "International"
    with django_capture_on_commit_callbacks(execute=True):
        monde.save_revision().publish()
    answer = get("/sport/finale-a-lyon/")
    assert answer["cache"] == "miss" and ">International</a>" in answer["body"].decode()


def test_a_purge_by_another_process_reaches_this_one_within_a_second(site, monkeypatch):
    """The embedded shape: the task worker publishing a scheduled article purges its own
    memory; the server's processes learn of it from the database. (With Redis, every process
    reads the same cache: test_two_servers.py.)"""
    if not page_store.is_local():
        pytest.skip("the purge log is for in-process caches; Redis is shared")
    monkeypatch.setattr(page_store, "LOCAL_SYNC_SECONDS", 0)
    get("/monde/")
    assert get("/monde/")["cache"] == "hit"
    PagePurge.objects.record(f"list:section:{site['monde'].pk}")  # as another process writes
    assert get("/monde/")["cache"] == "miss"
    assert get("/monde/")["cache"] == "hit"
    PagePurge.objects.record(PagePurge.EVERYTHING)
    assert get("/monde/")["cache"] == "miss"
    assert PagePurge.objects.count() == 2


def test_the_cache_can_be_switched_off(site, settings):
    settings.GAZETTE_PAGE_CACHE = False
    get("/monde/")
    assert get("/monde/")["cache"] is None


def test_without_the_page_cache_django_still_answers_304(site, settings, client):
    settings.GAZETTE_PAGE_CACHE = False
    first = client.get("/monde/")
    assert first.status_code == 200 and first["ETag"]
    again = client.get("/monde/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
