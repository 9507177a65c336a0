"""What readers and editors do to the newsletters, one function per act.

Each act that gives or withdraws consent writes a `ConsentRecord` in the same transaction;
e-mails leave through the task queue after the commit, so a rolled-back request sends none.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import ConsentRecord, Edition, Letter, Subscriber, Subscription, normalise_email
from .sending import open_edition
from .tasks import send_confirmation, start_sending

REQUESTS_PER_DAY = 3


def request_subscription(
    *, email: str, letters: list[Letter], source: str, consent_text: str, ip_address: str | None
) -> None:
    """Double opt-in, first half. Whatever the address's state (new, pending, subscribed,
    left, suspended), the same happens: a request is recorded and one e-mail leaves, and the
    caller shows the same answer. Nothing reveals whether an address is on a list.

    An address asked for more than REQUESTS_PER_DAY times a day gets no more e-mails that
    day: the form must not become a way to flood a stranger's mailbox from many clients."""
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=normalise_email(email))
        for letter in letters:
            Subscription.objects.get_or_create(subscriber=subscriber, letter=letter)
        consent = ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.REQUESTED,
            letters=[letter.title for letter in letters],
            source=source[:500],
            consent_text=consent_text,
            ip_address=ip_address,
        )
        letter_ids = [letter.pk for letter in letters]
        if _asked_too_often(subscriber):
            return
        transaction.on_commit(
            lambda: send_confirmation.enqueue(subscriber.pk, letter_ids, consent.pk)
        )


def confirm_subscription(
    *, subscriber: Subscriber, letter_ids, consent_id: int | None, ip_address: str | None
) -> list[Letter]:
    """Double opt-in, second half: the reader followed the link of the e-mail. Confirming
    also proves the mailbox works again: a suspended address is active anew."""
    now = timezone.now()
    with transaction.atomic():
        letters = list(Letter.objects.filter(pk__in=letter_ids))
        requested = ConsentRecord.objects.filter(pk=consent_id, subscriber=subscriber).first()
        for letter in letters:
            subscription, _created = Subscription.objects.get_or_create(
                subscriber=subscriber, letter=letter
            )
            if subscription.confirmed_at and not subscription.unsubscribed_at:
                continue
            subscription.confirmed_at, subscription.unsubscribed_at = now, None
            subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
        _reactivate(subscriber)
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.CONFIRMED,
            letters=[letter.title for letter in letters],
            source=requested.source if requested else "",
            consent_text=requested.consent_text if requested else "",
            ip_address=ip_address,
        )
    return letters


def change_preferences(
    *, subscriber: Subscriber, letters: list[Letter], consent_text: str, ip_address: str | None
) -> None:
    """From the preference page, reached by a link sent to the mailbox: a letter ticked there
    is confirmed at once, the link being the proof the double opt-in asks for."""
    now = timezone.now()
    wanted = {letter.pk for letter in letters}
    with transaction.atomic():
        for letter in Letter.objects.active():  # a closed letter is left as it is
            subscription = Subscription.objects.filter(subscriber=subscriber, letter=letter).first()
            receiving = bool(
                subscription and subscription.confirmed_at and not subscription.unsubscribed_at
            )
            if letter.pk in wanted and not receiving:
                Subscription.objects.update_or_create(
                    subscriber=subscriber,
                    letter=letter,
                    defaults={"confirmed_at": now, "unsubscribed_at": None},
                )
            elif letter.pk not in wanted and subscription and not subscription.unsubscribed_at:
                subscription.unsubscribed_at = now
                subscription.save(update_fields=["unsubscribed_at"])
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.CHANGED if wanted else ConsentRecord.Action.WITHDRAWN,
            letters=[letter.title for letter in letters],
            source="preferences",
            consent_text=consent_text,
            ip_address=ip_address,
        )


def unsubscribe(*, subscriber: Subscriber, letter_ids, ip_address: str | None) -> None:
    """One click, from the mailbox's button (RFC 8058) or the page: idempotent."""
    with transaction.atomic():
        left = subscriber.subscriptions.filter(letter_id__in=letter_ids, unsubscribed_at=None)
        titles = list(left.values_list("letter__title", flat=True))
        left.update(unsubscribed_at=timezone.now())
        if titles:
            ConsentRecord.objects.create(
                subscriber=subscriber,
                action=ConsentRecord.Action.WITHDRAWN,
                letters=titles,
                source="unsubscribe",
                ip_address=ip_address,
            )


def send_edition(edition: Edition) -> int:
    """Send now (an editor's button, or a schedule that came due): deliveries first, then
    the batches, after the commit."""
    count = open_edition(edition.pk)
    transaction.on_commit(start_sending)
    return count


def _asked_too_often(subscriber: Subscriber) -> bool:
    since = timezone.now() - timedelta(days=1)
    asked = subscriber.consents.filter(
        action=ConsentRecord.Action.REQUESTED, created_at__gte=since
    ).count()
    return asked > REQUESTS_PER_DAY


def _reactivate(subscriber: Subscriber) -> None:
    if subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status, subscriber.bounce_count, subscriber.suspended_at = (
            Subscriber.Status.ACTIVE,
            0,
            None,
        )
        subscriber.save(update_fields=["status", "bounce_count", "suspended_at"])


def export_subscriber_data(email: str) -> dict | None:
    """All that is kept on a reader of the letters (RGPD art. 15), or None if nothing is."""
    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "status": subscriber.get_status_display(),
        "created_at": subscriber.created_at.isoformat(),
        "permanent_failures": subscriber.bounce_count,
        "last_failure": subscriber.last_failure,
        "subscriptions": [
            {
                "letter": subscription.letter.title,
                "asked_at": subscription.created_at.isoformat(),
                "confirmed_at": _iso(subscription.confirmed_at),
                "left_at": _iso(subscription.unsubscribed_at),
            }
            for subscription in subscriber.subscriptions.select_related("letter")
        ],
        "consents": [
            {
                "action": record.get_action_display(),
                "letters": record.letters,
                "at": record.created_at.isoformat(),
                "form": record.source,
                "text_shown": record.consent_text,
                "ip_address": record.ip_address,
            }
            for record in subscriber.consents.all()
        ],
        "editions_received": [
            {"edition": delivery.edition.subject, "sent_at": _iso(delivery.sent_at)}
            for delivery in subscriber.deliveries.select_related("edition").filter(status="sent")
        ],
    }


def erase_subscriber(email: str) -> int:
    """Erase a reader of the letters (RGPD art. 17): the address, its subscriptions, its
    consent records and deliveries go together. The editions keep their figures, which name
    nobody. Returns the rows deleted."""
    deleted, _by_model = Subscriber.objects.filter(email=normalise_email(email)).delete()
    return deleted


def _iso(value) -> str | None:
    return value.isoformat() if value else None
