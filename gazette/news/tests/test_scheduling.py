"""Scheduled publishing fires through the real task queue (django-tasks' database backend and
its worker), not through a test double."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from gazette.news.models import ArticlePage

from .factories import make_article, make_home, make_section

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_TASKS


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_scheduled_article_goes_live_when_the_worker_runs(
    queue, django_capture_on_commit_callbacks
):
    """Time is moved rather than waited for: the worker also runs the other jobs the publish
    queued (the images' renditions), which on a loaded machine outlasted a short wait."""
    section = make_section(make_home(), "Monde")
    article = make_article(section, "Une page programmée", live=False)
    go_live = timezone.now() + timedelta(hours=1)
    article.go_live_at = go_live
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    job = DBTaskResult.objects.get(task_path__endswith="scheduling.publish_scheduled")
    assert abs(job.run_after - go_live) < timedelta(seconds=1)
    run_worker()  # not due yet: the worker leaves it
    assert not ArticlePage.objects.get(pk=article.pk).live

    an_hour_later = timedelta(hours=1, seconds=1)  # as the clock would be then
    DBTaskResult.objects.filter(pk=job.pk).update(run_after=job.run_after - an_hour_later)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at -= an_hour_later
        revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    run_worker()
    assert ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.django_db(transaction=True)
def test_expired_article_is_unpublished_by_the_worker(queue, django_capture_on_commit_callbacks):
    section = make_section(make_home(), "Monde")
    article = make_article(section, "Une page éphémère", live=False)
    article.expire_at = timezone.now() + timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).live

    time.sleep(1.2)
    run_worker()
    assert not ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.django_db
def test_unscheduled_publish_enqueues_nothing(queue, django_capture_on_commit_callbacks):
    section = make_section(make_home(), "Monde")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(section, "Publiée tout de suite")
    assert not DBTaskResult.objects.filter(task_path__endswith="publish_scheduled").exists()
