"""Sending an edition so that nobody gets it twice and nobody is skipped, whatever stops.

1. `open_edition` writes one `Delivery` per confirmed reader before the first message leaves
   (the pair edition × subscriber is unique, so a second call adds nobody twice).
2. `send_batch` claims the next rows in one UPDATE that only matches rows still to send, under
   a claim token of its own: two workers never claim the same row. It then hands each message
   to the SMTP server and marks its row sent at once, alone in its transaction.
3. A worker killed mid-batch leaves its claimed rows « being sent »; once their claim is older
   than CLAIM_LEASE (far longer than a batch takes) the next batch takes them again. Rows
   marked sent are never claimed again, rows never marked sent are always sent again.

The one message that can arrive twice is the one the server accepted in the instant between
its « 250 OK » and our commit; it carries the same Message-ID both times (messages.py).

The pace is GAZETTE_LETTERS_RATE messages a second: mail providers throttle, then refuse, a
sender that floods them. A batch is BATCH_SECONDS of sending, so a task run stays short.
"""

import logging
import smtplib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from .messages import edition_body, edition_message
from .models import Delivery, Edition, Subscriber, Subscription

logger = logging.getLogger(__name__)

BATCH_SECONDS = 20
CLAIM_LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5


def open_edition(edition_id: int) -> int:
    """Write the deliveries and move the edition to « sending »; returns the recipients.
    Only a draft or scheduled edition opens: a second call does nothing."""
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition_id)
        if edition.status not in (Edition.Status.DRAFT, Edition.Status.SCHEDULED):
            return 0
        readers = (
            Subscription.objects.confirmed()
            .filter(letter_id=edition.letter_id)
            .values_list("subscriber_id", flat=True)
        )
        Delivery.objects.bulk_create(
            (Delivery(edition=edition, subscriber_id=pk) for pk in readers.iterator()),
            batch_size=1000,
            ignore_conflicts=True,
        )
        edition.recipient_count = edition.deliveries.count()
        edition.status, edition.started_at = Edition.Status.SENDING, timezone.now()
        edition.save(update_fields=["recipient_count", "status", "started_at"])
        return edition.recipient_count


def to_send():
    """Rows waiting, or claimed by a worker that has not come back for too long."""
    stale = timezone.now() - CLAIM_LEASE
    return Delivery.objects.filter(edition__status=Edition.Status.SENDING).filter(
        Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.SENDING, claimed_at__lt=stale)
    )


def send_batch(*, size: int | None = None) -> int:
    """Send one batch; returns how many messages left. 0 with rows still to send means the
    server failed for now (temporary error): the caller tries again later."""
    size = size or settings.GAZETTE_LETTERS_RATE * BATCH_SECONDS
    rows = claim(size)
    sent = 0
    if rows:
        interval = 1 / settings.GAZETTE_LETTERS_RATE
        bodies = {}
        try:
            connection = get_connection()
            connection.open()
        except OSError as error:  # the server is down: the rows wait for the next round
            logger.warning("Lettre : serveur SMTP injoignable (%s).", error)
            release(rows)
            return 0
        with connection:
            for delivery in rows:
                started = time.monotonic()
                edition = delivery.edition
                if edition.pk not in bodies:
                    bodies[edition.pk] = edition_body(edition)
                message = edition_message(edition, delivery, body=bodies[edition.pk])
                message.connection = connection
                try:
                    message.send()
                except smtplib.SMTPException as error:
                    if not _failed(delivery, error):
                        release(rows[rows.index(delivery) :])
                        break
                else:
                    _mark_sent(delivery)
                    sent += 1
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
    finish_editions()
    return sent


def claim(size: int) -> list[Delivery]:
    token = uuid.uuid4().hex
    ids = list(to_send().order_by("edition_id", "pk").values_list("pk", flat=True)[:size])
    # The condition again in the UPDATE: a row another worker claimed since is not matched.
    to_send().filter(pk__in=ids).update(
        status=Delivery.Status.SENDING,
        claim=token,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    return list(
        Delivery.objects.filter(claim=token)
        .select_related("edition__letter", "subscriber")
        .order_by("pk")
    )


def release(rows: list[Delivery]) -> None:
    """Back in the queue, for the next batch: this server cannot take them now."""
    Delivery.objects.filter(pk__in=[row.pk for row in rows], status=Delivery.Status.SENDING).update(
        status=Delivery.Status.PENDING, claim=""
    )


def finish_editions() -> None:
    """An edition with nothing left to send is sent; its figures are kept on it."""
    for edition in Edition.objects.filter(status=Edition.Status.SENDING):
        counts = edition.deliveries.aggregate(
            left=Count(
                "pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])
            ),
            sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        )
        if counts["left"]:
            continue
        edition.status, edition.sent_at = Edition.Status.SENT, timezone.now()
        edition.sent_count, edition.failed_count = counts["sent"], counts["failed"]
        edition.save(update_fields=["status", "sent_at", "sent_count", "failed_count"])


def _mark_sent(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), error=""
    )


def _failed(delivery: Delivery, error: smtplib.SMTPException) -> bool:
    """True when this address is at fault (5xx: no such mailbox, refused), which marks it and,
    after GAZETTE_LETTERS_SUSPEND_AFTER such failures, suspends it. False for a temporary
    refusal (4xx) or a server that went away: the batch stops and its rows are sent later."""
    code = _smtp_code(error)
    text = f"{code or ''} {error}".strip()[:1000]
    if code is None or code < 500:
        if delivery.attempts >= MAX_ATTEMPTS:
            _give_up(delivery, text)
            return True
        logger.warning("Lettre : envoi à %s remis à plus tard (%s).", delivery.subscriber, text)
        Delivery.objects.filter(pk=delivery.pk).update(error=text)
        return False
    with transaction.atomic():
        _give_up(delivery, text)
        subscriber = Subscriber.objects.select_for_update().get(pk=delivery.subscriber_id)
        subscriber.bounce_count += 1
        subscriber.last_failure = text
        if subscriber.bounce_count >= settings.GAZETTE_LETTERS_SUSPEND_AFTER:
            subscriber.status, subscriber.suspended_at = Subscriber.Status.SUSPENDED, timezone.now()
        else:
            subscriber.status = Subscriber.Status.BOUNCING
        subscriber.save(update_fields=["bounce_count", "last_failure", "status", "suspended_at"])
    return True


def _give_up(delivery: Delivery, text: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, error=text)


def _smtp_code(error: smtplib.SMTPException) -> int | None:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return min(codes) if codes else None
    return getattr(error, "smtp_code", None)
