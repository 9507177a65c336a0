"""A reader subscribes to « La matinale » from an article page in Chromium; the confirmation
e-mail really leaves, to an SMTP server on loopback (aiosmtpd) that keeps it; the reader
follows its link and confirms. Nothing is stubbed between the form and the mailbox."""

import time

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from gazette.core.email_url import email_settings
from gazette.letters import abuse
from gazette.letters.models import Letter, Subscription
from gazette.letters.tests.conftest import Sink, free_port, link_in
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]
READER = "lea.martin@exemple.org"


@pytest.fixture
def mailbox(settings, monkeypatch):
    """The live server runs in this process: the settings it reads are these."""
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    for name, value in email_settings(f"smtp://127.0.0.1:{controller.port}?timeout=5").items():
        setattr(settings, name, value)
    monkeypatch.setattr(abuse, "MIN_SECONDS", 0)  # Playwright types faster than any reader
    monkeypatch.setattr(abuse, "CONFIRM_SECONDS", 0)
    yield sink
    controller.stop()


def received(sink, address, *, within=15.0):
    deadline = time.monotonic() + within
    while not sink.to(address) and time.monotonic() < deadline:
        time.sleep(0.1)
    return sink.to(address)


def test_a_reader_subscribes_from_an_article_and_confirms_by_the_mailed_link(
    live_server, page, mailbox
):
    article = make_article(
        make_section(make_home(), "Sciences"),
        "Le télescope voit plus loin",
        standfirst="Un miroir de six mètres, et des galaxies jamais vues.",
    )
    letter = Letter.objects.create(
        title="La matinale", slug="la-matinale", frequency=Letter.Frequency.DAILY
    )

    page.goto(live_server.url + article.url)
    form = page.locator("form.letter-form")
    form.get_by_role("textbox", name="E-mail").fill(READER)
    expect(form.get_by_role("checkbox", name="La matinale")).to_be_checked()
    form.get_by_role("button", name="S'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez votre messagerie")
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()

    [confirmation] = received(mailbox, READER)
    assert "Confirmez votre abonnement" in confirmation["Subject"]
    page.goto(live_server.url + link_in(confirmation, "confirmer"))
    page.get_by_role("button", name="Je confirme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement confirmé")
    expect(page.get_by_role("listitem").filter(has_text="La matinale")).to_be_visible()

    subscription = Subscription.objects.get(subscriber__email=READER)
    assert subscription.letter == letter
    assert subscription.confirmed_at is not None and subscription.unsubscribed_at is None
