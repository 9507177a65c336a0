"""DKIM signing by Gazette itself (dkimpy), for an SMTP server that does not sign.

Most providers sign for you: use this only when the server is yours (a bare Postfix) and you
publish the public key at `<selector>._domainkey.<domain>`. The signature covers the headers
that mailbox providers check, `List-Unsubscribe` and `List-Unsubscribe-Post` included: RFC
8058 honours the one-click button only when the signature covers both.

The key file is checked at start-up (`check_dkim_settings`), read when a message is sent.
"""

from pathlib import Path

import dkim
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.smtp import EmailBackend

SIGNED_HEADERS = [
    b"From",
    b"To",
    b"Subject",
    b"Date",
    b"Message-ID",
    b"MIME-Version",
    b"Content-Type",
    b"List-Id",
    b"List-Unsubscribe",
    b"List-Unsubscribe-Post",
]


def check_dkim_settings(domain: str, selector: str, key_file: str) -> bool:
    """True when signing is asked for and possible; ImproperlyConfigured when half-asked."""
    if not (domain or selector or key_file):
        return False
    if not (domain and selector and key_file):
        raise ImproperlyConfigured(
            "GAZETTE_DKIM_DOMAIN, GAZETTE_DKIM_SELECTOR et GAZETTE_DKIM_KEY_FILE vont ensemble."
        )
    path = Path(key_file)
    if not path.is_file():
        raise ImproperlyConfigured(f"GAZETTE_DKIM_KEY_FILE={key_file!r} : fichier introuvable.")
    if b"PRIVATE KEY" not in path.read_bytes():
        raise ImproperlyConfigured(
            f"GAZETTE_DKIM_KEY_FILE={key_file!r} : une clé privée PEM est attendue."
        )
    return True


def sign(message: bytes) -> bytes:
    signature = dkim.sign(
        message,
        selector=settings.GAZETTE_DKIM_SELECTOR.encode(),
        domain=settings.GAZETTE_DKIM_DOMAIN.encode(),
        privkey=Path(settings.GAZETTE_DKIM_KEY_FILE).read_bytes(),
        include_headers=SIGNED_HEADERS,
    )
    return signature + message


class _Signed:
    def __init__(self, message):
        self._message = message

    def as_bytes(self, linesep="\r\n"):
        return sign(self._message.as_bytes(linesep="\r\n"))


class DKIMEmailBackend(EmailBackend):
    """Django's SMTP backend, each message signed just before it is handed over."""

    def _send(self, email_message):
        build = email_message.message
        email_message.message = lambda: _Signed(build())
        try:
            return super()._send(email_message)
        finally:
            del email_message.message
