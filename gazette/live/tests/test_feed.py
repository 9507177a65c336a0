"""The Atom feed of a live page's entries: linked from the page, newest first with permalinks,
authors and update times; purged with the page by each entry; none for a restricted page."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from wagtail.models import PageViewRestriction

from gazette.core import page_cache
from gazette.core.tests.shared_data import shared
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.live.models import LiveEntry
from gazette.live.services import edit_entry, withdraw_entry
from gazette.news.tests.factories import make_author, make_home, make_section

from .factories import CHANGES, change_entries, make_live_page, post_entry

pytestmark = pytest.mark.django_db
PARIS = timezone.get_default_timezone()
ATOM = "{http://www.w3.org/2005/Atom}"
application = page_cache.with_page_cache(get_wsgi_application())


@shared
def live():
    monde = make_section(make_home(), "Monde")
    return make_live_page(monde, slug="tempete")


def feed_path(live) -> str:
    return f"/direct/{live.pk}/atom/"


def entries_of(xml: bytes) -> list[dict]:
    root = ET.fromstring(xml)  # noqa: S314 - our own feed, not untrusted input
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "author_uri": entry.findtext(f"{ATOM}author/{ATOM}uri"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_the_live_page_links_its_feed(client, live):
    html = client.get(live.url).content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="{live.title} '
        f'(entrées du direct, Atom)" href="http://localhost/direct/{live.pk}/atom/">'
    ) in html.replace("&#x27;", "'")


def test_the_feed_lists_the_entries_newest_first_with_permalink_author_and_update(client, live):
    reporter = make_author("Yann Le Goff")
    first = post_entry(live, "Les rafales atteignent 150 km/h.", author=reporter, pinned=True)
    second = post_entry(live, "Le préfet <b>parle</b>.", title="Conférence de presse")
    withdraw_entry(post_entry(live, "Une rumeur non vérifiée."))
    LiveEntry.objects.filter(pk=first.pk).update(
        published_at=datetime(2026, 12, 2, 14, 2, tzinfo=PARIS)
    )
    LiveEntry.objects.filter(pk=second.pk).update(
        published_at=datetime(2026, 12, 2, 14, 32, tzinfo=PARIS)
    )
    first.refresh_from_db()
    edit_entry(first)
    LiveEntry.objects.filter(pk=first.pk).update(
        edited_at=datetime(2026, 12, 2, 14, 40, tzinfo=PARIS)
    )

    response = client.get(feed_path(live))

    assert response["Content-Type"].startswith("application/atom+xml")
    assert "public" in response["Cache-Control"] and not response.cookies
    url = "http://localhost/monde/tempete/"
    assert entries_of(response.content) == [
        {
            "title": "Conférence de presse",
            "link": f"{url}#entree-{second.pk}",
            "id": f"{url}#entree-{second.pk}",
            "updated": "2026-12-02T14:32:00+01:00",
            "author": None,
            "author_uri": None,
            "summary": "Le préfet parle.",
        },
        {
            "title": "Les rafales atteignent 150 km/h.",
            "link": f"{url}#entree-{first.pk}",
            "id": f"{url}#entree-{first.pk}",
            "updated": "2026-12-02T14:40:00+01:00",
            "author": "Yann Le Goff",
            "author_uri": "http://localhost/auteurs/yann-le-goff/",
            "summary": "Les rafales atteignent 150 km/h.",
        },
    ]
    assert b"rumeur" not in response.content


def test_markup_typed_in_an_entry_reaches_the_feed_reader_as_text(client, live):
    post_entry(live, "&lt;script&gt;alert(1)&lt;/script&gt;")
    [entry] = entries_of(client.get(feed_path(live)).content)
    assert entry["summary"] == "&lt;script&gt;alert(1)&lt;/script&gt;"  # HTML-escaped text


@pytest.mark.parametrize("change", CHANGES)
def test_an_entry_purges_the_cached_feed(live, change, django_capture_on_commit_callbacks):
    first = post_entry(live, "Première entrée.")
    wsgi_request(application, feed_path(live))
    assert wsgi_request(application, feed_path(live))["cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        change_entries(live, first, change)

    answer = wsgi_request(application, feed_path(live))
    assert answer["cache"] == "miss"
    body = answer["body"].decode()
    expected = {"publish": "Une nouvelle entrée.", "edit": "corrigée", "withdraw": "<feed"}
    assert expected[change] in body
    assert (change == "withdraw") == ("Première entrée" not in body)


def test_a_restricted_or_draft_live_page_has_no_feed(client, live):
    post_entry(live, "Une entrée réservée aux abonnés.")
    draft = make_live_page(live.get_parent(), "Direct en préparation", live=False)
    PageViewRestriction.objects.create(page=live, restriction_type=PageViewRestriction.LOGIN)
    for page in (live, draft):
        response = client.get(feed_path(page))
        assert response.status_code == 404
        assert "réservée" not in response.content.decode()
    assert client.get("/direct/999999/atom/").status_code == 404


def test_a_feed_without_entries_is_the_same_bytes_at_each_render(client, live):
    first = client.get(feed_path(live)).content
    assert entries_of(first) == []
    assert client.get(feed_path(live)).content == first
