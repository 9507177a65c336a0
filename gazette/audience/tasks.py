"""Periodic audience work on the task queue (django-tasks), which has no periodic tasks: each
run of `update_audience` enqueues the next one (`run_after`), like scheduled publishing.

A chain can break (a worker killed mid-task leaves its row « running »), so it is also
restarted after every `migrate`, whenever « Les + Lus » is found stale, and when an editor
opens the audience pages; `schedule_audience_updates` never queues a second run while one
is waiting.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from gazette.core.periodic import enqueue_unless_waiting

from . import services
from .backends import get_backend

FLUSH_EVERY = timedelta(seconds=60)


@task()
def update_audience() -> int:
    """Flush the counters, forget past days' salts and digests, and refresh « Les + Lus »
    when its period is up; returns the views moved to the database."""
    try:
        now = timezone.now()
        flushed = services.flush_counts()
        services.purge_visitor_data(now=now)
        get_backend().load_articles()  # repairs any drift of the live-id set
        ranking = services.stored_ranking()
        period = timedelta(seconds=settings.GAZETTE_MOST_READ_SECONDS)
        if ranking is None or now - ranking.computed_at >= period - FLUSH_EVERY / 2:
            services.refresh_most_read(now=now)
        return flushed
    finally:
        schedule_audience_updates(after=FLUSH_EVERY)


@task()
def purge_audience_salts() -> int:
    return services.purge_visitor_data(now=timezone.now())


def schedule_audience_updates(*, after: timedelta = timedelta(0)) -> None:
    enqueue_unless_waiting(update_audience, after=after)
