"""The periodic task, its self-scheduling and the purge command."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gazette.audience.models import DailySalt, HourlyCount, VisitorDigest
from gazette.audience.services import MOST_READ_KEY
from gazette.audience.tasks import schedule_audience_updates, update_audience

from .readers import NOON, read

pytestmark = pytest.mark.django_db


def test_the_task_flushes_the_counters_and_refreshes_the_list(mode, article):
    read(article)

    update_audience.enqueue()  # run inline in tests

    assert HourlyCount.objects.get(article=article).views == 1
    assert cache.get(MOST_READ_KEY) is not None


def test_scheduling_queues_one_run_whatever_the_callers(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    for _ in range(3):
        schedule_audience_updates()

    waiting = DBTaskResult.objects.filter(
        task_path=update_audience.module_path, status=TaskResultStatus.READY
    )
    assert waiting.count() == 1


def test_purge_command_destroys_past_salts_and_can_just_count(settings, article):
    settings.REDIS_URL = ""
    read(article)
    for model in (DailySalt, VisitorDigest):
        model.objects.update(day=NOON.date().replace(year=2020))
    out = StringIO()

    call_command("purge_audience_salts", "--dry-run", stdout=out)
    assert DailySalt.objects.exists()
    assert "Sels et empreintes des jours passés à supprimer : 2." in out.getvalue()

    call_command("purge_audience_salts", stdout=out)
    assert not DailySalt.objects.exists() and not VisitorDigest.objects.exists()
    assert HourlyCount.objects.get().views == 1
