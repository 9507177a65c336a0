"""Two Wagtail sites on two host names, through the page cache, the fragments and the site
lookup: each reader gets their own site's pages, and neither a `Host` port nor an
`X-Request-ID` chosen by a client ends up in what is kept for everyone."""

import pytest
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from wagtail.models import Page, Site

from gazette.core import invalidation, page_cache, page_store
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.models import HomePage, SectionPage

from .factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db
application = page_cache.with_page_cache(get_wsgi_application())
OTHER = "deux.example"


def get(path: str, **headers):
    return wsgi_request(application, path, **headers)


def add_second_site():
    second = Page.get_first_root_node().add_child(instance=HomePage(title="Deux", slug="deux"))
    second.save_revision().publish()
    Site.objects.create(hostname=OTHER, port=80, root_page=second, site_name="Deux")
    make_article(make_section(second, "Monde"), "Marché de Lille")


@pytest.fixture
def two_sites(settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", OTHER]
    first = make_home()
    make_article(make_section(first, "Monde"), "Sommet à Bruxelles")
    add_second_site()
    page_store.forget_local_state()  # as after the purge that saving a site makes


def test_a_site_added_later_is_served_at_once(settings, django_capture_on_commit_callbacks):
    settings.ALLOWED_HOSTS = ["localhost", OTHER]
    make_article(make_section(make_home(), "Monde"), "Sommet à Bruxelles")
    get("/monde/", host=OTHER)  # the default site's page, for now
    assert get("/monde/", host=OTHER)["cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        add_second_site()
    answer = get("/monde/", host=OTHER)
    assert answer["cache"] == "miss" and "Marché de Lille" in answer["body"].decode()
    assert "Sommet à Bruxelles" in get("/monde/")["body"].decode()


def test_each_site_is_served_its_own_pages_from_the_cache(two_sites):
    for _ in range(2):  # the second time from the cache
        first, second = get("/monde/"), get("/monde/", host=OTHER)
        assert first["status"] == second["status"] == "200 OK"
        assert "Sommet à Bruxelles" in first["body"].decode()
        assert "Marché de Lille" not in first["body"].decode()
        assert "Marché de Lille" in second["body"].decode()
        assert "Sommet à Bruxelles" not in second["body"].decode()
    assert (first["cache"], second["cache"]) == ("hit", "hit")


def test_a_chosen_port_or_case_shares_the_sites_entry_and_a_refused_host_gets_none(two_sites):
    get("/monde/", host=OTHER)
    for host in (f"{OTHER}:8443", OTHER.upper(), f"{OTHER}:1"):
        answer = get("/monde/", host=host)
        assert answer["cache"] == "hit" and "Marché de Lille" in answer["body"].decode()
    refused = get("/monde/", host="evil.example")
    assert refused["status"].startswith("400") and refused["cache"] is None


def test_a_purge_drops_what_showed_its_keys_on_its_own_site_only(two_sites):
    """The two sites' « Monde » share a path, not a key: purging the first one's list leaves
    the second site's page, which never showed it."""
    get("/monde/"), get("/monde/", host=OTHER), get("/", host=OTHER)
    first_monde = SectionPage.objects.filter(title="Monde").order_by("pk").first()
    invalidation.purge_now([f"list:section:{first_monde.pk}"])
    assert get("/monde/")["cache"] == "miss"
    assert get("/monde/", host=OTHER)["cache"] == "hit"
    assert get("/", host=OTHER)["cache"] == "hit"


def cache_keys() -> int:
    if page_store.is_local():
        return len(cache._cache)
    return len(page_store._redis().keys("*"))


def test_ports_chosen_by_clients_do_not_multiply_cache_entries(two_sites, client):
    """Django's side (the site lookup and the fragments), past the page cache."""
    assert "Sommet à Bruxelles" in client.get("/monde/").content.decode()
    before = cache_keys()
    for port in range(1000, 1030):  # thirty are as telling as two hundred
        response = client.get("/monde/", headers={"host": f"localhost:{port}"})
        assert response.status_code == 200
    assert cache_keys() - before <= 2
    other = client.get("/monde/", headers={"host": f"{OTHER}:9"}).content.decode()
    assert "Marché de Lille" in other and "Sommet à Bruxelles" not in other


def test_a_request_id_is_never_kept_with_a_cached_page(two_sites, client):
    forged = "attaquant-12345678"
    first = get("/monde/", x_request_id=forged)
    assert first["cache"] == "miss" and first["headers"].get("X-Request-ID") != forged
    second = get("/monde/")
    assert second["cache"] == "hit" and second["headers"].get("X-Request-ID") != forged
    # What Varnish would keep: a public page carries no id; a private answer keeps its own.
    response = client.get("/monde/", headers={"X-Request-ID": forged})
    assert "public" in response["Cache-Control"] and "X-Request-ID" not in response
    assert client.get("/sante/vivant", headers={"X-Request-ID": forged})["X-Request-ID"] == forged
