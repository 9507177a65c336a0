"""Simulated readers for the audience tests: a fixed clock, one browser, and what the admin
would see once the counters are flushed."""

import os
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from gazette.audience.backends.redis import PREFIX
from gazette.audience.models import HourlyCount
from gazette.audience.services import count_read, flush_counts

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(
    not REDIS_URL, reason="needs Redis: run with REDIS_URL (make test's PostgreSQL run sets it)"
)
# Tomorrow, 10 h in Paris: far from midnight and from a change of time, and in the future,
# so that Redis does not expire the day's keys the moment they are written.
NOON = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(10)))
READER = {"ip": "203.0.113.7", "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


def read(article, *, now=NOON, referrer="", **reader) -> bool:
    return count_read(article_id=article.pk, referrer=referrer, now=now, **{**READER, **reader})


def stored_views(**filters) -> int:
    flush_counts()
    return HourlyCount.objects.filter(**filters).total()


def flush_redis_prefix() -> None:
    """Only our keys, in the test Redis database: other apps' cache entries stay."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    names = list(client.scan_iter(match=PREFIX + "*", count=1000))
    if names:
        client.delete(*names)
