"""One-click moderation: from the queue and the modérateur's dashboard, a POST per click with
its CSRF token, no confirmation page, an undo, a permission check on every request; the
pending count in the menu; Paris times and no Python values on the inspect page; moderators
e-mailed by default."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from gazette.comments.models import Comment, ModerationSettings
from gazette.news.newsroom import MODERATOR, WRITER

from .factories import make_comment, post_comment

pytestmark = pytest.mark.django_db

QUEUE = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"


def moderate_url(comment):
    return reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk])


def member_of(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("status", ["approved", "spam", "trash"])
def test_one_click_then_undo(client, moderator, article, status):
    comment = make_comment(article, "À modérer", status="pending")
    client.force_login(moderator)

    response = client.post(moderate_url(comment), {"status": status, "next": QUEUE}, follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (status, moderator)
    html = response.content.decode()
    assert 'name="status" value="pending"' in html and "Annuler" in html
    client.post(moderate_url(comment), {"status": "pending", "next": QUEUE})
    comment.refresh_from_db()
    assert comment.status == "pending"


@pytest.mark.parametrize(("group", "allowed"), [(MODERATOR, True), (WRITER, False)])
def test_only_moderators_may_moderate(client, django_user_model, article, group, allowed):
    comment = make_comment(article, status="pending")
    client.force_login(member_of(django_user_model, group, "quelquun"))

    response = client.post(moderate_url(comment), {"status": "approved"})

    assert response.status_code == 302
    assert (response["Location"] != "/admin/") is allowed  # Wagtail's answer to a refusal
    comment.refresh_from_db()
    assert (comment.status == "approved") is allowed


def test_a_click_needs_post_and_the_csrf_token(moderator, article):
    comment = make_comment(article, status="pending")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    assert browser.get(moderate_url(comment)).status_code == 405
    assert browser.post(moderate_url(comment), {"status": "approved"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_bad_status_is_a_400_and_a_foreign_next_is_ignored(client, moderator, article):
    comment = make_comment(article, status="pending")
    client.force_login(moderator)

    assert client.post(moderate_url(comment), {"status": "published"}).status_code == 400
    response = client.post(
        moderate_url(comment), {"status": "spam", "next": "https://ailleurs.example/"}
    )
    assert response["Location"] == QUEUE


def test_queue_rows_carry_one_click_buttons_and_the_shortcuts(client, moderator, article):
    comment = make_comment(article, "Dans la file", status="pending")
    client.force_login(moderator)

    html = client.get(QUEUE).content.decode()

    assert f'action="{moderate_url(comment)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'aria-label="Approuver : Dans la file"' in html
    assert "comments/moderation.js" in html and "J et K" in html


def test_dashboard_panel_shows_the_queue_to_moderators_only(
    client, moderator, django_user_model, article
):
    make_comment(article, "Le plus ancien", status="pending")
    make_comment(article, "Déjà publié")
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 commentaire en attente de modération" in html
    assert "Le plus ancien" in html and "Déjà publié" not in html
    assert 'data-moderation-key="a"' in html and "J et K" in html
    client.force_login(member_of(django_user_model, WRITER, "redac"))
    assert "Le plus ancien" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_pending_count_is_a_badge_the_menu_cannot_truncate(client, moderator, article):
    make_comment(article, status="pending")
    make_comment(article, status="pending")
    make_comment(article, status="spam")
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "comments-pending" in html
    assert '.comments-pending::after { content: "2" / "2 commentaires en attente' in html


def test_inspect_page_shows_paris_time_and_no_python_values(client, moderator, article):
    comment = make_comment(
        article,
        "Bonjour",
        status="pending",
        created_at=dt.datetime(2026, 12, 2, 4, 49, tzinfo=dt.UTC),
        submission_key="clé",
    )
    client.force_login(moderator)

    html = client.get(
        reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk])
    ).content.decode()

    assert "2\u00a0décembre 2026 à\u00a05\u00a0h\u00a049" in html  # 4 h 49 UTC
    for raw in (">None<", ">False<", ">[]<", "Submission key", "clé"):
        assert raw not in html.replace(" ", "").replace("\n", ""), raw
    assert ">Non<" in html.replace(" ", "").replace("\n", "")


def test_moderators_are_emailed_by_default(
    client, article, moderator, django_capture_on_commit_callbacks
):
    moderation = ModerationSettings.for_site(Site.objects.get(is_default_site=True))
    assert moderation.notify_moderators
    moderation.min_seconds = 0
    moderation.save()

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article)

    assert Comment.objects.get().status == "pending"
    assert [message.to for message in mail.outbox] == [["mona@gazette.invalid"]]
