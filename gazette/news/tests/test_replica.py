"""The read replica serves anonymous readers only. The « replica » here is a copy of the test
database taken at one moment, then left behind by a change on the primary: a reader sees the
copy's title, a logged-in editor the primary's."""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection

from gazette.news.models import ArticlePage

from .factories import make_article, make_home, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres, pytest.mark.system]

READ_AS_READER_AND_EDITOR = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings
plain = {{**settings.STORAGES, "staticfiles": {{
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}}}
override_settings(STORAGES=plain).enable()  # no collectstatic here
url = {url!r}
reader = Client().get(url).content.decode()
editor = Client()
editor.force_login(get_user_model().objects.get(username="chef"))
seen = editor.get(url).content.decode()
print("reader:", "copie" if "Titre de la copie" in reader else "primaire")
print("editor:", "copie" if "Titre de la copie" in seen else "primaire")
"""


@pytest.fixture
def replica_copy():
    db = connection.settings_dict
    copy_name = db["NAME"] + "_replica"
    admin_dsn = f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname=postgres"
    connection.close()  # a template database must have no session
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        # Nor one left by this worker's earlier tests (a server thread's, a background
        # writer's): the test database is this worker's alone, so nothing else is cut off.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [db["NAME"]],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
        admin.execute(f'CREATE DATABASE "{copy_name}" TEMPLATE "{db["NAME"]}"')
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{copy_name}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy_name}" WITH (FORCE)')


@pytest.fixture
def article():
    article = make_article(make_section(make_home(), "Monde"), "Titre de la copie")
    get_user_model().objects.create_superuser("chef", "chef@gazette.invalid", "x" * 20)
    return article


def test_anonymous_readers_read_the_replica_and_editors_the_primary(article, replica_copy):
    ArticlePage.objects.filter(pk=article.pk).update(title="Titre du primaire")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_REPLICA_URL": replica_copy,
        "GAZETTE_PAGE_CACHE": "0",
        "GAZETTE_ALLOWED_HOSTS": "testserver,localhost",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            READ_AS_READER_AND_EDITOR.format(url=article.url),
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "reader: copie" in result.stdout
    assert "editor: primaire" in result.stdout
