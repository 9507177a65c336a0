"""A real SMTP server on loopback (aiosmtpd) that keeps every message it accepts, and the
site's e-mail pointed at it through GAZETTE_EMAIL_URL's own parser."""

import email
import os
import re
import socket
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller

from gazette.core.email_url import email_settings
from gazette.core.tests.shared_data import shared
from gazette.letters import abuse
from gazette.letters.models import Letter
from gazette.news.tests.factories import make_article, make_home, make_section

# Ports of one's own (HELPERS.md: each session has ten), « 8130-8139 » for instance.
_FIRST, _LAST = os.environ.get("GAZETTE_TEST_SMTP_PORTS", "8120-8129").split("-")
PORTS = range(int(_FIRST), int(_LAST) + 1)


class Sink:
    """Accepts everything but the addresses told to refuse, with the code given (« 550 … »
    for a mailbox that does not exist, « 451 … » for a server that says « later »)."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse: dict[str, str] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [message for message in self.messages if message["To"] == address]

    def clear(self):
        self.messages.clear()
        self.refuse.clear()


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


@pytest.fixture(scope="session")
def _smtp_server():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def smtp(_smtp_server, settings):
    sink, port = _smtp_server
    sink.clear()
    for name, value in email_settings(f"smtp://127.0.0.1:{port}?timeout=5").items():
        setattr(settings, name, value)
    settings.GAZETTE_LETTERS_RATE = 1000  # no pause between test messages
    yield sink
    sink.clear()


@pytest.fixture
def no_time_trap(monkeypatch):
    """Tests post as fast as robots do."""
    monkeypatch.setattr(abuse, "MIN_SECONDS", 0)
    monkeypatch.setattr(abuse, "CONFIRM_SECONDS", 0)


@shared
def section():
    return make_section(make_home(), "Sciences")


@shared
def article(section):
    return make_article(section, "Le télescope voit plus loin", standfirst="Un chapô net.")


@shared
def letter():
    return Letter.objects.create(
        title="La matinale",
        slug="la-matinale",
        description="L'essentiel de l'actualité, chaque matin à 7 h.",
        frequency=Letter.Frequency.DAILY,
    )


@shared
def weekly():
    return Letter.objects.create(
        title="L'hebdo Sciences", slug="hebdo-sciences", frequency=Letter.Frequency.WEEKLY
    )


def link_in(message, kind: str) -> str:
    """The path of the first link of that kind in the plain-text part, as a reader copies it."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(rf"https?://[^/\s]+(/lettres/{kind}/[^\s]+/)", text)
    assert found, text
    return found.group(1)
