"""Sending an edition loses nobody and repeats nobody, whatever stops it, against a real SMTP
server on loopback; permanent refusals mark the address, repeated ones suspend it."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from gazette.letters import sending
from gazette.letters.links import PREFERENCES, UNSUBSCRIBE, read_token
from gazette.letters.messages import PERSONAL_LINK
from gazette.letters.models import Delivery, Edition, Subscriber, Subscription
from gazette.letters.tasks import send_edition_batch, sending_round

from .conftest import link_in
from .test_reader_journey import make_edition, send

pytestmark = pytest.mark.django_db(transaction=True)


def readers(letter, count):
    addresses = [f"lecteur{number}@exemple.org" for number in range(count)]
    for address in addresses:
        subscriber = Subscriber.objects.create(email=address)
        Subscription.objects.create(
            subscriber=subscriber, letter=letter, confirmed_at=timezone.now()
        )
    return addresses


def received(smtp) -> Counter:
    return Counter(message["To"] for message in smtp.messages)


def test_a_send_stopped_between_batches_resumes_without_a_double_or_a_gap(smtp, letter, article):
    addresses = readers(letter, 7)
    edition = make_edition(letter, article)
    sending.open_edition(edition.pk)
    assert Delivery.objects.filter(edition=edition).count() == 7

    assert sending.send_batch(size=3) == 3  # the worker is killed here, between batches
    assert sum(received(smtp).values()) == 3

    sending_round.call()  # the next round finds the rest and sends it
    assert received(smtp) == Counter(addresses)  # each address exactly once
    edition.refresh_from_db()
    assert (edition.status, edition.sent_count, edition.failed_count) == (Edition.Status.SENT, 7, 0)


def test_a_worker_killed_mid_batch_leaves_its_rows_to_the_next_after_the_lease(
    smtp, letter, article, monkeypatch
):
    addresses = readers(letter, 6)
    edition = make_edition(letter, article)
    sending.open_edition(edition.pk)
    real_message = sending.edition_message
    built = []

    def dies_at_the_fourth(*args, **kwargs):
        built.append(1)
        if len(built) == 4:
            raise SystemExit("kill")  # nothing below runs, as after kill -9
        return real_message(*args, **kwargs)

    monkeypatch.setattr(sending, "edition_message", dies_at_the_fourth)
    with pytest.raises(SystemExit):
        sending.send_batch(size=6)
    monkeypatch.setattr(sending, "edition_message", real_message)
    assert sum(received(smtp).values()) == 3
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == 3

    # Within the lease another worker leaves them alone: the first may still be sending.
    assert sending.send_batch(size=6) == 0
    Delivery.objects.filter(status=Delivery.Status.SENDING).update(
        claimed_at=timezone.now() - sending.CLAIM_LEASE - timedelta(seconds=1)
    )
    send_edition_batch.call()
    assert received(smtp) == Counter(addresses)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT


def test_opening_an_edition_twice_adds_nobody_twice(smtp, letter, article):
    readers(letter, 3)
    edition = make_edition(letter, article)
    assert sending.open_edition(edition.pk) == 3
    assert sending.open_edition(edition.pk) == 0
    assert Delivery.objects.count() == 3


def test_a_permanent_refusal_marks_the_address_and_repeated_ones_suspend_it(
    smtp, letter, article, settings, django_capture_on_commit_callbacks
):
    settings.GAZETTE_LETTERS_SUSPEND_AFTER = 2
    good, gone = readers(letter, 2)
    smtp.refuse[gone] = "550 5.1.1 Boîte inconnue"

    first = send(make_edition(letter, article), django_capture_on_commit_callbacks)
    assert (first.sent_count, first.failed_count) == (1, 1)
    subscriber = Subscriber.objects.get(email=gone)
    assert (subscriber.status, subscriber.bounce_count) == (Subscriber.Status.BOUNCING, 1)
    assert "550" in subscriber.last_failure

    send(make_edition(letter, article), django_capture_on_commit_callbacks)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUSPENDED

    smtp.clear()
    third = send(make_edition(letter, article), django_capture_on_commit_callbacks)
    assert third.recipient_count == 1
    assert received(smtp) == Counter([good])


def test_a_temporary_refusal_keeps_the_message_for_later(
    smtp, letter, article, django_capture_on_commit_callbacks
):
    (reader,) = readers(letter, 1)
    smtp.refuse[reader] = "451 4.7.1 Réessayez plus tard"
    edition = send(make_edition(letter, article), django_capture_on_commit_callbacks)
    assert edition.status == Edition.Status.SENDING
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.error[:3]) == (Delivery.Status.PENDING, "451")
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE

    del smtp.refuse[reader]
    sending_round.call()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert received(smtp) == Counter([reader])


def test_a_server_down_keeps_every_message_for_later(smtp, letter, article, settings):
    readers(letter, 2)
    edition = make_edition(letter, article)
    sending.open_edition(edition.pk)
    settings.EMAIL_PORT = 1  # nothing listens there
    assert sending.send_batch() == 0
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == 2


def test_a_scheduled_edition_leaves_when_due(smtp, letter, article):
    readers(letter, 2)
    edition = make_edition(letter, article)
    edition.status, edition.scheduled_at = Edition.Status.SCHEDULED, timezone.now()
    edition.save()
    sending_round.call()
    edition.refresh_from_db()
    assert (edition.status, edition.sent_count) == (Edition.Status.SENT, 2)


def test_a_sent_edition_joins_the_public_archive_without_personal_links(
    client, smtp, letter, article
):
    readers(letter, 1)
    edition = make_edition(letter, article)
    draft = client.get(f"/lettres/{letter.slug}/{edition.pk}/")
    assert draft.status_code == 404  # not before it has left
    sending.open_edition(edition.pk)
    sending.send_batch()
    page = client.get(f"/lettres/{letter.slug}/").content.decode()
    assert "Le télescope, et le reste" in page
    archive = client.get(f"/lettres/{letter.slug}/{edition.pk}/")
    html = archive.content.decode()
    assert archive.status_code == 200
    assert "Le télescope voit plus loin" in html and "Bonjour, voici l" in html
    assert "/lettres/preferences/" not in html and "/lettres/desabonnement/" not in html


def test_each_reader_of_a_batch_gets_his_own_links_in_both_parts(smtp, letter, article):
    """The edition is rendered once per batch (messages.edition_body): each message still
    carries its own reader's preferences and unsubscribe links, in the text, the HTML and
    the headers, and nothing of the shared rendering's mark."""
    addresses = readers(letter, 3)
    sending.open_edition(make_edition(letter, article).pk)
    assert sending.send_batch(size=3) == 3
    for address in addresses:
        [message] = smtp.to(address)
        html = message.get_body(preferencelist=("html",)).get_content()
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert PERSONAL_LINK not in html + text
        token = link_in(message, "preferences").rstrip("/").rsplit("/", 1)[-1]
        assert read_token(PREFERENCES, token).subscriber.email == address
        assert token in html
        unsubscribe = message["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[-1]
        assert read_token(UNSUBSCRIBE, unsubscribe).subscriber.email == address
