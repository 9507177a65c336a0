"""Comments in Chromium: a reader comments on the cached article page, a Modérateur approves
it in the admin, the newsroom's reply nests under it; without JavaScript the form still works;
markup typed into the form shows as text and runs nothing."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Site

from e2e.test_newsroom import PASSWORD, log_in
from gazette.comments.models import Comment, ModerationSettings
from gazette.comments.services import approve_comment
from gazette.news.newsroom import MODERATOR
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
MARKUP = "<script>alert(1)</script><b>x</b>"


@pytest.fixture
def article(django_user_model):
    article = make_article(
        make_section(make_home(), "Monde"),
        "La ville tient bon",
        standfirst="Depuis trois semaines, la mairie refuse de fermer le marché couvert.",
    )
    moderation = ModerationSettings.for_site(Site.objects.get(is_default_site=True))
    moderation.min_seconds = 0  # Playwright types faster than any reader
    moderation.save()
    moderator = django_user_model.objects.create_user(
        "mona", password=PASSWORD, first_name="Mona", last_name="Vidal"
    )
    moderator.groups.add(Group.objects.get(name=MODERATOR))
    return article


def dialogs_of(page) -> list[str]:
    """Every alert() that would run; the test expects none."""
    opened = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def fill_comment(
    page, *, name="Claire Martin", text="Merci pour cet éclairage.", url="", email="c@exemple.fr"
):
    page.get_by_role("textbox", name="Nom", exact=True).fill(name)
    page.get_by_role("textbox", name="E-mail", exact=True).fill(email)
    page.get_by_role("textbox", name="Site web", exact=True).fill(url)
    page.get_by_role("textbox", name="Commentaire", exact=True).fill(text)
    page.get_by_role("button", name="Envoyer").click()


def moderate(page, base_url, comment_text, action):
    """From the admin menu to the queue, then the row's action and its confirmation."""
    page.get_by_role(
        "button", name=re.compile(r"^Commentaires \d+ commentaires? en attente")
    ).click()
    page.get_by_role("link", name="En attente de modération", exact=True).click()
    row = page.get_by_role("row").filter(has_text=comment_text)
    row.get_by_role("button", name=re.compile("^Plus d’options pour")).click()
    page.get_by_role("link", name=action).click()


def test_reader_comments_moderator_approves_newsroom_reply_nests(live_server, browser, article):
    reader = browser.new_context().new_page()
    reader_dialogs = dialogs_of(reader)
    reader.goto(live_server.url + article.url)
    comments = reader.locator("#commentaires")
    expect(comments.get_by_role("heading", level=2)).to_have_text("Aucun commentaire")
    expect(reader.get_by_role("textbox", name="Commentaire", exact=True)).to_be_hidden()

    reader.get_by_role("button", name="Commenter").click()
    expect(reader.get_by_role("textbox", name="Nom", exact=True)).to_be_focused()
    fill_comment(reader)

    expect(reader.get_by_role("status")).to_have_text(
        "Votre commentaire est en attente de modération."
    )
    expect(reader).to_have_url(re.compile("#commentaire-en-attente$"))
    expect(comments).not_to_contain_text("Merci pour cet éclairage.")

    moderator = browser.new_context().new_page()
    log_in(moderator, live_server.url, "mona")
    moderate(moderator, live_server.url, "Merci pour cet éclairage.", "Approuver")
    moderator.get_by_role("button", name="Approuver").click()
    expect(moderator.locator(".messages")).to_contain_text("1 commentaire approuvé.")

    reader.reload()
    comment = comments.get_by_role("article", name="Commentaire de Claire Martin")
    expect(comment).to_contain_text("Merci pour cet éclairage.")
    expect(comments.get_by_role("heading", level=2)).to_have_text("1 commentaire")

    moderator.get_by_role("button", name="Commentaires", exact=True).click()  # none pending
    moderator.get_by_role("link", name="Tous les commentaires").click()
    moderator.get_by_role(
        "button", name="Plus d’options pour « Merci pour cet éclairage. »"
    ).click()
    moderator.get_by_role("link", name="Répondre au nom de la rédaction").click()
    moderator.get_by_label("Votre réponse").fill("Merci de votre lecture.")
    moderator.get_by_role("button", name="Publier la réponse").click()
    expect(moderator.locator(".messages")).to_contain_text("Réponse publiée")

    reader.reload()
    parent = Comment.objects.get(text="Merci pour cet éclairage.")
    replies = reader.locator(f"#commentaire-{parent.pk} > .comment-replies")
    reply = replies.get_by_role("article", name="Commentaire de Mona Vidal")
    expect(reply).to_contain_text("Merci de votre lecture.")
    expect(reply).to_contain_text("Rédaction")
    assert reader_dialogs == []


