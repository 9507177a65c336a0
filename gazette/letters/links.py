"""The signed links of the e-mails: confirm, preferences, one-click unsubscribe.

No account and no password: a link is the proof that its reader opened the mailbox it was
sent to. Each is signed with SECRET_KEY under its own salt (a preference link cannot be
replayed as a confirmation) and names the subscriber by id and address, so a link outlives
neither an erasure nor a change of address.

Only the confirmation expires (GAZETTE_LETTERS_LINK_DAYS): it turns a request into consent,
and consent given weeks later, by whoever found the old e-mail, is no consent. The links in
a letter must keep working as long as the letter sits in a mailbox, as RFC 8058 expects of
its unsubscribe address.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Subscriber

CONFIRM, PREFERENCES, UNSUBSCRIBE = "confirm", "preferences", "unsubscribe"


class InvalidLink(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.expired = reason == "expired"


@dataclass(frozen=True)
class Link:
    subscriber: Subscriber
    letter_ids: tuple[int, ...]
    consent_id: int | None


def make_token(purpose: str, subscriber: Subscriber, *, letter_ids=(), consent_id=None) -> str:
    payload = {"s": subscriber.pk, "e": subscriber.email, "l": sorted(letter_ids)}
    if consent_id:
        payload["c"] = consent_id
    return signing.dumps(payload, salt=f"gazette.letters.{purpose}", compress=True)


def read_token(purpose: str, token: str) -> Link:
    max_age = settings.GAZETTE_LETTERS_LINK_DAYS * 86400 if purpose == CONFIRM else None
    try:
        payload = signing.loads(token, salt=f"gazette.letters.{purpose}", max_age=max_age)
        subscriber_id, email = int(payload["s"]), str(payload["e"])
        letter_ids = tuple(int(pk) for pk in payload["l"])
        consent_id = int(payload["c"]) if "c" in payload else None
    except signing.SignatureExpired:
        raise InvalidLink("expired") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvalidLink("forged") from None
    subscriber = Subscriber.objects.filter(pk=subscriber_id, email=email).first()
    if subscriber is None:
        raise InvalidLink("gone")
    return Link(subscriber, letter_ids, consent_id)


def absolute(path: str) -> str:
    """E-mails are read far from the site: every link is absolute, on GAZETTE_BASE_URL."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def link_url(purpose: str, subscriber: Subscriber, **kwargs) -> str:
    return absolute(reverse(f"letters:{purpose}", args=[make_token(purpose, subscriber, **kwargs)]))
