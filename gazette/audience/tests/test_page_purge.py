"""A new « Les + Lus » reaches cached pages at once, without purging them: the list is a piece
of its own (gazette/audience/pieces.py), stitched into each page when it is served, and a new
ranking purges that piece alone."""

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
    sport_list = get("/fragments/les-plus-lus/", query=f"rubrique={sport.pk}")
    assert sport_list["cache"] == "miss" and "Le match retour" in sport_list["body"].decode()
    page = get("/sport/")
    assert page["cache"] == "hit"  # the piece was purged, not the page around it
    assert "Le match retour" in page["body"].decode()
    assert get("/fragments/les-plus-lus/")["cache"] == "hit"  # the site's list is unchanged

    # A new leader site-wide: every page shows it, and none is rendered again.
    add_views(late, 500, now=now, hours_ago=2)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_most_read(now=now)
    assert get("/fragments/les-plus-lus/")["cache"] == "miss"
    for path in ["/monde/", leaders[0].url, match.url]:
        page = get(path)
        assert "Le match retour" in page["body"].decode(), path
        assert "<esi:include" not in page["body"].decode(), path


def test_pages_are_served_whole_with_or_without_the_page_cache_and_varnish_gets_includes(
    home, monde, django_capture_on_commit_callbacks, settings
):
    """Readers get the list in place, with the page cache (stitched) or without it (rendered
    in place): the same bytes. Varnish, which announces ESI, gets the include to assemble."""
    now = timezone.now()
    article = make_article(monde, "Très lu")
    add_views(article, 10, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_most_read(now=now)
    stitched = get("/monde/")
    assert stitched["body"] == get("/monde/")["body"]
    assert "Surrogate-Control" not in stitched["headers"]
    for_varnish = get("/monde/", surrogate_capability='varnish="ESI/1.0"')
    assert '<esi:include src="/fragments/les-plus-lus/"/>' in for_varnish["body"].decode()
    assert for_varnish["headers"]["Surrogate-Control"] == 'content="ESI/1.0"'
    missing = get("/monde/nulle-part/")  # answered, not kept: stitched for this answer alone
    assert missing["status"].startswith("404") and missing["cache"] is None
    assert "<esi:include" not in missing["body"].decode() and "Très lu" in missing["body"].decode()
    assert missing["headers"]["Content-Length"] == str(len(missing["body"]))
    settings.GAZETTE_PAGE_CACHE = False
    assert get("/monde/")["body"] == stitched["body"]
    assert "Très lu" in stitched["body"].decode()


def test_the_piece_refuses_a_bad_section_and_a_post(home, monde, client):
    assert client.get("/fragments/les-plus-lus/?rubrique=abc").status_code == 404
    assert client.get("/fragments/les-plus-lus/?rubrique=999999").status_code == 404
    assert client.post("/fragments/les-plus-lus/").status_code == 405
    assert client.get(f"/fragments/les-plus-lus/?rubrique={monde.pk}").status_code == 200
