"""A new « Les + Lus » reaches cached pages: every page when the site-wide list changes, only
the section's pages when only a section's list does."""

import pytest
from django.utils import timezone

from gazette.audience.services import refresh_most_read
from gazette.news.tests.factories import make_article
from gazette.news.tests.test_page_cache import get

from .test_most_read import add_views

pytestmark = pytest.mark.django_db


def test_a_new_ranking_purges_the_pages_that_show_it(
    home, monde, sport, django_capture_on_commit_callbacks
):
    now = timezone.now()
    leaders = [make_article(monde, f"Très lu {n}") for n in range(5)]
    for rank, article in enumerate(leaders):
        add_views(article, 100 - rank, now=now)
    match = make_article(sport, "Le match de la veille")
    add_views(match, 3, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_most_read(now=now)
    paths = ["/", "/monde/", "/sport/", match.url, leaders[0].url]
    for path in paths:
        get(path)
        assert get(path)["cache"] == "hit", path

    # Sport's own list changes; the site-wide top five does not.
    late = make_article(sport, "Le match retour")
    add_views(late, 5, now=now)
    for path in ("/sport/", late.url):  # the new article's publication purged these
        get(path)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_most_read(now=now)
    assert get("/sport/")["cache"] == "miss"
    assert "Le match retour" in get("/sport/")["body"].decode()
    assert get("/monde/")["cache"] == "hit"
    assert get(leaders[0].url)["cache"] == "hit"

    # A new leader site-wide: every page shows it.
    add_views(late, 500, now=now, hours_ago=2)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_most_read(now=now)
    for path in ["/monde/", leaders[0].url, match.url]:
        page = get(path)
        assert page["cache"] == "miss", path
        assert "Le match retour" in page["body"].decode(), path
