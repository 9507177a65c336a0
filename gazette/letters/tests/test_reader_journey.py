"""The reader's side, against a real SMTP server on loopback: subscribe from a cached page,
confirm by the link of the e-mail, receive an edition, leave in one click."""

import re

import pytest
from django.urls import reverse

from gazette.letters import abuse
from gazette.letters.models import (
    ConsentRecord,
    Edition,
    EditionArticle,
    Subscriber,
    Subscription,
)
from gazette.letters.services import send_edition

from .conftest import link_in

pytestmark = pytest.mark.django_db

READER = "lea.martin@exemple.org"


def subscribe(client, *letters, email=READER, token=None, **extra):
    """Upper-case keywords are the request's (REMOTE_ADDR, HTTP_…), the others form fields."""
    meta = {key: value for key, value in extra.items() if key.isupper()}
    extra = {key: value for key, value in extra.items() if not key.isupper()}
    data = {
        "email": email,
        "letters": [letter.slug for letter in letters],
        "source": "/sciences/le-telescope/",
        "token": abuse.issue_token() if token is None else token,
        "website": "",
        **extra,
    }
    return client.post(reverse("letters:subscribe"), data, **meta)


def make_edition(letter, *articles, subject="Le télescope, et le reste"):
    edition = Edition.objects.create(
        letter=letter, subject=subject, editor_note="Bonjour, voici l'essentiel."
    )
    for order, article in enumerate(articles):
        EditionArticle.objects.create(edition=edition, article=article, sort_order=order)
    return edition


def send(edition, capture):
    with capture(execute=True):
        send_edition(edition)
    edition.refresh_from_db()
    return edition


def confirmed(email=READER):
    return Subscription.objects.confirmed().filter(subscriber__email=email)


def test_subscribe_confirm_receive_and_leave_in_one_click(
    client, smtp, no_time_trap, letter, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, letter)
    assert response.status_code == 303
    assert response["Location"] == reverse("letters:check_inbox")
    assert "no-store" in response["Cache-Control"]
    [confirmation] = smtp.to(READER)
    assert "Confirmez votre abonnement" in confirmation["Subject"]
    assert not confirmed().exists()

    # Nothing is sent before the confirmation.
    assert (
        send(make_edition(letter, article), django_capture_on_commit_callbacks).recipient_count == 0
    )
    assert smtp.to(READER) == [confirmation]

    path = link_in(confirmation, "confirmer")
    page = client.get(path)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200
    assert not confirmed().exists()
    done = client.post(path)
    assert done.status_code == 200
    assert "Abonnement confirmé" in done.content.decode()
    assert confirmed().count() == 1
    actions = list(ConsentRecord.objects.values_list("action", flat=True))
    assert actions == [ConsentRecord.Action.REQUESTED, ConsentRecord.Action.CONFIRMED]
    proof = ConsentRecord.objects.get(action=ConsentRecord.Action.CONFIRMED)
    assert proof.source == "/sciences/le-telescope/"
    assert "rien ne vous est envoyé avant" in proof.consent_text
    assert proof.ip_address == "127.0.0.1"
    assert proof.letters == ["La matinale"]

    smtp.clear()
    edition = send(make_edition(letter, article), django_capture_on_commit_callbacks)
    assert (edition.status, edition.recipient_count, edition.sent_count) == (
        Edition.Status.SENT,
        1,
        1,
    )
    [message] = smtp.to(READER)
    assert message["Subject"] == "Le télescope, et le reste"
    unsubscribe = message["List-Unsubscribe"].strip()  # folded: the address is long
    assert re.fullmatch(r"<http://127\.0\.0\.1:8000/lettres/desabonnement/[^>\s]+/>", unsubscribe)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for part in (text, html):
        assert "http://127.0.0.1:8000" + article.url in part  # absolute links to the site
        assert "http://127.0.0.1:8000/lettres/preferences/" in part  # the visible way out
        assert "Le télescope voit plus loin" in part
    assert re.search(r"le\xa0\d+(er)?\xa0\w+ \d{4}", text)  # « le 2 décembre 2026 »
    assert "<img" not in html  # no pixel, no image fetched from the site

    # The mailbox's own button: one POST, no cookie, no CSRF token, no page in between.
    one_click = client.post(
        unsubscribe[len("<http://127.0.0.1:8000") : -1],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert not confirmed().exists()
    assert ConsentRecord.objects.latest("pk").action == ConsentRecord.Action.WITHDRAWN

    smtp.clear()
    assert (
        send(make_edition(letter, article), django_capture_on_commit_callbacks).recipient_count == 0
    )
    assert smtp.to(READER) == []


@pytest.mark.parametrize("state", ["new", "pending", "confirmed", "left", "suspended"])
def test_the_answer_never_tells_whether_an_address_is_on_a_list(
    state, client, smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    if state != "new":
        subscriber = Subscriber.objects.create(
            email=READER,
            status=Subscriber.Status.SUSPENDED if state == "suspended" else "active",
        )
        Subscription.objects.create(
            subscriber=subscriber,
            letter=letter,
            confirmed_at="2026-01-05T07:00:00Z" if state in ("confirmed", "left") else None,
            unsubscribed_at="2026-02-05T07:00:00Z" if state == "left" else None,
        )
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, letter, email=READER.upper())
    assert (response.status_code, response["Location"]) == (303, reverse("letters:check_inbox"))
    assert response.content == b""
    assert len(smtp.to(READER)) == 1  # one e-mail in every case, read only by the mailbox


def test_expired_and_forged_links_are_refused_in_french(
    client, smtp, no_time_trap, letter, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, letter)
    path = link_in(smtp.to(READER)[0], "confirmer")

    forged = client.post(path.replace("/confirmer/", "/confirmer/x"))
    assert forged.status_code == 400
    assert "Ce lien n’est pas valide" in forged.content.decode()
    other_purpose = client.post(path.replace("/confirmer/", "/desabonnement/"))
    assert other_purpose.status_code == 400

    settings.GAZETTE_LETTERS_LINK_DAYS = 0  # every link is now older than its life
    expired = client.post(path)
    assert expired.status_code == 410
    assert "Ce lien de confirmation a expiré" in expired.content.decode()
    assert not confirmed().exists()


def test_a_link_outlives_no_erasure(
    client, smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, letter)
    path = link_in(smtp.to(READER)[0], "preferences")
    Subscriber.objects.filter(email=READER).delete()
    response = client.get(path)
    assert response.status_code == 404
    assert "Cette adresse ne figure plus" in response.content.decode()


def test_the_preference_page_changes_letters_or_leaves_all(
    client, smtp, no_time_trap, letter, weekly, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, letter)
    message = smtp.to(READER)[0]
    client.post(link_in(message, "confirmer"))
    path = link_in(message, "preferences")

    assert client.post(path, {"letters": ["hebdo-sciences"]}).status_code == 200
    assert list(confirmed().values_list("letter__slug", flat=True)) == ["hebdo-sciences"]
    left = client.post(path, {})
    assert "Vous êtes désabonné" in left.content.decode()
    assert not confirmed().exists()
    assert ConsentRecord.objects.latest("pk").action == ConsentRecord.Action.WITHDRAWN
