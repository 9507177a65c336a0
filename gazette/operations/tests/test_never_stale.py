"""Never a stale page: for each kind of change an editor, a moderator or the ranking makes,
every public address of a small site is warmed in the page cache (and its kept fragments),
the change is made through the code the admin runs (a revision published by an éditeur, a
moderator's decision, a snippet saved), and every cached answer must then be the same bytes as
a render made from scratch: no page cache, no kept fragment. The site is built once for the
module, and each change is made and rolled back inside it (a savepoint per test).

The proof lists no page as "showing" anything: it crawls them all, so a page that shows an
article without recording its key fails here (gazette/core/invalidation.py). It also checks
the other way: a change leaves most of the site cached (no « purge everything » in disguise)."""

import pytest
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from django.urls import reverse

from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.tests.test_page_cache import application as cached_application

from .site_changes import (
    CHANGES,
    RETITLED,
    build_newsroom,
    newsroom_from_database,
    public_addresses,
    retitle,
)

pytestmark = pytest.mark.django_db
django_application = get_wsgi_application()


@pytest.fixture(scope="module")
def built(build_once):
    """Built once, in a transaction rolled back after the module's last test: each test's
    own transaction is a savepoint inside it, so every change starts from the same site, and
    from an empty cache (the root conftest's `_empty_cache`). Building cost as much as
    a third of each test."""
    with build_once():
        build_newsroom()
        yield


@pytest.fixture
def newsroom(built):
    """Found again by its names for each test: a change leaves its marks on the objects it is
    given (a renamed author, an edited entry), which the rollback does not undo."""
    return newsroom_from_database()


def cached(path: str, query: str = "") -> dict:
    return wsgi_request(cached_application, path, query=query)


def fresh(path: str, query: str = "") -> bytes:
    with override_settings(GAZETTE_FRAGMENT_CACHE=False):
        return wsgi_request(django_application, path, query=query)["body"]


def warm(addresses) -> None:
    for path, query in addresses:
        cached(path, query)
        assert cached(path, query)["cache"] == "hit", (path, query)


def stale_and_kept(addresses) -> tuple[list, int]:
    """The addresses whose cached answer differs from a fresh render, and how many answers
    were still hits (pages the change did not purge)."""
    stale, hits = [], 0
    for path, query in addresses:
        answer = cached(path, query)
        hits += answer["cache"] == "hit"
        if answer["body"] != fresh(path, query):
            stale.append((path, query, answer["cache"]))
    return stale, hits


@pytest.mark.parametrize(("change", "everywhere"), CHANGES, ids=[c.__name__ for c, _ in CHANGES])
def test_after_a_change_every_cached_page_is_a_fresh_render(
    newsroom, change, everywhere, django_capture_on_commit_callbacks
):
    addresses = public_addresses()
    warm(addresses)
    with django_capture_on_commit_callbacks(execute=True):
        change(newsroom)
    stale, kept = stale_and_kept(addresses)
    assert stale == [], f"{change.__name__}: stale after the change"
    if not everywhere:
        assert kept > 0, f"{change.__name__}: purged every page"


def test_a_corrected_headline_is_gone_everywhere_at_once(
    newsroom, django_capture_on_commit_callbacks
):
    """The scenario of issue 15: re-titled and republished, the old headline stays nowhere,
    « Les + Lus » of every page and the search results included."""
    addresses = public_addresses()
    warm(addresses)
    with django_capture_on_commit_callbacks(execute=True):
        retitle(newsroom)
    for path, query in addresses:
        answer = cached(path, query)
        assert "Sommet à Bruxelles" not in answer["body"].decode(), (path, query)
    found = cached(reverse("findability:search"), "q=accord")["body"].decode()
    assert RETITLED.split(" :")[0] in found
