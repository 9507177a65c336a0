import json

import pytest
from django.db import connections

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # discard port: nothing listens
    }
}


def test_alive_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sante/vivant")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_ready_when_everything_answers(client):
    response = client.get("/sante/pret")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "task_queue": "ok", "migrations": "ok"},
    }
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_ready_is_503_when_redis_is_down(client, settings):
    settings.CACHES = REDIS_DOWN
    response = client.get("/sante/pret")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "failed",
        "task_queue": "ok",
        "migrations": "ok",
    }


@pytest.fixture
def database_down():
    """The default connection pointed at nothing: a closed port on PostgreSQL, a file in a
    folder that does not exist on SQLite. The real server is never touched. The open SQLite
    connection is set aside, not closed: the test database lives in memory."""
    connection = connections["default"]
    saved_settings, saved_connection = dict(connection.settings_dict), connection.connection
    if connection.vendor == "postgresql":
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT="9")
    else:
        connection.connection = None
        connection.settings_dict["NAME"] = "/nonexistent/folder/gazette.sqlite3"
    yield
    if connection.vendor == "postgresql":
        connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved_settings)
    connection.connection = saved_connection if connection.vendor == "sqlite" else None


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_not_500_when_the_database_is_down(client, database_down):
    response = client.get("/sante/pret")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "failed"
    assert body["checks"]["cache"] == "ok"
    assert body["status"] == "failed"


def test_ready_is_503_with_unapplied_migrations(client, monkeypatch):
    from gazette.operations import health

    monkeypatch.setattr(health, "pending_migrations", lambda: ["news.9999_future"])
    response = client.get("/sante/pret")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "failed"


@pytest.mark.parametrize("path", ["/sante/vivant", "/sante/pret"])
def test_health_leaks_no_version_or_error_text(client, settings, path):
    settings.CACHES = REDIS_DOWN
    raw = client.get(path).content.decode()
    assert set(json.loads(raw)) <= {"status", "checks"}
    for leak in ("Django", "Wagtail", "Error", "redis://", "Traceback", "0.1.0"):
        assert leak not in raw
