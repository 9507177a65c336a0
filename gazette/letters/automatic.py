"""The automatic edition: a daily or weekly letter makes its own edition at its set time
(« La matinale » every day at 7 h, Paris time; a weekly letter on its chosen day).

Its articles are those published since the previous edition's time (a day, a week) in the
letter's sections: la une's lead and featured stories first, in la une's order, as the
newsroom chose them; then the most read over that period, by the figures « Les + Lus » ranks
with (`gazette.news.popularity`); the newest first among equals, or when nothing was counted.
An article already sent in an edition of the same letter is not sent again.

Once per period, whoever runs the round: the edition carries the day it was made for
(`Edition.period`), unique per letter, so a second round, or a second worker racing the
first, finds it made or has its row refused by the database, and builds nothing. A round
that comes more than GRACE after the set time (a worker stopped all morning) skips the
period: a morning letter at dinner time is no longer one. A period with no article makes no
edition; the rounds look again until GRACE runs out.
"""

import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from gazette.core.dates import long_date
from gazette.core.typography import NBSP
from gazette.news import popularity
from gazette.news.models import ArticlePage, HomePage

from .models import Edition, EditionArticle, Letter

logger = logging.getLogger(__name__)

GRACE = timedelta(hours=6)
PERIODS = {Letter.Frequency.DAILY: timedelta(days=1), Letter.Frequency.WEEKLY: timedelta(days=7)}


def build_due_editions(*, now: datetime) -> list[Edition]:
    """Make the automatic editions due at `now`, scheduled at their set time: the round that
    made them opens them at once. Returns those made by this call."""
    built = []
    letters = Letter.objects.active().filter(automatic=True, frequency__in=list(PERIODS))
    for letter in letters.prefetch_related("sections"):
        moment = last_set_time(letter, now=now)
        if now - moment > GRACE:
            continue
        if letter.editions.filter(period=paris_day(moment)).exists():
            continue
        edition = build_edition(letter, moment=moment)
        if edition is not None:
            built.append(edition)
    return built


def last_set_time(letter: Letter, *, now: datetime) -> datetime:
    """The latest of the letter's set times at or before `now` (Paris wall-clock time, so
    7 h stays 7 h across the change to summer time)."""
    paris = timezone.get_default_timezone()
    today = timezone.localtime(now, paris).date()
    period = PERIODS[letter.frequency]
    day = today
    if letter.frequency == Letter.Frequency.WEEKLY:
        day -= timedelta(days=(today.weekday() - letter.weekday) % 7)
    moment = timezone.make_aware(datetime.combine(day, letter.send_time), paris)
    if moment > now:
        moment = timezone.make_aware(datetime.combine(day - period, letter.send_time), paris)
    return moment


def paris_day(moment: datetime) -> date:
    return timezone.localdate(moment, timezone.get_default_timezone())


def build_edition(letter: Letter, *, moment: datetime) -> Edition | None:
    """The edition of the period ending at `moment`, or None: nothing to send, or another
    round made it first."""
    articles = choose_articles(letter, start=moment - PERIODS[letter.frequency], end=moment)
    if not articles:
        logger.info("Lettre « %s » : aucun article pour l'édition automatique.", letter)
        return None
    day = paris_day(moment)
    try:
        with transaction.atomic():
            edition = Edition.objects.create(
                letter=letter, subject=subject_for(letter, day), scheduled_at=moment, period=day
            )
            EditionArticle.objects.bulk_create(
                EditionArticle(edition=edition, article=article, sort_order=order)
                for order, article in enumerate(articles)
            )
    except IntegrityError:  # the same period, made by another worker since our check
        return None
    return edition


def subject_for(letter: Letter, day: date) -> str:
    """« La matinale du 2 décembre 2026 », in the site's language whoever runs the round."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("%(letter)s of %(date)s") % {
            "letter": letter.title,
            "date": long_date(day).removeprefix("le" + NBSP),
        }


def choose_articles(letter: Letter, *, start: datetime, end: datetime) -> list[ArticlePage]:
    pages = ArticlePage.objects.visible().filter(
        first_published_at__gt=start, first_published_at__lte=end
    )
    sections = list(letter.sections.all())
    if sections:
        within = Q()
        for section in sections:
            within |= Q(path__startswith=section.path)
        pages = pages.filter(within)
    sent_before = EditionArticle.objects.filter(edition__letter=letter).values("article_id")
    candidates = list(pages.exclude(pk__in=sent_before))
    chosen_by_la_une = {pk: rank for rank, pk in enumerate(la_une_choices())}
    figures = popularity.reads((article.pk for article in candidates), start=start, end=end)
    candidates.sort(
        key=lambda article: (
            chosen_by_la_une.get(article.pk, len(chosen_by_la_une)),
            -figures.get(article.pk, 0),
            -article.first_published_at.timestamp(),
            -article.pk,
        )
    )
    return candidates[: letter.article_count]


def la_une_choices() -> list[int]:
    """The lead story, then the featured stories, of each live home page, as published."""
    ids = []
    for home in HomePage.objects.live().prefetch_related("featured_items"):
        for pk in [home.lead_story_id, *(item.article_id for item in home.featured_items.all())]:
            if pk and pk not in ids:
                ids.append(pk)
    return ids
