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


# The page's row kept between requests, like a fragment: served while none of its keys and
# `route:<id>` was purged, so every change an editor makes to where or whether it is served
# must purge one of them.


def test_a_kept_page_costs_no_query(client, article):
    url = article.url
    client.get(url), client.get(url)  # walked, then read and kept
    status, reads = page_queries(client, url)
    assert status == 200 and reads == []


def test_a_kept_page_is_read_again_once_republished(client, article):
    url = article.url
    client.get(url), client.get(url)
    article.title = "Accord à Bruxelles"
    article.save_revision().publish()
    status, reads = page_queries(client, url)
    assert status == 200 and reads and "Accord à Bruxelles" in client.get(url).content.decode()


def test_a_section_with_a_new_slug_takes_the_pages_under_it_along(client, article):
    """The article is two levels under « Monde »: only its address changes, by Wagtail's hand,
    and no key of the article is purged by its own change."""
    old = article.url
    client.get(old), client.get(old)
    monde = article.get_ancestors().get(depth=3).specific
    monde.slug = "international"
    monde.save_revision().publish()
    assert client.get(old).status_code in (301, 404)
    response = client.get("/international/europe/sommet-a-bruxelles/")
    assert response.status_code == 200 and response.context["page"].pk == article.pk


def test_a_page_moved_with_pages_under_it_takes_them_along(client, article):
    from gazette.news.models import SimplePage

    home = article.get_ancestors().get(depth=2).specific
    about = home.add_child(instance=SimplePage(title="À propos", slug="a-propos", body=[]))
    about.save_revision().publish()
    team = about.add_child(instance=SimplePage(title="L'équipe", slug="equipe", body=[]))
    team.save_revision().publish()
    legal = home.add_child(instance=SimplePage(title="Mentions", slug="mentions", body=[]))
    legal.save_revision().publish()
    client.get("/a-propos/equipe/"), client.get("/a-propos/equipe/")
    about.refresh_from_db()
    about.move(legal, pos="last-child")
    assert client.get("/a-propos/equipe/").status_code in (301, 404)
    response = client.get("/mentions/a-propos/equipe/")
    assert response.status_code == 200 and response.context["page"].pk == team.pk


def test_a_signed_in_editor_reads_the_row_itself(client, article, django_user_model):
    """As the kept fragments: an editor must see their own change at once, even from the
    process that has not yet heard of the purge."""
    url = article.url
    client.get(url), client.get(url)  # kept for readers
    client.force_login(django_user_model.objects.create_user("redac", password="x"))
    status, reads = page_queries(client, url)
    assert status == 200
    assert len([sql for sql in reads if '"url_path"' in sql.split("WHERE")[-1]]) == 1
