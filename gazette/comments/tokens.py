"""The signed form token: our CSRF protection and the start of the time trap.

Article pages are cached and identical for everyone, so they cannot carry Django's CSRF token
(a per-reader cookie). The script fetches this token when the reader starts commenting; it is
signed with SECRET_KEY, bound to one article, and says when the form was opened. A forged
cross-site POST has no valid token, a robot that posts at once fails the time trap, and a
reader whose token expired gets the form back, filled in, with a fresh one: nothing is lost.

A random nonce makes each token unique, so that one submission sent twice is stored once.
A token handed back by the submit endpoint itself (« confirm » or « correct ») is `confirming`:
the text was written before that, so only the final click is timed.
"""

import secrets
import time
from dataclasses import dataclass

from django.core import signing

SALT = "gazette.comments.form-token"
MAX_AGE = 3 * 60 * 60  # seconds: long enough to write a long comment, short enough to replay


class InvalidToken(Exception):
    """Missing, forged, for another article, or expired: the reader is asked to confirm."""


@dataclass(frozen=True)
class FormToken:
    article_id: int
    issued_at: float
    nonce: str
    confirming: bool

    def age(self) -> float:
        return max(time.time() - self.issued_at, 0.0)


def issue_token(article_id: int, *, confirming: bool = False) -> str:
    payload = {"a": article_id, "t": round(time.time(), 3), "n": secrets.token_urlsafe(9)}
    if confirming:
        payload["c"] = 1
    return signing.dumps(payload, salt=SALT)


def read_token(token: str, *, article_id: int) -> FormToken:
    if not token:
        raise InvalidToken("missing")
    try:
        payload = signing.loads(token, salt=SALT)
        form_token = FormToken(
            article_id=int(payload["a"]),
            issued_at=float(payload["t"]),
            nonce=str(payload["n"]),
            confirming=bool(payload.get("c")),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken("forged") from error
    if form_token.article_id != article_id:
        raise InvalidToken("other article")
    if time.time() - form_token.issued_at > MAX_AGE:
        raise InvalidToken("expired")
    return form_token
