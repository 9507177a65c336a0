"""The automatic edition: made at the letter's set time from its sections' articles, la une's
choices first, then the most read; once per period whatever runs the round, then sent like
any other edition, to a real SMTP server on loopback."""

import threading
from collections import Counter
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from gazette.letters import automatic
from gazette.letters.models import Edition, EditionArticle, Letter, Weekday
from gazette.letters.tasks import sending_round
from gazette.news import popularity
from gazette.news.models import ArticlePage, HomeFeatured, HomePage
from gazette.news.tests.factories import make_article, make_section

from .test_sending import readers

PARIS = timezone.get_default_timezone()


def paris(*args) -> datetime:
    return timezone.make_aware(datetime(*args), PARIS)


def published(article, when):
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when)
    return article


@pytest.fixture
def figures(monkeypatch):
    """The reads « Les + Lus » ranks by, as the audience app would report them."""
    counts = {}
    monkeypatch.setattr(popularity, "_counter", lambda ids, start, end: counts)
    return counts


@pytest.mark.parametrize(
    ("frequency", "weekday", "now", "expected"),
    [
        ("daily", 0, paris(2026, 12, 2, 6, 59), paris(2026, 12, 1, 7)),
        ("daily", 0, paris(2026, 12, 2, 7), paris(2026, 12, 2, 7)),
        ("daily", 0, paris(2026, 3, 29, 7, 30), paris(2026, 3, 29, 7)),  # summer time began
        ("weekly", Weekday.FRIDAY, paris(2026, 12, 2, 12), paris(2026, 11, 27, 7)),  # a Wednesday
        ("weekly", Weekday.WEDNESDAY, paris(2026, 12, 2, 6), paris(2026, 11, 25, 7)),
        ("weekly", Weekday.WEDNESDAY, paris(2026, 12, 2, 8), paris(2026, 12, 2, 7)),
    ],
)
def test_the_last_set_time_is_on_the_paris_clock(frequency, weekday, now, expected):
    letter = Letter(frequency=frequency, weekday=weekday, send_time=time(7))
    assert automatic.last_set_time(letter, now=now) == expected


@pytest.mark.django_db
def test_la_une_first_then_the_most_read_of_the_letters_sections(letter, section, figures):
    home = HomePage.objects.get()
    culture = make_section(home, "Culture")
    morning = paris(2026, 12, 2, 7)
    yesterday = morning - timedelta(hours=10)
    read = published(make_article(section, "Très lu"), yesterday)
    less = published(make_article(section, "Moins lu"), yesterday)
    published(make_article(section, "Pas encore lu"), morning - timedelta(hours=1))
    chosen = published(make_article(section, "Choisi par la une"), yesterday)
    elsewhere = published(make_article(culture, "Très lu ailleurs"), yesterday)
    published(make_article(section, "D'avant-hier"), morning - timedelta(days=2))
    figures.update({read.pk: 100, less.pk: 10, elsewhere.pk: 1000, chosen.pk: 0})
    home.featured_items = [HomeFeatured(article=chosen)]
    home.save()
    letter.sections.set([section])

    [edition] = automatic.build_due_editions(now=morning + timedelta(minutes=1))

    assert edition.subject == "La matinale du 2\u00a0décembre 2026"
    assert (edition.period, edition.scheduled_at) == (morning.date(), morning)
    assert edition.status == Edition.Status.SCHEDULED
    titles = [c.article.title for c in edition.chosen_articles.order_by("sort_order")]
    assert titles == ["Choisi par la une", "Très lu", "Moins lu", "Pas encore lu"]


@pytest.mark.django_db
def test_the_next_edition_leaves_out_what_was_sent_and_keeps_to_the_count(letter, section, figures):
    morning = paris(2026, 12, 2, 7)
    articles = [
        published(make_article(section, f"Article {n}"), morning - timedelta(hours=n + 1))
        for n in range(4)
    ]
    letter.article_count = 2
    letter.save()
    [first] = automatic.build_due_editions(now=morning)
    assert [c.article_id for c in first.chosen_articles.all()] == [a.pk for a in articles[:2]]
    published(articles[2], morning + timedelta(hours=1))  # republished date: seen again
    [second] = automatic.build_due_editions(now=morning + timedelta(days=1))
    assert [c.article_id for c in second.chosen_articles.all()] == [articles[2].pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "late"),
    [
        ({}, automatic.GRACE + timedelta(minutes=1)),  # the worker was down all morning
        ({"automatic": False}, timedelta(0)),
        ({"active": False}, timedelta(0)),
        ({"frequency": Letter.Frequency.OCCASIONAL}, timedelta(0)),
    ],
)
def test_no_edition_when_late_or_not_automatic(letter, article, change, late):
    morning = paris(2026, 12, 2, 7)
    published(article, morning - timedelta(hours=1))
    Letter.objects.filter(pk=letter.pk).update(**change)
    assert automatic.build_due_editions(now=morning + late) == []
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_a_period_without_articles_makes_nothing_until_one_comes(letter, section):
    morning = paris(2026, 12, 2, 7)
    assert automatic.build_due_editions(now=morning) == []
    published(make_article(section, "Tardif"), morning - timedelta(minutes=30))
    assert len(automatic.build_due_editions(now=morning + timedelta(minutes=5))) == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_edition_of_the_same_period(letter, article):
    morning = paris(2026, 12, 2, 7)
    published(article, morning - timedelta(hours=1))
    assert automatic.build_edition(letter, moment=morning) is not None
    # A second worker that checked before the first one's commit: its row is refused.
    assert automatic.build_edition(letter, moment=morning) is None
    assert Edition.objects.count() == 1
    assert EditionArticle.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_round_makes_and_sends_the_edition_once_however_often_it_runs(smtp, letter, article):
    addresses = readers(letter, 3)
    now = timezone.now()
    published(article, now - timedelta(hours=2))
    letter.send_time = (timezone.localtime(now, PARIS) - timedelta(minutes=1)).time()
    letter.save()
    for _run in range(3):
        sending_round.call()
    edition = Edition.objects.get()
    assert (edition.status, edition.sent_count) == (Edition.Status.SENT, 3)
    assert Counter(message["To"] for message in smtp.messages) == Counter(addresses)
    assert smtp.messages[0]["Subject"].startswith("La matinale du ")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_workers_racing_at_the_set_time_make_one_edition(letter, article):
    morning = paris(2026, 12, 2, 7)
    published(article, morning - timedelta(hours=1))
    start = threading.Barrier(8)
    made = []

    def worker():
        try:
            start.wait()
            made.extend(automatic.build_due_editions(now=morning))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert Edition.objects.count() == 1
