"""The « Commentaires » area of the admin: for moderators (and administrators) only, with the
pending count in the menu, the queue, bulk and per-row actions, the newsroom's reply, the edit,
and a reader's data request."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gazette.comments.models import Comment
from gazette.news.newsroom import ADMINISTRATOR, EDITOR, MODERATOR, WRITER

from .factories import make_comment

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_comments_comment:list")


def user_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(
    ("group", "allowed"),
    [(MODERATOR, True), (ADMINISTRATOR, True), (WRITER, False), (EDITOR, False)],
)
def test_only_moderators_and_administrators_reach_the_comments(
    client, django_user_model, article, group, allowed
):
    client.force_login(user_in(django_user_model, group, "quelquun"))

    response = client.get(LIST)

    assert (response.status_code == 200) is allowed
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ('"name": "comments"' in menu) is allowed


def test_queue_lists_pending_comments_with_article_author_and_spam_reasons(
    client, moderator, article
):
    make_comment(
        article,
        "Un commentaire douteux",
        status="pending",
        author_name="Bruno",
        spam_score=30,
        spam_reasons=["3 liens dans le texte (au plus 2)."],
    )
    make_comment(article, "Déjà publié")
    client.force_login(moderator)

    html = client.get(LIST, {"status": "pending"}).content.decode()

    assert "Un commentaire douteux" in html and "Déjà publié" not in html
    assert "La ville tient bon" in html and "Bruno" in html
    assert "30 – 3 liens dans le texte (au plus 2)." in html
    assert "Approuver" in html and "Marquer comme indésirable" in html


def test_search_finds_an_address(client, moderator, article):
    make_comment(article, "Le bon", author_email="cherche@exemple.fr")
    make_comment(article, "Un autre")
    client.force_login(moderator)

    html = client.get(LIST, {"q": "cherche@"}).content.decode()

    assert "Le bon" in html and "Un autre" not in html


@pytest.mark.parametrize(
    ("action", "status"), [("approve", "approved"), ("spam", "spam"), ("trash", "trash")]
)
def test_bulk_actions_moderate_the_selection(client, moderator, article, action, status):
    chosen = [make_comment(article, f"Choisi {n}", status="pending") for n in range(2)]
    left = make_comment(article, "Laissé", status="pending")
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    query = f"?id={chosen[0].pk}&id={chosen[1].pk}&next={LIST}"

    assert client.get(url + query).status_code == 200  # the confirmation page
    response = client.post(url + query)

    assert response.status_code == 302
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in chosen])} == {status}
    assert Comment.objects.get(pk=chosen[0].pk).moderated_by == moderator
    assert Comment.objects.get(pk=left.pk).status == "pending"


@pytest.mark.parametrize("selection", ["id={pk}", "id=all"])
def test_writer_cannot_use_the_bulk_actions_nor_read_the_comments(
    client, django_user_model, article, selection
):
    comment = make_comment(article, "Achetez nos pilules miracles", status="spam")
    client.force_login(user_in(django_user_model, WRITER, "redac"))
    url = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))
    query = selection.format(pk=comment.pk)

    confirmation = client.get(f"{url}?{query}")
    client.post(f"{url}?{query}")

    assert confirmation.status_code in {302, 403}  # Wagtail turns a refusal into a redirect
    assert "pilules" not in confirmation.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == "spam"


def test_reply_on_behalf_of_the_newsroom(client, moderator, article):
    question = make_comment(article, "Une question ?")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_comments_comment:reply", args=[question.pk])

    assert "Une question ?" in client.get(url).content.decode()
    response = client.post(url, {"text": "Voici la réponse."})

    assert response.status_code == 302
    reply = Comment.objects.get(parent=question)
    assert (reply.text, reply.is_newsroom, reply.status) == ("Voici la réponse.", True, "approved")


def test_edit_goes_through_the_service(client, moderator, article):
    comment = make_comment(article, "Un txte", author_name="Bruno")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])

    response = client.post(url, {"author_name": "Bruno", "author_url": "", "text": "Un texte"})

    assert response.status_code == 302, response.content.decode()[-3000:]
    comment.refresh_from_db()
    assert comment.text == "Un texte" and comment.edited_at and comment.moderated_by == moderator


def test_personal_data_is_for_administrators(client, moderator, django_user_model, article):
    make_comment(article, "À exporter", author_email="claire@exemple.fr")
    url = reverse("comments_personal_data:index")
    client.force_login(moderator)
    assert client.get(url)["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied

    client.force_login(user_in(django_user_model, ADMINISTRATOR, "admin-gazette"))
    exported = client.post(url, {"email": "claire@exemple.fr", "export": "1"})
    assert exported["Content-Type"].startswith("application/json")
    assert json.loads(exported.content)["comments"][0]["text"] == "À exporter"

    unconfirmed = client.post(url, {"email": "claire@exemple.fr", "erase": "1"})
    assert unconfirmed.status_code == 200
    assert Comment.objects.by_email("claire@exemple.fr").exists()

    client.post(url, {"email": "claire@exemple.fr", "erase": "1", "confirm": "on"})
    assert not Comment.objects.by_email("claire@exemple.fr").exists()
    assert Comment.objects.get().author_name == "Anonyme"


def test_moderation_settings_are_editable_by_moderators(client, moderator, article):
    client.force_login(moderator)
    url = reverse("wagtailsettings:edit", args=["comments", "moderationsettings"])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "Modérer seulement les nouveaux commentateurs" in response.content.decode()
