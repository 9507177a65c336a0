"""deploy/nginx/ in front of the app, as `make stack` runs it: a one-second copy of what the
app marks public, nothing else kept, editors passed, the reader's address handed on, the copy
served while the app fails, and a buffered access log. That no change stays stale behind it
is proved with real app servers in gazette/operations/tests/test_never_stale_servers.py."""

import os
import signal
import time
from pathlib import Path

import pytest
from django.db import connection

from gazette.core.tests import keyed_pages
from gazette.core.tests.servers import NGINX, running_nginx

from .factories import make_home, make_section
from .test_varnish import READER, call

# On SQLite only: nginx does not care which database is behind the app, and make test's
# PostgreSQL pass is its longer one.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.system,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="run by the SQLite pass"),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed"),
]


@pytest.fixture
def nginx(live_server):
    with running_nginx([int(live_server.url.rsplit(":", 1)[1])]) as (url, folder):
        yield url, folder


@pytest.fixture
def keyed(nginx, settings):
    settings.ROOT_URLCONF = "gazette.core.tests.keyed_pages"
    keyed_pages.made.clear()
    return nginx[0]


def cache_status(url: str, **headers) -> tuple[str | None, str]:
    status, names, body = call(url, **headers)
    assert status == 200, (url, status, body)
    return names.get("x-cache"), body


def test_a_public_page_is_kept_a_second_then_asked_again_with_its_etag(keyed):
    page = f"{keyed}/cles/une/"
    assert cache_status(page) == ("MISS", "une 1")
    assert cache_status(page) == ("HIT", "une 1")
    time.sleep(2.1)  # nginx counts whole seconds: a copy of 1 s is kept one to two
    # The app answers each request anew here (no page cache for these test views): a 200,
    # and the new copy replaces the old one.
    assert cache_status(page) == ("EXPIRED", "une 2")
    assert cache_status(page) == ("HIT", "une 2")


def test_editors_the_admin_and_private_answers_are_never_kept(nginx, settings):
    url, _ = nginx
    make_section(make_home(), "Monde")
    assert call(url + "/monde/", Host="localhost")[1]["x-cache"] == "MISS"
    assert call(url + "/monde/", Host="localhost")[1]["x-cache"] == "HIT"
    editor = {"Cookie": f"{settings.SESSION_COOKIE_NAME}=abc", "Host": "localhost"}
    assert call(url + "/monde/", **editor)[1]["x-cache"] == "BYPASS"
    for _ in range(2):
        status, names, _ = call(url + "/admin/login/", Host="localhost")
        assert (status, names["x-cache"]) == (200, "MISS")
        assert "public" not in names.get("cache-control", "")


def test_only_the_app_decides_on_esi_and_readers_see_no_cache_status(keyed):
    forged = {"Surrogate-Capability": 'gazette="ESI/1.0"'}
    assert call(f"{keyed}/capacite/", **forged)[2] == ""
    assert call(f"{keyed}/capacite/", **forged)[1]["x-cache"] == "MISS"  # private: not kept
    status, names, _ = call(f"{keyed}/cles/une/", source=READER)
    assert status == 200 and "x-cache" not in names


def test_the_readers_address_reaches_the_app_and_the_access_log(nginx, settings):
    url, folder = nginx
    settings.ROOT_URLCONF = "gazette.core.tests.keyed_pages"
    settings.GAZETTE_TRUSTED_PROXIES = "127.0.0.1"
    assert call(f"{url}/adresse/", source=READER)[2] == READER
    forged = {"X-Forwarded-For": "203.0.113.9"}  # a reader's own header names nobody
    assert call(f"{url}/adresse/", source=READER, **forged)[2] == READER

    log = folder / "logs" / "access.log"
    # Reopening its logs makes nginx write what it holds (else every 64 KB or 5 s).
    os.kill(int((folder / "nginx.pid").read_text()), signal.SIGUSR1)
    deadline = time.monotonic() + 5
    while READER not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, "the access log has no line for the reader"
        time.sleep(0.1)
    assert '"GET /adresse/ HTTP/1.1" 200' in log.read_text()


def test_while_the_app_fails_readers_get_the_kept_copy(keyed):
    page = f"{keyed}/panne/"
    assert cache_status(page) == ("MISS", "panne 1")
    time.sleep(2.1)  # nginx counts whole seconds: a copy of 1 s is kept one to two
    for _ in range(3):
        assert cache_status(page) == ("STALE", "panne 1")
