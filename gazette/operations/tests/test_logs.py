import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils.module_loading import import_string

from gazette.operations.jsonlog import JSONFormatter
from gazette.operations.requestlog import RequestIdFilter

pytestmark = pytest.mark.django_db


def request_lines(caplog):
    return [record for record in caplog.records if record.name == "gazette.requests"]


def test_one_line_per_request_with_id_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="gazette.requests")
    response = client.get("/sante/vivant")
    (record,) = request_lines(caplog)
    assert response["X-Request-ID"] == record.request_id
    assert len(record.request_id) == 32
    assert (record.method, record.path, record.status) == ("GET", "/sante/vivant", 200)
    assert record.duration_ms >= 0
    assert record.getMessage().startswith("GET /sante/vivant 200 ")


def test_not_found_is_logged_with_its_status(client, caplog):
    caplog.set_level(logging.INFO, logger="gazette.requests")
    client.get("/nulle-part/")
    assert [record.status for record in request_lines(caplog)] == [404]


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("varnish-1a2b3c4d", True),
        ("0f8fad5b-d9cb-469f-a165-70867728950e", True),
        ("court", False),
        ("x" * 65, False),
        ("abc def ghi\nFAUX 200", False),
    ],
)
def test_incoming_request_id_kept_only_when_safe(client, incoming, kept):
    response = client.get("/sante/vivant", headers={"X-Request-ID": incoming})
    assert (response["X-Request-ID"] == incoming) is kept


def test_json_lines_carry_the_request_fields_and_the_traceback():
    record = logging.LogRecord(
        "gazette.requests", logging.ERROR, __file__, 1, "GET %s", ("/",), None
    )
    record.status, record.request_id = 500, "abcdef123456"
    try:
        raise ValueError("boum")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "GET /"
    assert entry["status"] == 500 and entry["request_id"] == "abcdef123456"
    assert entry["level"] == "ERROR"
    assert "ValueError: boum" in entry["traceback"]


def test_records_outside_requests_get_a_dash():
    record = logging.LogRecord("gazette", logging.INFO, __file__, 1, "tâche", (), None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def settings_in_subprocess(env: dict, code: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gazette.settings", **env},
        cwd=Path(django_settings.BASE_DIR),
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip()


@pytest.mark.system
def test_sentry_starts_with_a_dsn_even_when_unreachable():
    """No network here: a DSN on a closed local port must still let the site start."""
    code = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    dsn = "http://0123456789abcdef@127.0.0.1:9/1"
    assert settings_in_subprocess({"GAZETTE_SENTRY_DSN": dsn}, code) == "True"


@pytest.mark.system
def test_json_logs_and_no_sentry_by_default():
    code = (
        "import sentry_sdk; from django.conf import settings; "
        "print(settings.LOGGING['handlers']['console']['formatter'], "
        "sentry_sdk.get_client().is_active())"
    )
    env = {"GAZETTE_LOG_FORMAT": "json", "GAZETTE_SENTRY_DSN": ""}
    assert settings_in_subprocess(env, code) == "json False"


def test_error_is_logged_with_its_traceback_and_request_id(client, settings, caplog):
    settings.ROOT_URLCONF = "gazette.operations.tests.urls_failing"
    client.raise_request_exception = False
    response = client.get("/panne/")
    assert response.status_code == 500
    (error,) = [record for record in caplog.records if record.name == "django.request"]
    assert error.levelname == "ERROR" and error.exc_info[0] is RuntimeError
    assert error.request_id == response["X-Request-ID"]
    (line,) = request_lines(caplog)
    assert (line.status, line.request_id) == (500, response["X-Request-ID"])


def text_formatter() -> logging.Formatter:
    """The text formatter as settings.LOGGING makes it."""
    config = django_settings.LOGGING["formatters"]["text"]
    return import_string(config["class"])(config["format"])


@pytest.mark.parametrize("control", ["%0a", "%0d%0a", "%1b[2J", "%c2%85", "%e2%80%a8"])
def test_a_path_cannot_forge_a_line_in_the_text_log(client, caplog, control):
    caplog.set_level(logging.INFO, logger="gazette.requests")
    forged = "2026-12-01 09:00:00,000 INFO gazette.requests [x] POST /admin/login/ 302 1.0ms"
    client.get(f"/nulle-part{control}{forged.replace(' ', '%20')}/")
    (record,) = request_lines(caplog)
    assert (
        "\n" in record.path
        or "\x1b" in record.path
        or "\x85" in record.path
        or ("\u2028" in record.path)
    )
    RequestIdFilter().filter(record)

    line = text_formatter().format(record)

    assert line.splitlines() == [line]
    assert not any(character in line for character in "\r\n\x1b\x85\u2028")
    assert "\\" in line and forged in line  # still there to read, escaped


def test_a_traceback_keeps_its_lines_in_the_text_log():
    try:
        raise ValueError("boum")
    except ValueError:
        record = logging.LogRecord("gazette", logging.ERROR, __file__, 1, "a\nb", (), None)
        record.exc_info = sys.exc_info()
    record.request_id = "-"
    lines = text_formatter().format(record).splitlines()
    assert lines[0].endswith("a\\nb") and lines[-1] == "ValueError: boum"


@pytest.mark.parametrize(
    ("trusted", "peer", "logged"),
    [("127.0.0.1", "127.0.0.1", "198.51.100.7"), ("127.0.0.1", "203.0.113.9", "203.0.113.9")],
)
def test_the_client_address_is_logged_as_comments_see_it(
    client, caplog, settings, trusted, peer, logged
):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    caplog.set_level(logging.INFO, logger="gazette.requests")
    client.get("/sante/vivant", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR="198.51.100.7")
    (record,) = request_lines(caplog)
    assert record.client == logged
    assert record.getMessage().endswith(f"ms {logged}")
    assert json.loads(JSONFormatter().format(record))["client"] == logged
