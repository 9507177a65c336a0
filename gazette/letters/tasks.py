"""Background work of the newsletters (django-tasks): confirmation e-mails and sending rounds.

E-mail leaves the request: a slow mail server must not keep a reader waiting, and a failed
confirmation is recorded by the task backend. Editions go out in batches, each a short task
that queues the next; a round every minute makes the automatic editions (automatic.py),
starts the editions that are due and resumes any send that a stopped worker left unfinished,
so nothing depends on a chain that could break.
"""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from gazette.core.periodic import enqueue_unless_waiting

from .automatic import build_due_editions
from .messages import confirmation_message
from .models import ConsentRecord, Edition, Letter, Subscriber
from .sending import open_edition, send_batch, to_send

logger = logging.getLogger(__name__)

ROUND_EVERY = timedelta(minutes=1)


@task()
def send_confirmation(subscriber_id: int, letter_ids: list[int], consent_id: int) -> int:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not ConsentRecord.objects.filter(pk=consent_id).exists():
        return 0  # erased at the reader's request in the meantime
    letters = list(Letter.objects.filter(pk__in=letter_ids))
    return confirmation_message(subscriber, letters, consent_id=consent_id).send()


@task()
def send_edition_batch() -> int:
    sent = send_batch()
    if sent and to_send().exists():
        start_sending()
    return sent


@task()
def sending_round() -> None:
    """Make the automatic editions due, start what is due, resume what was left."""
    try:
        try:
            build_due_editions(now=timezone.now())
        except Exception:  # a broken automatic edition must not hold back the others
            logger.exception("Lettres : l'édition automatique a échoué.")
        due = Edition.objects.filter(
            Q(status=Edition.Status.SCHEDULED, scheduled_at__lte=timezone.now())
        )
        for edition_id in due.values_list("pk", flat=True):
            open_edition(edition_id)
        if to_send().exists():
            start_sending()
    finally:
        schedule_sending_round(after=ROUND_EVERY)


def schedule_sending_round(*, after: timedelta = timedelta(0)) -> None:
    enqueue_unless_waiting(sending_round, after=after)


def start_sending() -> None:
    """Right away where the queue runs tasks as they come (tests, inline backends); the worker
    otherwise, with the rounds behind it if this run is lost."""
    if default_task_backend.supports_defer:
        enqueue_unless_waiting(send_edition_batch)
    else:
        send_edition_batch.enqueue()
