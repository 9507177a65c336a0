"""Scheduled publishing that fires by itself.

When an editor schedules a page, Wagtail stores a revision with `approved_go_live_at`; we
enqueue, on the configured django-tasks backend (the database in the embedded shape), one run
of Wagtail's own `publish_scheduled` for that moment. The task lives in the database, so a
worker that was down runs it when it comes back; a rescheduled page simply gets another run,
and a run with nothing due does nothing.
"""

import logging
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)
LATE_AFTER = timedelta(minutes=2)


@task()
def publish_scheduled(due: str | None = None) -> None:
    if due and timezone.now() - parse_datetime(due) > LATE_AFTER:
        logger.warning("Publication programmée pour %s exécutée en retard.", due)
    call_command("publish_scheduled", verbosity=0)


def schedule_publication(when: datetime) -> None:
    """After the commit: the worker must find the revision it is asked to publish."""

    def enqueue():
        task_ = publish_scheduled
        if default_task_backend.supports_defer:
            task_ = task_.using(run_after=when)
        task_.enqueue(due=when.isoformat())

    transaction.on_commit(enqueue)
