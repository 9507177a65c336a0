"""Test set-up shared by every app: the database under test is printed, `postgres`-marked
tests skip on SQLite, and background tasks run inline unless a test asks for the queue."""

import pytest
from django.db import connection

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        import sqlite3

        return f"database: SQLite {sqlite3.sqlite_version}"
    return f"database: {engine} at {settings.DATABASES['default'].get('HOST')}"


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL (make test does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _inline_tasks(settings):
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Uploaded and generated images go to a throwaway folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests run without `collectstatic`: the hashed-name storage would have no manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
