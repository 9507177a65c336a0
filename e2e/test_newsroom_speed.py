"""The admin at a newsroom's pace, in Chromium: a modérateur clears the queue from the
dashboard with the keyboard and undoes a click; an éditeur schedules at 5 h 49, Paris time,
without the picker covering the button; a rédacteur's abandoned new article leaves no draft,
and the éditeur's « Demander des modifications » note waits on the edit page.

The screenshots of docs/guide-redaction.md are taken here (e2e/conftest.py `screenshot`)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from e2e.test_newsroom import ADMIN_VIEWPORT, PASSWORD, log_in
from gazette.comments.models import Comment
from gazette.news.models import ArticlePage
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER
from gazette.news.tests.factories import make_article, make_author, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = {
    "claire": (WRITER, "Claire", "Morvan"),
    "paul": (EDITOR, "Paul", "Aubertin"),
    "mona": (MODERATOR, "Mona", "Vidal"),
}


@pytest.fixture
def newsroom(django_user_model):
    section = make_section(make_home(), "Monde")
    author = make_author("Claire Morvan")
    article = make_article(section, "La ville tient bon", authors=[author])
    for username, (group, first, last) in PEOPLE.items():
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=group))
    return {"section": section, "article": article, "author": author}


def signed_in(browser, live_server, username):
    page = browser.new_context(locale="fr-FR", viewport=ADMIN_VIEWPORT).new_page()
    log_in(page, live_server.url, username)
    return page


def test_moderator_clears_the_queue_from_the_dashboard(live_server, browser, newsroom, screenshot):
    article = newsroom["article"]
    for name, text in [("Bruno", "Et les transports ?"), ("Inès", "Merci pour ce reportage.")]:
        Comment.objects.create(article=article, author_name=name, text=text)
    page = signed_in(browser, live_server, "mona")

    panel = page.locator("#moderation-section")
    expect(panel).to_contain_text("2 commentaires en attente de modération")
    expect(panel).to_contain_text("J et K")
    badge = page.locator(".sidebar-menu-item__link.comments-pending")
    badge_text = badge.evaluate("e => getComputedStyle(e, '::after').content")
    assert badge_text.startswith('"2"'), badge_text
    screenshot(page, "moderateur-tableau-de-bord")

    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator(".messages")).to_contain_text("Commentaire de Bruno approuvé.")
    assert Comment.objects.get(author_name="Bruno").status == "approved"
    expect(panel).to_contain_text("1 commentaire en attente de modération")
    screenshot(page, "moderateur-annuler")

    page.keyboard.press("u")
    expect(page.locator(".messages")).to_contain_text("remis en attente")
    assert Comment.objects.get(author_name="Bruno").status == "pending"

    page.get_by_role("button", name=re.compile(r"^Commentaires 2 commentaires en attente")).click()
    page.get_by_role("link", name="En attente de modération", exact=True).click()
    page.get_by_role("button", name="Indésirable : Merci pour ce reportage.").click()
    expect(page.locator(".messages")).to_contain_text("Commentaire de Inès classé indésirable.")
    assert Comment.objects.get(author_name="Inès").status == "spam"
    screenshot(page, "moderateur-file")


def test_editor_schedules_at_any_minute_paris_time(live_server, browser, newsroom, screenshot):
    draft = make_article(
        newsroom["section"],
        "Trains de nuit : le billet unique",
        live=False,
        authors=[newsroom["author"]],
    )
    page = signed_in(browser, live_server, "paul")
    screenshot(page, "editeur-tableau-de-bord")
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")

    page.get_by_role("button", name="Statut").click()
    page.get_by_role("button", name="Programmer").first.click()
    dialog = page.get_by_role("dialog")
    go_live = dialog.get_by_label("Date/heure de publication")
    expect(go_live).to_have_attribute("type", "datetime-local")
    expect(dialog).to_contain_text("heure de Paris")
    go_live.fill("2031-12-24T05:49")
    go_live.press("Tab")
    screenshot(page, "editeur-programmation")
    save = dialog.get_by_role("button", name="Enregistrer la programmation")
    on_top = "b => { const r = b.getBoundingClientRect();"
    on_top += " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)"
    on_top += "?.closest('button') === b; }"
    assert save.evaluate(on_top)  # Wagtail's picker of the next field opened over it
    save.click()  # saves the draft with its schedule
    expect(page.locator(".messages")).to_contain_text("Trains de nuit")

    revision = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    expected = dt.datetime(2031, 12, 24, 5, 49, tzinfo=ZoneInfo("Europe/Paris"))
    assert revision.go_live_at == expected


def test_a_new_article_is_saved_by_its_author_not_by_autosave(
    live_server, browser, newsroom, screenshot
):
    section = newsroom["section"]
    page = signed_in(browser, live_server, "claire")
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
    page.locator("#id_title").fill("Un brouillon abandonné")
    page.get_by_role("textbox", name="Chapô").fill("Écrit, puis laissé là.")
    screenshot(page, "redacteur-nouvel-article")
    page.wait_for_timeout(3000)  # Wagtail autosaves every 0.5 s of quiet
    assert not ArticlePage.objects.filter(title="Un brouillon abandonné").exists()

    page.goto(f"{live_server.url}/admin/pages/{newsroom['article'].pk}/edit/")
    form = page.locator("form[data-w-autosave-interval-value]")
    expect(form).to_have_count(1)  # an existing page keeps autosave


def test_author_reads_the_requested_changes_on_the_edit_page(
    live_server, browser, newsroom, django_user_model, screenshot
):
    writer, editor = (django_user_model.objects.get(username=u) for u in ("claire", "paul"))
    draft = make_article(newsroom["section"], "Sécheresse : les nappes au plus bas", live=False)
    draft.save_revision(user=writer)
    state = draft.get_workflow().start(draft, writer)
    state.current_task_state.reject(user=editor, comment="Citez la source des relevés.")

    page = signed_in(browser, live_server, "claire")
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")

    expect(page.locator(".messages")).to_contain_text(
        "Paul Aubertin a demandé des modifications\u00a0: "
        "«\u00a0Citez la source des relevés.\u00a0»"
    )
    screenshot(page, "redacteur-modifications-demandees")
