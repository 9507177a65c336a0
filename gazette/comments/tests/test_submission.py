"""The reader's path through the two uncached endpoints: token, then POST; with JavaScript
off, with a stale page, with mistakes. A valid comment is never lost, nor stored twice."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from gazette.comments import tokens
from gazette.comments.models import Comment, ModerationSettings
from gazette.news.tests.factories import make_article

from .factories import READER, form_token, make_comment, post_comment

pytestmark = pytest.mark.django_db


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert not response.cookies


def test_token_endpoint_gives_a_private_signed_token(client, article, moderation):
    response = client.get(reverse("comments:token", args=[article.pk]))

    assert response.status_code == 200
    assert_private(response)
    token = tokens.read_token(response.json()["token"], article_id=article.pk)
    assert token.article_id == article.pk and not token.confirming


def test_token_endpoint_refuses_closed_and_unknown_articles(client, section, moderation):
    closed = make_article(section, "Fermé", comments_open=False)
    assert client.get(reverse("comments:token", args=[closed.pk])).status_code == 403
    assert client.get(reverse("comments:token", args=[999999])).status_code == 404


def test_comment_is_stored_before_the_reader_is_sent_to_the_notice(client, article, moderation):
    response = post_comment(client, article, text="Un avis.\r\nSur deux lignes.")

    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#commentaire-en-attente"
    assert_private(response)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.author_name, comment.author_email) == ("Claire Martin", "claire@exemple.fr")
    assert comment.text == "Un avis.\nSur deux lignes."
    assert (comment.ip_address, comment.user_agent) == ("203.0.113.7", "Mozilla/5.0 (test)")
    assert comment.spam_reasons == [] and comment.spam_score == 0


def test_approved_at_once_goes_to_the_comment_itself(client, article, moderation):
    moderation.policy = ModerationSettings.Policy.NONE
    moderation.save()

    response = post_comment(client, article)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED
    assert response["Location"] == f"{article.url}#commentaire-{comment.pk}"


def test_without_javascript_the_reader_confirms_once_more(client, article, moderation):
    first = post_comment(client, article, token=False, text="Écrit sans JavaScript.")

    assert first.status_code == 200
    assert_private(first)
    assert not Comment.objects.exists()
    html = first.content.decode()
    assert "cliquez de nouveau sur « Envoyer »" in html
    assert "Écrit sans JavaScript.</textarea>" in html
    assert 'value="Claire Martin"' in html
    token = first.context["token"]
    assert tokens.read_token(token, article_id=article.pk).confirming

    second = post_comment(client, article, token=token, text="Écrit sans JavaScript.")

    assert second.status_code == 303
    assert Comment.objects.get().text == "Écrit sans JavaScript."


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(
            lambda article: signing.dumps(
                {"a": article.pk, "t": time.time() - tokens.MAX_AGE - 1, "n": "x"},
                salt=tokens.SALT,
            ),
            id="expired",
        ),
        pytest.param(lambda article: tokens.issue_token(article.pk)[:-2] + "xx", id="tampered"),
        pytest.param(lambda article: tokens.issue_token(article.pk + 1), id="other article"),
        pytest.param(
            lambda article: signing.dumps({"a": article.pk}, salt=tokens.SALT), id="incomplete"
        ),
        pytest.param(lambda article: "n'importe quoi", id="garbage"),
    ],
)
def test_a_bad_token_keeps_the_text_and_asks_to_confirm(client, article, moderation, make_token):
    response = post_comment(client, article, token=make_token(article), text="À garder.")

    assert response.status_code == 200
    assert "À garder.</textarea>" in response.content.decode()
    assert not Comment.objects.exists()
    assert tokens.read_token(response.context["token"], article_id=article.pk)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "", "Indiquez votre nom."),
        ("name", "x" * 81, "au plus 80 caractères"),
        ("email", "", "Indiquez votre adresse e-mail."),
        ("email", "pas-une-adresse", "Saisissez une adresse e-mail valide"),
        (
            "url",
            "javascript:alert(1)",
            "Saisissez une adresse web, par exemple https://exemple.fr.",
        ),
        ("url", "ftp://exemple.fr", "Saisissez une adresse web"),
        ("url", "https://exemple.fr/" + "x" * 200, "au plus 200 caractères"),
        ("text", "   ", "Écrivez votre commentaire."),
        ("text", "x" * 5001, "au plus 5000 caractères"),
    ],
)
def test_invalid_input_comes_back_with_french_errors_and_the_text(
    client, article, moderation, field, value, error
):
    kept = "Mon long texte, à ne pas perdre."
    response = post_comment(client, article, **{"text": kept, field: value})

    assert response.status_code == 400
    assert_private(response)
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_{field}_error"><li>' in html
    assert error in html.split(f'id="id_{field}_error"')[1].split("</ul>")[0]
    assert 'aria-invalid="true"' in html
    if field != "text":
        assert f"{kept}</textarea>" in html
    assert not Comment.objects.exists()


def test_text_of_exactly_5000_characters_with_line_breaks_is_accepted(client, article, moderation):
    text = ("a" * 99 + "\r\n") * 50  # 5,000 characters once CRLF counts as one, as browsers do
    assert post_comment(client, article, text=text).status_code == 303


def test_the_same_submission_twice_is_stored_once(client, article, moderation):
    token = form_token(client, article)

    first = post_comment(client, article, token=token)
    again = post_comment(client, article, token=token)
    other = post_comment(client, article, token=token, text="Un deuxième avis.")

    assert first["Location"] == again["Location"]
    assert other.status_code == 303
    assert sorted(Comment.objects.values_list("text", flat=True)) == [
        "Merci !",
        "Un deuxième avis.",
    ]


def test_rate_limit_refuses_without_losing_the_text(client, article, moderation, settings):
    settings.GAZETTE_COMMENT_RATE_LIMIT = 2
    for n in range(2):
        assert post_comment(client, article, text=f"Avis {n}").status_code == 303

    response = post_comment(client, article, text="Le troisième, trop tôt.")

    assert response.status_code == 429
    assert "Le troisième, trop tôt.</textarea>" in response.content.decode()
    assert Comment.objects.count() == 2


def test_closed_article_refuses_but_shows_the_text(client, article, moderation):
    token = form_token(client, article)
    article.comments_open = False
    article.save_revision().publish()

    response = post_comment(client, article, token=token, text="Arrivé trop tard.")

    assert response.status_code == 403
    assert "Les commentaires sont fermés." in response.content.decode()
    assert "Arrivé trop tard.</textarea>" in response.content.decode()
    assert not Comment.objects.exists()


def test_form_page_of_a_closed_article_says_so(client, section, moderation):
    closed = make_article(section, "Fermé", comments_open=False)

    html = client.get(reverse("comments:submit", args=[closed.pk])).content.decode()

    assert "Les commentaires sont fermés." in html
    assert 'class="comment-form"' not in html


def test_spam_is_stored_in_the_spam_folder_and_not_announced(client, article, moderation):
    response = post_comment(client, article, website="https://robot.example")

    assert response["Location"].endswith("#commentaire-en-attente")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.spam_score == 100
    assert comment.spam_reasons == ["Le champ caché a été rempli, comme le font les robots."]


def test_posting_faster_than_the_minimum_is_spam(client, article, moderation):
    moderation.min_seconds = 30
    moderation.save()

    post_comment(client, article)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "après l’ouverture du formulaire" in comment.spam_reasons[0]


def test_reply_is_stored_under_its_parent(client, article, moderation):
    parent = make_comment(article, "Premier")

    post_comment(client, article, parent=parent.pk, text="Je réponds.")

    assert Comment.objects.get(text="Je réponds.").parent == parent


@pytest.mark.parametrize("status", [Comment.Status.PENDING, Comment.Status.SPAM])
def test_reply_to_an_unpublished_comment_is_refused_with_the_text(
    client, article, moderation, status
):
    hidden = make_comment(article, "Pas publié", status=status)

    response = post_comment(client, article, parent=hidden.pk, text="Ma réponse.")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Le commentaire auquel vous répondez n’est plus disponible." in html
    assert "Ma réponse.</textarea>" in html


def test_reply_link_without_javascript_opens_the_form_for_that_comment(client, article, moderation):
    parent = make_comment(article, "À quoi répondre", author_email="secret@exemple.fr")

    response = client.get(reverse("comments:submit", args=[article.pk]), {"repondre": parent.pk})

    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "En réponse à Lecteur" in html and "À quoi répondre" in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert tokens.read_token(response.context["token"], article_id=article.pk)
    assert '<meta name="robots" content="noindex">' in html
    assert "secret@exemple.fr" not in html


def test_email_of_other_readers_never_appears_in_any_endpoint(client, article, moderation):
    make_comment(article, "Publié", author_email="publie@exemple.fr")
    make_comment(article, "En attente", author_email="attente@exemple.fr", status="pending")
    submit_url = reverse("comments:submit", args=[article.pk])
    responses = [
        client.get(article.url),
        client.get(reverse("comments:token", args=[article.pk])),
        client.get(submit_url),
        post_comment(client, article, token=False, email=READER["email"]),
        post_comment(client, article, name=""),
    ]
    for response in responses:
        assert b"publie@exemple.fr" not in response.content
        assert b"attente@exemple.fr" not in response.content
