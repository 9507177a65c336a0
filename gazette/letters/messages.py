"""The e-mails of the newsletters, built whole: subject, plain text, HTML, headers.

Every message has a plain-text part (read by some clients, by screen readers, by filters that
distrust HTML-only mail) and an HTML part with inline styles only, which common clients keep.
No image is loaded from the site and no link is rewritten: nothing tells the newsroom who
opened or clicked. The Message-ID of an edition's message is derived from the delivery, so
that the one message a crash could send twice (handed to the server just before the crash,
see sending.py) reaches the reader with the same id, which mailboxes fold into one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from gazette.core.dates import long_date

from .links import CONFIRM, PREFERENCES, UNSUBSCRIBE, absolute, link_url
from .models import Delivery, Edition, Letter, Subscriber


def confirmation_message(
    subscriber: Subscriber, letters: list[Letter], *, consent_id: int | None
) -> EmailMultiAlternatives:
    """One message whatever the state of the address: to ask, to remind that it is already
    subscribed, or both. Only the mailbox's owner reads the difference; the site's answer to
    the form never shows it."""
    subscriptions = {s.letter_id: s for s in subscriber.subscriptions.all()}
    suspended = subscriber.status == Subscriber.Status.SUSPENDED  # confirming revives it
    to_confirm = [
        letter for letter in letters if suspended or not _receiving(subscriptions.get(letter.pk))
    ]
    already = [letter for letter in letters if letter not in to_confirm]
    context = {
        "subscriber": subscriber,
        "to_confirm": to_confirm,
        "already": already,
        "confirm_url": to_confirm
        and link_url(
            CONFIRM,
            subscriber,
            letter_ids=[letter.pk for letter in to_confirm],
            consent_id=consent_id,
        ),
        "preferences_url": link_url(PREFERENCES, subscriber),
        "days": settings.GAZETTE_LETTERS_LINK_DAYS,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute("/"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            gettext("Confirm your subscription")
            if to_confirm
            else gettext("You are already subscribed")
        )
        return _message(
            f"{settings.WAGTAIL_SITE_NAME} : {subject}",
            "letters/emails/confirmation",
            context,
            to=subscriber.email,
        )


# Where each reader's own link goes in an edition rendered once for all its readers: letters
# and dashes only, which neither HTML escaping nor the French typography filter changes.
PERSONAL_LINK = "gazette-lien-personnel-4f1c9a"


@dataclass(frozen=True)
class EditionBody:
    """An edition's text and HTML, the same for every reader but for PERSONAL_LINK."""

    text: str
    html: str


def edition_body(edition: Edition) -> EditionBody:
    """Rendered once per batch: the two templates and the articles' addresses and dates were
    most of a message's cost, and only the preferences link differs (311 → 416 messages/s,
    bench/RESULTS.md 2026-12-03)."""
    letter = edition.letter
    articles = edition_articles(edition)
    context = {
        "edition": edition,
        "letter": letter,
        "articles": [
            {"page": article, "url": _page_url(article), "date": _published(article)}
            for article in articles
        ],
        "date": long_date(edition.started_at or timezone.now()),
        "preferences_url": PERSONAL_LINK,
        "archive_url": absolute(letter.get_absolute_url()),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute("/"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        return EditionBody(
            text=render_to_string("letters/emails/edition.txt", context),
            html=render_to_string("letters/emails/edition.html", context),
        )


def edition_message(
    edition: Edition, delivery: Delivery, *, body: EditionBody
) -> EmailMultiAlternatives:
    subscriber = delivery.subscriber
    letter = edition.letter
    unsubscribe_url = link_url(UNSUBSCRIBE, subscriber, letter_ids=[letter.pk])
    preferences_url = link_url(PREFERENCES, subscriber)
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "gazette.invalid"
    headers = {
        # RFC 2369 and RFC 8058: the mailbox's own « unsubscribe » button, in one POST.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{letter.title} <{letter.slug}.{domain}>",
        "Message-ID": f"<edition-{edition.pk}.{delivery.subscriber_id}@{domain}>",
    }
    message = EmailMultiAlternatives(
        subject=edition.subject,
        body=body.text.replace(PERSONAL_LINK, preferences_url),
        to=[subscriber.email],
        headers=headers,
    )
    message.attach_alternative(body.html.replace(PERSONAL_LINK, preferences_url), "text/html")
    return message


def trial_message(edition: Edition, *, email: str) -> EmailMultiAlternatives:
    """The edition as a reader will get it, for the éditeur's preview and test send. Nobody
    is subscribed under this address: its personal links lead to « lien non valide »."""
    trial = Delivery(edition=edition, subscriber=Subscriber(pk=0, email=email))
    message = edition_message(edition, trial, body=edition_body(edition))
    with translation.override(settings.LANGUAGE_CODE):
        message.subject = gettext("[Test] %(subject)s") % {"subject": edition.subject}
    return message


def edition_articles(edition: Edition) -> list:
    """The chosen articles still published, in the chosen order."""
    return [
        chosen.article.specific
        for chosen in edition.chosen_articles.select_related("article").order_by("sort_order")
        if chosen.article.live
    ]


def _message(subject, template, context, *, to, headers=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def _receiving(subscription) -> bool:
    return bool(subscription and subscription.confirmed_at and not subscription.unsubscribed_at)


def _page_url(page) -> str:
    url = page.get_url()
    return url if url.startswith("http") else absolute(url)


def _published(page) -> str:
    when = page.first_published_at
    return long_date(when) if when else ""
