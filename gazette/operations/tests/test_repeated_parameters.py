"""One address per page: `?page=1&page=99` is a 404 on every public page, in either order and
however often it is asked, never a page stored under the wrong address; the admin keeps its
repeated filters."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gazette.core.tests.shared_data import shared
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.tests.factories import make_article, make_author, make_home, make_section
from gazette.wsgi import application

pytestmark = pytest.mark.django_db


@shared
def two_articles():
    monde = make_section(make_home(), "Monde")
    author = make_author("Claire Vasseur")
    for title in ("Premier", "Second"):
        make_article(monde, title, authors=(author,), tags=("Climat",))
    return {"section": monde.url, "author": author.get_absolute_url()}


@pytest.fixture
def site(two_articles, settings):
    settings.GAZETTE_PAGE_SIZE = 1  # two pages in each listing
    return two_articles


PAGES = {
    "la une": lambda site: "/",
    "section": lambda site: site["section"],
    "author": lambda site: site["author"],
    "tag": lambda site: "/sujets/climat/",
    "archives": lambda site: "/archives/",
    "search": lambda site: "/recherche/",
    "feed": lambda site: "/flux/rss/",
}


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("query", ["page=1&page=2", "page=2&page=1", "q=a&q=b&page=1"])
def test_a_repeated_parameter_is_a_404_and_never_cached(site, kind, query):
    path = PAGES[kind](site)
    for _ in range(2):  # the second time too: no stored copy answers
        answer = wsgi_request(application, path, query=query)
        assert answer["status"].startswith("404"), (path, query)
        assert answer["cache"] != "hit"


@pytest.mark.parametrize("kind", ["section", "author", "tag"])
def test_each_page_keeps_its_one_address(site, kind):
    path = PAGES[kind](site)
    first, second = (
        wsgi_request(application, path, query=query)["body"] for query in ("", "page=2")
    )
    assert first != second
    assert wsgi_request(application, path, query="page=2")["status"] == "200 OK"


def test_several_parameters_each_named_once_are_served(site):
    answer = wsgi_request(application, "/recherche/", query="q=premier&rubrique=&page=1")
    assert answer["status"] == "200 OK"


def test_the_admin_keeps_its_repeated_filters(client, site):
    client.force_login(get_user_model().objects.create_superuser("claire", password="x"))
    response = client.get(reverse("wagtailadmin_explore_root"), {"ordering": ["title", "-title"]})
    assert response.status_code == 200