def test_reader_replies_under_a_comment(live_server, page, article):
    parent = Comment.objects.create(
        article=article,
        author_name="Bruno",
        author_email="b@exemple.fr",
        text="Premier !",
        status=Comment.Status.APPROVED,
    )
    page.goto(live_server.url + article.url)

    page.get_by_role("link", name="Répondre à Bruno").click()
    expect(page.locator(".comment-replying")).to_have_text(re.compile(r"En réponse à\s+Bruno"))
    expect(page.get_by_role("textbox", name="Commentaire", exact=True)).to_be_focused()
    fill_comment(page, text="Je ne suis pas convaincu.")
    expect(page.get_by_role("status")).to_be_visible()

    reply = Comment.objects.get(text="Je ne suis pas convaincu.")
    assert reply.parent == parent
    approve_comment(reply, moderator=None)
    page.reload()
    nested = page.locator(f"#commentaire-{parent.pk} > .comment-replies")
    expect(nested).to_contain_text("Je ne suis pas convaincu.")


def test_without_javascript_the_form_works_with_one_more_click(live_server, browser, article):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + article.url)

    expect(page.get_by_role("button", name="Commenter")).to_be_hidden()
    fill_comment(page, text="Écrit sans JavaScript.")
    expect(page.get_by_role("alert")).to_contain_text("cliquez de nouveau sur « Envoyer »")
    expect(page.get_by_role("textbox", name="Commentaire", exact=True)).to_have_value(
        "Écrit sans JavaScript."
    )
    page.get_by_role("button", name="Envoyer").click()

    expect(page.get_by_role("status")).to_have_text(
        "Votre commentaire est en attente de modération."
    )
    assert Comment.objects.get().text == "Écrit sans JavaScript."


def test_markup_in_every_field_shows_as_text_and_runs_nothing(live_server, browser, article):
    reader = browser.new_context().new_page()
    opened = dialogs_of(reader)
    reader.goto(live_server.url + article.url)
    reader.get_by_role("button", name="Commenter").click()
    fill_comment(
        reader, name=MARKUP, text=f"{MARKUP}\n{MARKUP}", url=f"https://exemple.fr/?q={MARKUP}"
    )
    expect(reader.get_by_role("status")).to_be_visible()

    moderator = browser.new_context().new_page()
    opened += dialogs_of(moderator)
    log_in(moderator, live_server.url, "mona")
    moderate(moderator, live_server.url, MARKUP, "Approuver")
    expect(moderator.get_by_role("main")).to_contain_text(MARKUP)
    moderator.get_by_role("button", name="Approuver").click()
    expect(moderator.locator(".messages")).to_contain_text("approuvé")

    reader.reload()
    comment = reader.locator("#commentaires .comment").first
    expect(comment.locator(".comment-author")).to_have_text(MARKUP)
    expect(comment.locator(".comment-text")).to_have_text(f"{MARKUP}{MARKUP}")
    expect(comment.get_by_role("link", name=MARKUP, exact=True)).to_have_attribute(
        "href", f"https://exemple.fr/?q={MARKUP}"
    )
    expect(reader.locator("#commentaires script")).to_have_count(0)
    expect(reader.locator("#commentaires b")).to_have_count(0)
    assert opened == []


def test_comments_and_the_form_with_errors_are_accessible(live_server, browser, article):
    parent = Comment.objects.create(
        article=article,
        author_name="Bruno",
        author_email="b@exemple.fr",
        author_url="https://bruno.exemple.fr",
        text="Premier !\n\nVoir https://exemple.fr.",
        status=Comment.Status.APPROVED,
    )
    Comment.objects.create(
        article=article,
        parent=parent,
        author_name="La rédaction",
        text="Merci.",
        is_newsroom=True,
        status=Comment.Status.APPROVED,
    )
    page = browser.new_page()
    page.goto(live_server.url + article.url)
    page.get_by_role("button", name="Commenter").click()
    assert Axe().run(page).violations_count == 0

    fill_comment(page, email="claire@exemple")  # valid for the browser, not for us
    expect(page.get_by_text("Saisissez une adresse e-mail valide")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
