"""Remembered routes (gazette/core/routing.py): an address costs one query once walked, and a
remembered answer that no longer holds is never served."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gazette.core import routing

from .factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(django_capture_on_commit_callbacks):
    monde = make_section(make_home(), "Monde")
    europe = make_section(monde, "Europe")
    return make_article(europe, "Sommet à Bruxelles")


def page_queries(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    reads = [q["sql"] for q in captured.captured_queries if '"wagtailcore_page"' in q["sql"]]
    return response.status_code, reads


def test_a_walked_address_is_then_read_in_one_query(client, article, settings):
    settings.GAZETTE_FRAGMENT_CACHE = False  # only the routing's reads of the page table
    url = "/monde/europe/sommet-a-bruxelles/"
    status, walked = page_queries(client, url)
    assert status == 200
    status, remembered = page_queries(client, url)
    assert status == 200
    assert len(remembered) < len(walked)
    assert len([sql for sql in remembered if '"url_path"' in sql.split("WHERE")[-1]]) == 1


def test_an_unpublished_page_is_gone_though_remembered(client, article):
    url = article.url
    assert client.get(url).status_code == 200
    article.refresh_from_db()  # the factory's instance is the draft it published from
    article.unpublish()
    assert client.get(url).status_code == 404


def test_a_deleted_page_is_gone_though_remembered(client, article):
    url = article.url
    assert client.get(url).status_code == 200
    article.delete()
    assert client.get(url).status_code == 404


def test_a_new_slug_serves_the_page_at_its_new_address_only(client, article):
    old = article.url
    assert client.get(old).status_code == 200
    article.slug = "sommet-de-bruxelles"
    article.save_revision().publish()
    article.refresh_from_db()
    assert client.get(article.url).status_code == 200
    assert client.get(old).status_code in (301, 404)  # Wagtail's redirect, never the page


def test_a_new_page_at_a_remembered_address_is_the_one_served(client, article):
    url, section = article.url, article.get_parent()
    assert client.get(url).status_code == 200
    article.delete()
    newer = make_article(section.specific, "Sommet à Bruxelles", standfirst="Le second.")
    assert newer.url == url
    response = client.get(url)
    assert response.status_code == 200 and response.context["page"].pk == newer.pk


def test_a_remembered_entry_naming_another_page_is_not_believed(client, article):
    """Whatever the cache holds, the page read must be live at this very address."""
    assert client.get(article.url).status_code == 200
    other = make_article(article.get_parent().specific, "Autre sujet")
    path = article.url.strip("/")
    home = article.get_ancestors().get(depth=2)
    routing.cache.set(routing._key(home.pk, path), (other.pk, other.content_type_id, "/x/"))
    response = client.get(article.url)
    assert response.status_code == 200 and response.context["page"].pk == article.pk
