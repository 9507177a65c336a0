"""IP erasure runs by itself: the daily task on the real database queue and its worker."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gazette.comments.models import Comment
from gazette.comments.tasks import erase_comment_ips, schedule_ip_erasure
from gazette.news.tests.factories import make_article, make_home, make_section

from .factories import make_comment

pytestmark = pytest.mark.django_db(transaction=True)  # the worker closes its connection


def waiting_runs():
    return DBTaskResult.objects.filter(task_path=erase_comment_ips.module_path, status="READY")


def test_erasure_runs_on_the_queue_and_queues_tomorrows_run(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = make_article(make_section(make_home(), "Monde"), "Un article")
    old = make_comment(article, ip_address="203.0.113.7")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = make_comment(article, "Un autre avis.", ip_address="203.0.113.8")

    schedule_ip_erasure()
    schedule_ip_erasure()  # restarting the chain never doubles it
    assert waiting_runs().count() == 1

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    assert Comment.objects.get(pk=old.pk).ip_address is None
    assert Comment.objects.get(pk=recent.pk).ip_address == "203.0.113.8"
    next_run = waiting_runs().get()
    assert next_run.run_after - timezone.now() > timedelta(hours=23)
