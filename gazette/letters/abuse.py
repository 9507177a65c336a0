"""The subscription form's defences, the comment form's in small: a signed form token (our
CSRF protection and the time trap's clock, since cached pages carry no CSRF cookie), a
honeypot, and a rate per client network counted in the database.

Unlike a comment, a subscription request mails someone: each refused robot is one stranger's
mailbox left alone, so the honeypot drops the request silently, with the same answer as
success, and the rate limit counts every request, valid or not.
"""

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac

from gazette.core.network import network_of

from .models import SubscribeRateCount

SALT = "gazette.letters.form-token"
MAX_AGE = 3 * 60 * 60
MIN_SECONDS = 2  # typing an address takes longer; a robot posts at once
CONFIRM_SECONDS = 1  # the « confirm » click of a form handed back, address already typed
RATE_WINDOW = timedelta(minutes=10)


class InvalidToken(Exception):
    """Missing, forged or expired: the reader is asked to confirm, with a fresh token."""


@dataclass(frozen=True)
class FormToken:
    issued_at: float
    confirming: bool

    def too_fast(self) -> bool:
        minimum = CONFIRM_SECONDS if self.confirming else MIN_SECONDS
        return time.time() - self.issued_at < minimum


def issue_token(*, confirming: bool = False) -> str:
    payload = {"t": round(time.time(), 3), "n": secrets.token_urlsafe(6)}
    if confirming:
        payload["c"] = 1
    return signing.dumps(payload, salt=SALT)


def read_token(token: str) -> FormToken:
    if not token:
        raise InvalidToken("missing")
    try:
        payload = signing.loads(token, salt=SALT)
        form_token = FormToken(issued_at=float(payload["t"]), confirming=bool(payload.get("c")))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken("forged") from error
    if time.time() - form_token.issued_at > MAX_AGE:
        raise InvalidToken("expired")
    return form_token


def rate_limited(ip_address: str | None) -> bool:
    """At most GAZETTE_LETTERS_RATE_LIMIT requests per client network per 10 minutes."""
    limit = settings.GAZETTE_LETTERS_RATE_LIMIT
    if not limit or not ip_address:
        return False
    key = salted_hmac("gazette.letters.rate", network_of(ip_address)).hexdigest()[:32]
    return SubscribeRateCount.hit(key, now=timezone.now(), window=RATE_WINDOW) > limit
