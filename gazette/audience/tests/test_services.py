"""Counting, on both backends: who counts once, what is refused, where the counts land, what
is forgotten when the day is over."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from gazette.audience.backends import get_backend
from gazette.audience.backends.redis import key
from gazette.audience.models import DailySalt, HourlyCount, ReferrerCount, VisitorDigest
from gazette.audience.services import purge_visitor_data
from gazette.news.tests.factories import make_article

from .readers import NOON, REDIS_URL, needs_redis, read, stored_views

pytestmark = pytest.mark.django_db


def test_a_visitor_counts_once_per_article_per_day(mode, article):
    for minutes in (0, 5, 300):
        assert read(article, now=NOON + timedelta(minutes=minutes))

    assert stored_views(article=article) == 1


def test_the_same_visitor_counts_again_the_next_day(mode, article):
    read(article)
    read(article, now=NOON + timedelta(days=1))

    assert stored_views(article=article) == 2


@pytest.mark.parametrize(
    "other",
    [
        {"ip": "198.51.100.20"},
        {"user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"},
        {"ip": "2001:db8::1"},
    ],
)
def test_another_visitor_counts(mode, article, other):
    read(article)
    read(article, **other)

    assert stored_views(article=article) == 2


def test_the_same_visitor_counts_once_per_article(mode, monde, article):
    other = make_article(monde, "Un autre article")
    read(article)
    read(other)

    assert stored_views() == 2


def test_unknown_and_draft_articles_are_refused_and_leave_no_trace(mode, monde, article):
    draft = make_article(monde, "Brouillon", live=False)

    assert not read(draft)
    assert not read(type(article)(pk=999_999))
    assert stored_views() == 0
    assert not VisitorDigest.objects.exists()


def test_an_unpublished_article_is_refused_from_then_on(
    mode, article, django_capture_on_commit_callbacks
):
    read(article)  # the backend now knows the article
    article.refresh_from_db()  # the instance built by the factory still says « draft »
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert not read(article, ip="198.51.100.20")
    assert stored_views() == 1


def test_a_newly_published_article_is_accepted_at_once(
    mode, monde, article, django_capture_on_commit_callbacks
):
    read(article)
    with django_capture_on_commit_callbacks(execute=True):
        fresh = make_article(monde, "Tout juste publié")

    assert read(fresh)


def test_reads_land_in_the_hour_they_happened(mode, article):
    read(article, now=NOON + timedelta(minutes=59))
    read(article, now=NOON + timedelta(minutes=61), ip="198.51.100.20")

    hours = dict(HourlyCount.objects.values_list("hour", "views")) if stored_views() else {}
    assert hours == {NOON: 1, NOON + timedelta(hours=1): 1}


def test_referring_sites_are_counted_per_day_by_host_only(mode, article):
    read(article, referrer="news.google.com")
    read(article, referrer="news.google.com", ip="198.51.100.20")
    read(article, referrer="news.google.com")  # the same visitor again: not a new read

    stored_views()
    assert list(ReferrerCount.objects.values_list("day", "domain", "views")) == [
        (NOON.date(), "news.google.com", 2)
    ]


def test_past_days_salts_and_digests_are_destroyed_in_embedded_mode(settings, article):
    settings.REDIS_URL = ""
    read(article)
    assert DailySalt.objects.filter(day=NOON.date()).exists()

    read(article, now=NOON + timedelta(days=1))  # the first write of a new day purges

    assert set(DailySalt.objects.values_list("day", flat=True)) == {NOON.date() + timedelta(1)}
    assert set(VisitorDigest.objects.values_list("day", flat=True)) == {NOON.date() + timedelta(1)}
    assert stored_views() == 2


def test_purge_removes_whatever_is_left_of_past_days(mode, article):
    read(article)
    two_days_later = NOON + timedelta(days=2)
    # A salt and a digest; in Redis, the set of digests and the hash of places.
    left = 3 if mode == "redis" else 2

    assert purge_visitor_data(now=two_days_later, dry_run=True) == left
    assert purge_visitor_data(now=two_days_later) == left

    assert purge_visitor_data(now=two_days_later, dry_run=True) == 0
    assert not DailySalt.objects.exists() and not VisitorDigest.objects.exists()
    assert stored_views() == 1  # the aggregated count stays


@needs_redis
def test_redis_salt_and_digests_expire_at_local_midnight(settings, article):
    settings.REDIS_URL = REDIS_URL
    read(article)
    midnight = timezone.make_aware(datetime.combine(NOON.date() + timedelta(days=1), time.min))

    for name in (f"salt:{NOON.date()}", f"seen:{NOON.date()}"):
        assert get_backend().client.expiretime(key(name)) == int(midnight.timestamp())


@needs_redis
def test_a_batch_found_again_after_a_crash_is_not_counted_twice(settings, article):
    settings.REDIS_URL = REDIS_URL
    read(article)
    backend = get_backend()
    backend.client.rename(key("counts"), key("flush:crashed"))  # a flush died after RENAME
    counters = backend.client.hgetall(key("flush:crashed"))

    backend.flush()  # picks the batch up, adds it, records its id, deletes it
    backend.client.hset(key("flush:crashed"), mapping=counters)  # as if the delete was lost
    backend.flush()

    assert HourlyCount.objects.get(article=article).views == 1
    assert not backend.client.exists(key("flush:crashed"))


@needs_redis
def test_a_lost_article_set_is_rebuilt_from_the_database(settings, article):
    settings.REDIS_URL = REDIS_URL
    read(article)
    get_backend().client.delete(key("articles"))  # Redis restarted without persistence

    assert read(article, ip="198.51.100.20")
    assert not read(type(article)(pk=999_999))
    assert stored_views() == 2


def test_the_apps_beside_audience_read_its_figures_through_news(article, home):
    from gazette.news import popularity

    other = make_article(home.get_children().first().specific, "Peu lu")
    noon = timezone.make_aware(datetime(2026, 12, 1, 12))
    for hour, views in [(noon - timedelta(hours=1), 40), (noon, 2), (noon + timedelta(days=1), 99)]:
        HourlyCount.objects.create(article=article, hour=hour, views=views)
    HourlyCount.objects.create(article=other, hour=noon, views=3)
    figures = popularity.reads(
        [article.pk, other.pk], start=noon - timedelta(hours=12), end=noon + timedelta(hours=1)
    )
    assert figures == {article.pk: 42, other.pk: 3}
