from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gazette.comments.tasks import erase_comment_ips
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER, ensure_newsroom
from gazette.news.tests.factories import fr

pytestmark = pytest.mark.django_db(transaction=True)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE


def test_ip_erasure_runs_from_the_queue_and_shows_in_the_admin(client, queue):
    """The worker runs the erasure, which queues tomorrow's run; the admin shows both."""
    DBTaskResult.objects.all().delete()  # what the test database's `migrate` queued
    erase_comment_ips.enqueue()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    runs = DBTaskResult.objects.filter(task_path=erase_comment_ips.module_path)
    assert runs.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1
    (next_run,) = runs.filter(status=TaskResultStatus.READY).values_list("run_after", flat=True)
    assert next_run > timezone.now() + timezone.timedelta(hours=23)

    admin = get_user_model().objects.create_superuser("admin", "admin@exemple.fr", "x")
    client.force_login(admin)
    html = unescape(client.get(reverse("operations_jobs")).content.decode())
    assert fr("Erasure of commenters' IP addresses") in html
    assert fr("succeeded") + " (0)" in html
    assert fr("never") in html  # the audience update and scheduled publishing have not run


def test_migrate_starts_the_audience_chain_that_erases_salts(queue):
    DBTaskResult.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what migrate ends with
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert set(waiting.values_list("task_path", flat=True)) >= {
        "gazette.audience.tasks.update_audience",
        "gazette.comments.tasks.erase_comment_ips",
    }


@pytest.mark.parametrize(
    ("group", "allowed"), [(EDITOR, True), (WRITER, False), (MODERATOR, False)]
)
def test_jobs_page_is_for_editors_and_administrators_and_only_reads(client, group, allowed):
    ensure_newsroom()
    user = get_user_model().objects.create_user("edith")
    user.groups.add(*user.groups.model.objects.filter(name=group))
    client.force_login(user)
    jobs_url = reverse("operations_jobs")
    assert (client.get(jobs_url).status_code == 200) is allowed
    assert (jobs_url in client.get(reverse("wagtailadmin_home")).content.decode()) is allowed
    assert client.post(jobs_url).status_code == (405 if allowed else 302)  # 302: refused
