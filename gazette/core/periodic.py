"""Periodic jobs on a task queue that has none: django-tasks runs a task once, so a periodic
job queues its own next run (`run_after`) when it ends, and is (re)started after every
`migrate`. A chain can break (a worker killed mid-task), hence « unless one is waiting »:
restarting it as often as we like never doubles it."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend


def enqueue_unless_waiting(task, *, after: timedelta = timedelta(0)) -> None:
    """Backends that cannot defer (tests run tasks inline) get nothing: the run would start at
    once, and queue itself again forever."""
    if not default_task_backend.supports_defer:
        return
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    if not waiting.exists():
        task.using(run_after=timezone.now() + after).enqueue()
