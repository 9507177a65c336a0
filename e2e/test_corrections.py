"""An Éditeur corrects a published article from its edit screen, in the real admin; a reader,
without JavaScript, sees the dated rectificatif under the standfirst and on /rectificatifs/."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from gazette.news.newsroom import EDITOR
from gazette.news.tests.factories import make_article, make_home, make_section

from .test_newsroom import PASSWORD, log_in, open_more_actions

pytestmark = pytest.mark.django_db(transaction=True)
TEXT = "Le sommet s'est tenu mardi, et non lundi comme nous l'avions écrit."
SHOWN = TEXT.replace("'", "\u2019")  # French apostrophes, as the page prints them


@pytest.fixture
def article(django_user_model):
    user = django_user_model.objects.create_user("edit", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITOR))
    return make_article(make_section(make_home(), "Monde"), "Sommet à Bruxelles")


def test_an_editor_adds_a_correction_from_the_articles_edit_screen(
    live_server, browser, article, settings
):
    # An autosave still in flight when « Publier » posts would write beside it, and the test
    # database (SQLite in memory, shared cache) locks whole tables: no autosave here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    editor = browser.new_context(locale="fr-FR").new_page()
    log_in(editor, live_server.url, "edit")
    editor.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    editor.get_by_role("link", name="Ajouter un rectificatif ou une mise à jour").click()
    expect(editor.locator("#w-editor-form")).to_contain_text("Sommet à Bruxelles")  # chosen
    editor.get_by_role("combobox", name="Type").select_option(label="Rectificatif")
    editor.get_by_role("textbox", name="Texte").fill(TEXT)
    open_more_actions(editor)
    editor.get_by_role("button", name="Publier", exact=True).click()
    expect(editor.locator(".messages")).to_contain_text("publié")

    reader = browser.new_context(locale="fr-FR", java_script_enabled=False).new_page()
    reader.goto(live_server.url + article.url)
    box = reader.get_by_role("region", name="Rectificatif")
    expect(box).to_contain_text(re.compile(r"Rectificatif, le\s\d+\s\S+ \d{4} à\s\d+\sh\s\d\d\s:"))
    expect(box).to_contain_text(SHOWN)
    expect(reader.locator(".article-header .meta")).to_contain_text("Mis à jour")
    box.get_by_role("link", name="Rectificatif").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Rectificatifs")
    expect(reader.get_by_role("main")).to_contain_text(SHOWN)
