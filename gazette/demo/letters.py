"""The demo's newsletters: « La matinale » (daily) and « L'hebdo Sciences » (weekly), a few
confirmed readers at exemple.org with the proof of their consent, and one past edition in each
archive, its deliveries marked sent. Rows are written as the services would leave them, but
no e-mail leaves: the demo invents readers, it does not write to them. Our own text."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone, translation

from gazette.letters.automatic import subject_for
from gazette.letters.forms import CONSENT_TEXT
from gazette.letters.models import (
    ConsentRecord,
    Delivery,
    Edition,
    EditionArticle,
    Letter,
    Subscriber,
    Subscription,
    Weekday,
)
from gazette.news.models import ArticlePage, SectionPage

MATINALE, HEBDO = "la-matinale", "hebdo-sciences"
LETTERS = [
    {
        "slug": MATINALE,
        "title": "La matinale",
        "description": (
            "Chaque matin à 7 h, les articles qu'il ne fallait pas manquer la veille : ceux "
            "que la une a choisis, puis ceux que vous avez le plus lus. Cinq minutes de "
            "lecture avant le café."
        ),
        "frequency": Letter.Frequency.DAILY,
        "send_time": time(7),
        "article_count": 5,
        "sort_order": 0,
    },
    {
        "slug": HEBDO,
        "title": "L'hebdo Sciences",
        "description": (
            "Le vendredi en fin d'après-midi, la semaine de la rubrique Sciences : "
            "découvertes, débats et explications, pour garder le fil sans tout suivre."
        ),
        "frequency": Letter.Frequency.WEEKLY,
        "send_time": time(17),
        "weekday": Weekday.FRIDAY,
        "article_count": 4,
        "sort_order": 1,
        "sections": ["sciences"],
    },
]
# (address, letters, days since the subscription was confirmed)
READERS = [
    ("camille.roussel@exemple.org", [MATINALE, HEBDO], 40),
    ("yanis.ferrand@exemple.org", [MATINALE], 33),
    ("odile.marchetti@exemple.org", [HEBDO], 27),
    ("bruno.lefort@exemple.org", [MATINALE], 19),
    ("ines.gauthier@exemple.org", [MATINALE, HEBDO], 12),
    ("theo.vasseur@exemple.org", [HEBDO], 6),
]
NOTES = {
    MATINALE: (
        "Bonjour. Une route maritime qui s'ouvre là où la glace tenait jadis tout l'été, et "
        "ce qu'elle change pour ceux qui vivent au bord : c'est notre reportage du jour. "
        "Bonne lecture, et bonne journée."
    ),
    HEBDO: (
        "Cette semaine, la rubrique a levé les yeux vers une comète et les a baissés vers un "
        "étang : deux enquêtes qui disent autant ce que l'on sait que ce qui reste à prouver. "
        "Bon week-end, à vendredi prochain."
    ),
}


def ensure_demo_letters(*, now: datetime) -> tuple[int, int]:
    """Each piece once, looked up by its key (slug, address): a second run adds nothing and
    what an editor changed since stays. Returns (letters, subscribers) created."""
    letters, new_letters = {}, 0
    for spec in LETTERS:
        fields = dict(spec)
        sections = fields.pop("sections", [])
        letter, created = Letter.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        if created:
            letter.sections.set(SectionPage.objects.filter(slug__in=sections))
            new_letters += 1
        letters[letter.slug] = letter
    new_readers = 0
    for address, slugs, days in READERS:
        new_readers += _ensure_reader(
            address, [letters[slug] for slug in slugs], now=now, days=days
        )
    for letter in letters.values():
        _ensure_past_edition(letter, now=now)
    return new_letters, new_readers


def _ensure_reader(address: str, letters: list[Letter], *, now: datetime, days: int) -> int:
    subscriber, created = Subscriber.objects.get_or_create(email=address)
    if not created:
        return 0
    asked = now - timedelta(days=days, minutes=12)
    confirmed = asked + timedelta(minutes=12)
    Subscriber.objects.filter(pk=subscriber.pk).update(created_at=asked)
    for letter in letters:
        Subscription.objects.create(
            subscriber=subscriber, letter=letter, created_at=asked, confirmed_at=confirmed
        )
    titles = [letter.title for letter in letters]
    with translation.override(settings.LANGUAGE_CODE):
        text = str(CONSENT_TEXT)
    for action, when in [
        (ConsentRecord.Action.REQUESTED, asked),
        (ConsentRecord.Action.CONFIRMED, confirmed),
    ]:
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=action,
            letters=titles,
            created_at=when,
            source="/",
            consent_text=text,
        )
    return 1


def _ensure_past_edition(letter: Letter, *, now: datetime) -> None:
    """The last period's edition, as the automatic edition would have made and sent it."""
    if letter.editions.exists():
        return
    paris = timezone.get_default_timezone()
    day = timezone.localdate(now) - timedelta(days=1)
    if letter.frequency == Letter.Frequency.WEEKLY:
        day -= timedelta(days=(day.weekday() - letter.weekday) % 7)
    moment = timezone.make_aware(datetime.combine(day, letter.send_time), paris)
    articles = ArticlePage.objects.live().filter(first_published_at__lt=moment)
    sections = list(letter.sections.all())
    if sections:
        articles = articles.filter(path__startswith=sections[0].path)
    chosen = list(articles.order_by("-first_published_at")[: letter.article_count])
    if not chosen:
        return
    readers = list(
        Subscription.objects.confirmed()
        .filter(letter=letter, confirmed_at__lt=moment)
        .values_list("subscriber_id", flat=True)
    )
    sent_at = moment + timedelta(seconds=2 * len(readers) + 1)
    edition = Edition.objects.create(
        letter=letter,
        subject=subject_for(letter, day),
        editor_note=NOTES.get(letter.slug, ""),
        status=Edition.Status.SENT,
        period=day,
        created_at=moment,
        scheduled_at=moment,
        started_at=moment,
        sent_at=sent_at,
        recipient_count=len(readers),
        sent_count=len(readers),
    )
    EditionArticle.objects.bulk_create(
        EditionArticle(edition=edition, article=article, sort_order=order)
        for order, article in enumerate(chosen)
    )
    Delivery.objects.bulk_create(
        Delivery(
            edition=edition,
            subscriber_id=pk,
            status=Delivery.Status.SENT,
            attempts=1,
            sent_at=moment + timedelta(seconds=2 * number + 1),
        )
        for number, pk in enumerate(readers)
    )
