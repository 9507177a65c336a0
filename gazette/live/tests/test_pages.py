"""The reader's live page, without JavaScript: every entry is in the HTML, newest first with the
pinned ones on top, each with its time, author and anchor; a finished live reads as an article."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gazette.core.tests.french import ENGLISH_UI, english_msgids, visible_text
from gazette.core.tests.queries import without_purge_sync
from gazette.core.tests.shared_data import shared
from gazette.live.models import LivePage
from gazette.live.services import edit_entry, withdraw_entry
from gazette.news.models import SectionPage
from gazette.news.tests.factories import (
    fr,
    make_article,
    make_author,
    make_image,
    make_section,
)

from .factories import make_live_page, post_entry

pytestmark = pytest.mark.django_db
PARIS = timezone.get_default_timezone()


@shared
def live(monde):
    return make_live_page(monde, authors=[make_author("Claire Vasseur")])


def at(day, hour, minute):
    return datetime(2026, 12, day, hour, minute, tzinfo=PARIS)


def test_a_live_page_goes_in_any_section_and_nowhere_else(home, monde):
    assert LivePage in SectionPage.allowed_subpage_models()
    assert LivePage.can_create_at(make_section(monde, "Europe"))
    assert not LivePage.can_create_at(home)


def test_entries_newest_first_pinned_on_top_with_time_author_and_anchor(client, live, monde):
    reporter = make_author("Yann Le Goff")
    first = post_entry(live, "Première alerte.", author=reporter)
    pinned = post_entry(live, "Consignes de sécurité.", pinned=True)
    last = post_entry(live, "Les rafales faiblissent.", title="Accalmie", important=True)
    for entry, moment in [(first, at(2, 14, 2)), (pinned, at(2, 14, 10)), (last, at(2, 14, 32))]:
        type(entry).objects.filter(pk=entry.pk).update(published_at=moment)

    html = client.get(live.url).content.decode()

    order = [html.index(f'id="entree-{entry.pk}"') for entry in (pinned, last, first)]
    assert order == sorted(order)
    assert (
        f'<a class="live-entry-time" href="#entree-{last.pk}">'
        '<time datetime="2026-12-02T14:32:00+01:00">14\u00a0h\u00a032</time></a>' in html
    )
    assert "Yann Le Goff" in html and "Accalmie" in html
    assert "live-entry-important" in html and fr("Pinned") in html
    assert "Le contexte de la tempête." in html  # the background, below
    assert "Claire Vasseur" in html  # the page's byline


def test_an_entry_of_an_earlier_day_shows_its_date(client, live):
    night = post_entry(live, "La nuit a été agitée.")
    morning = post_entry(live, "Le jour se lève sur les dégâts.")
    type(night).objects.filter(pk=night.pk).update(published_at=at(1, 23, 50))
    type(morning).objects.filter(pk=morning.pk).update(published_at=at(2, 7, 5))

    html = client.get(live.url).content.decode()

    assert ">7\u00a0h\u00a005</time>" in html
    assert ">le\u00a01er\u00a0décembre 2026 à\u00a023\u00a0h\u00a050</time>" in html


def test_an_edited_entry_says_so_and_a_withdrawn_one_is_gone(client, live):
    edited = post_entry(live, "Trois blessés.")
    edited.body = "<p>Quatre blessés.</p>"
    edit_entry(edited)
    withdrawn = post_entry(live, "Une rumeur non vérifiée.")
    withdraw_entry(withdrawn)

    html = client.get(live.url).content.decode()

    assert "Quatre blessés." in html and fr("edited at") in html
    assert "rumeur" not in html and f"entree-{withdrawn.pk}" not in html


def test_the_page_works_without_javascript_and_sets_no_cookie(client, live):
    post_entry(live)
    response = client.get(live.url)
    html = response.content.decode()
    assert "Les rafales atteignent 150" in html
    assert not response.cookies
    assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]
    assert 'src="/static/live/live.js" defer' in html
    assert f'data-endpoint="/direct/{live.pk}/entrees/"' in html
    assert 'data-interval="15"' in html  # GAZETTE_LIVE_POLL_SECONDS


def test_a_finished_live_reads_as_an_article_oldest_first(client, live):
    first = post_entry(live, "Début de la tempête.", pinned=True)
    last = post_entry(live, "Fin de l'alerte.")
    live.ended_at = timezone.now()
    live.save_revision().publish()

    html = client.get(live.url).content.decode()

    assert fr("This live coverage has ended") in html
    assert html.index(f'id="entree-{first.pk}"') < html.index(f'id="entree-{last.pk}"')
    assert "live.js" not in html and fr("Pinned") not in html


def test_la_une_and_the_section_badge_a_running_live_with_its_latest_time(client, home, monde):
    make_article(monde, "Un article ordinaire")
    live = make_live_page(monde)
    entry = post_entry(live)
    type(entry).objects.filter(pk=entry.pk).update(published_at=at(2, 14, 32))

    for path in ("/", "/monde/"):
        html = client.get(path).content.decode()
        assert html.count('class="live-badge"') == 1, path
        assert ">14\u00a0h\u00a032</time>" in html, path

    live.ended_at = timezone.now()
    live.save_revision().publish()
    assert 'class="live-badge"' not in client.get("/monde/").content.decode()


def test_the_badge_costs_the_same_queries_whatever_the_number_of_teasers(client, monde):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/monde/").status_code == 200
        return len(without_purge_sync(queries))

    make_live_page(monde, "Premier direct")
    make_article(monde, "Article 1")
    count(), count()  # the sites, the settings, the route and the page's row: read and kept
    few = count()
    for n in range(2, 8):
        make_live_page(monde, f"Direct {n}")
        make_article(monde, f"Article {n}")
    assert count() == few


def test_the_live_page_costs_the_same_queries_for_2_and_12_entries(client, live):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(live.url).status_code == 200
        return len(without_purge_sync(queries))

    image = make_image("Rafales sur le port")
    for n in range(2):
        post_entry(live, f"Entrée {n}", image=image, author=make_author(f"Auteur {n}"))
    count(), count()  # the sites, the settings, the route and the page's row: read and kept
    few = count()
    for n in range(2, 12):
        post_entry(live, f"Entrée {n}", image=image, author=make_author(f"Auteur {n}"))
    assert count() == few


def test_no_english_reaches_a_reader_of_a_live_page_or_its_endpoint(client, live, monde):
    first = post_entry(live, "Première alerte.", title="Alerte", pinned=True, important=True)
    post_entry(live, "Deuxième.", quote="Restez chez vous.", quote_source="La préfète")
    edit_entry(first)
    msgids = english_msgids()
    for url in (live.url, "/", "/monde/", f"/direct/{live.pk}/entrees/?depuis={first.pk}"):
        response = client.get(url)
        assert response.status_code == 200, url
        for text in visible_text(response.content.decode()):
            assert not ENGLISH_UI.search(text), f"{url}: {text!r}"
            assert not [m for m in msgids if m in text], f"{url}: {text!r}"
