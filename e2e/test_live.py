"""« En direct » in a real browser: a reader keeps the live page open while a journalist of
the desk (a Rédacteur, never a superuser) posts an entry from the admin; the reader is offered
« 1 nouvelle entrée » without reloading, and sees it on a click. Without JavaScript, a reload
shows it. The page polls every second here (GAZETTE_LIVE_POLL_SECONDS) rather than 15."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from e2e.test_newsroom import PASSWORD, log_in
from gazette.live.tests.factories import make_live_page, post_entry
from gazette.news.newsroom import WRITER
from gazette.news.tests.factories import make_author, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
NEW_TEXT = "La digue de la rue Basse a cédé, le centre-ville est inondé."


@pytest.fixture
def live(django_user_model, settings):
    settings.GAZETTE_LIVE_POLL_SECONDS = 1
    page = make_live_page(make_section(make_home(), "France"), authors=[make_author("Inès")])
    post_entry(page, "Première entrée : la rivière monte.")
    user = django_user_model.objects.create_user(
        "redac", password=PASSWORD, first_name="Yann", last_name="Le Goff"
    )
    user.groups.add(Group.objects.get(name=WRITER))
    return page


def test_a_reader_sees_the_new_entries_button_then_the_entry_without_reloading(
    live_server, browser, live
):
    reader = browser.new_context(locale="fr-FR").new_page()
    reader.goto(live_server.url + live.url)
    entries = reader.locator("[data-live-entries]")
    expect(entries).to_contain_text("Première entrée")
    button = reader.locator("[data-live-news] button")
    expect(button).to_be_hidden()
    reader.evaluate("window.notReloaded = true")

    journalist = browser.new_context(locale="fr-FR").new_page()
    log_in(journalist, live_server.url, "redac")
    journalist.goto(live_server.url + reverse("live_admin:entries", args=[live.pk]))
    journalist.get_by_label("Titre").fill("Digue rompue")
    body = journalist.locator("[contenteditable=true]").first
    body.click()
    journalist.keyboard.type(NEW_TEXT)
    expect(body).to_contain_text("La digue")
    # Draftail copies its text into the form a moment after the typing (its save interval).
    expect(journalist.locator("#id_body")).to_have_value(re.compile("La digue"))
    journalist.get_by_role("button", name="Publier l'entrée").click()
    expect(journalist.locator(".messages")).to_contain_text("Entrée publiée")

    expect(button).to_be_visible(timeout=10_000)
    expect(button).to_have_text("1 nouvelle entrée")
    expect(entries).not_to_contain_text("Digue rompue")  # nothing moved under the reader
    button.click()
    expect(button).to_be_hidden()
    expect(entries.locator(".live-entry").first).to_contain_text("Digue rompue")
    expect(entries.locator(".live-entry").first).to_contain_text(NEW_TEXT)
    expect(entries.locator(".live-entry").first).to_contain_text("Yann Le Goff")
    expect(entries.locator(".live-entry").first).to_be_focused()
    expect(entries.locator(".live-entry")).to_have_count(2)
    assert reader.evaluate("window.notReloaded") is True

    # The next poll asks from the entry now shown: nothing new, no button.
    reader.wait_for_timeout(2_500)
    expect(button).to_be_hidden()
    expect(entries.locator(".live-entry")).to_have_count(2)


def test_without_javascript_a_reload_shows_the_new_entry(live_server, browser, live):
    reader = browser.new_context(locale="fr-FR", java_script_enabled=False).new_page()
    reader.goto(live_server.url + live.url)
    expect(reader.locator("[data-live-entries]")).to_contain_text("Première entrée")
    expect(reader.locator("[data-live-news]")).to_be_hidden()

    post_entry(live, NEW_TEXT, title="Digue rompue")
    reader.reload()

    first = reader.locator("[data-live-entries] .live-entry").first
    expect(first).to_contain_text("Digue rompue")
    expect(first.get_by_role("link", name=re.compile(r"\d+\s*h\s*\d+"))).to_have_attribute(
        "href", re.compile(r"^#entree-\d+$")
    )
