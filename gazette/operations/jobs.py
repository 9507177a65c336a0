"""The periodic jobs, as the admin shows them: what each does, when it runs next, how its last
run ended. The queue has no periodic tasks of its own (`gazette/core/periodic.py`): a job
whose next run is missing has lost its chain, which this page makes visible at once."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Min
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gazette.audience.tasks import update_audience
from gazette.comments.tasks import erase_comment_ips
from gazette.news.scheduling import publish_scheduled


@dataclass(frozen=True)
class Job:
    task_path: str
    label: Promise
    frequency: Promise


JOBS = [
    Job(
        erase_comment_ips.module_path,
        _("Erasure of commenters' IP addresses"),
        _("daily"),
    ),
    Job(
        update_audience.module_path,
        _("Audience counters, « Les + Lus », erasure of past days' salts and visitor digests"),
        _("every minute"),
    ),
    Job(
        publish_scheduled.module_path,
        _("Scheduled publishing"),
        _("at the time set by the editor"),
    ),
]


@dataclass
class JobState:
    job: Job
    next_run: datetime | None
    last: DBTaskResult | None

    @property
    def due_now(self) -> bool:
        """Queued without a date: django-tasks-db stores the largest date it can."""
        return self.next_run is not None and self.next_run.year == 9999


def job_states() -> list[JobState]:
    """One query for the next runs, one per job for its last run: four, however many results
    are stored (`prune_db_task_results` keeps that number down)."""
    paths = [job.task_path for job in JOBS]
    waiting = dict(
        DBTaskResult.objects.filter(task_path__in=paths, status=TaskResultStatus.READY)
        .values_list("task_path")
        .annotate(next_run=Min("run_after"))
    )
    finished = DBTaskResult.objects.filter(
        task_path__in=paths,
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
    ).order_by("task_path", "-finished_at")
    last: dict[str, DBTaskResult] = {}
    for path in paths:
        result = finished.filter(task_path=path).first()
        if result:
            last[path] = result
    return [JobState(job, waiting.get(job.task_path), last.get(job.task_path)) for job in JOBS]
