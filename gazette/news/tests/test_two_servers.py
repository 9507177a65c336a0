"""Scale-out: two app servers (granian, as `make serve` runs them) on different ports, sharing
PostgreSQL and Redis and nothing else. An editor publishes through one; readers of the other
see it on their next request, because the purge reached the cache both read."""

import http.cookiejar
import os
import re
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection

from gazette.core.tests.servers import free_port, wait_until_listening

from .factories import make_article, make_home, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres, pytest.mark.system]

GRANIAN = Path(django_settings.BASE_DIR) / ".venv" / "bin" / "granian"
PASSWORD = "deux-serveurs-un-site"


@pytest.fixture
def servers():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL (make test's PostgreSQL run sets it)")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "GAZETTE_SECRET_KEY": "deux-serveurs-" + "x" * 40,
        "GAZETTE_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "GAZETTE_VAR_DIR": tempfile.mkdtemp(prefix="gazette-two-servers-"),
        "GAZETTE_LOG_LEVEL": "WARNING",
    }
    # As `make serve` does first: the hashed static files the pages name.
    subprocess.run(
        [str(GRANIAN.parent / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=django_settings.BASE_DIR,
        env=env,
        check=True,
    )
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    str(GRANIAN),
                    "--interface",
                    "wsgi",
                    "gazette.wsgi:application",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--workers",
                    "1",
                    "--blocking-threads",
                    "2",
                    "--no-access-log",
                ],
                cwd=django_settings.BASE_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    for process, url in zip(processes, urls, strict=True):
        wait_for(process, url)
    yield urls
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def wait_for(process, url):
    wait_until_listening(process, int(url.rsplit(":", 1)[1]), "granian")


def get(url: str) -> tuple[int, str | None, str]:
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers["X-Gazette-Cache"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Gazette-Cache"], ""


class Editor:
    """A browser-like session on one server: cookies, and the CSRF token of each form."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Host": "localhost", "Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()

    def submit(self, path: str, **fields):
        _, form = self.open(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        return self.open(path, {"csrfmiddlewaretoken": token, **fields})


def test_a_publish_on_one_server_shows_on_the_other(servers):
    one, two = servers
    home = make_home()
    monde = make_section(home, "Monde")
    article = make_article(monde, "Première version")
    get_user_model().objects.create_superuser("chef", "chef@gazette.invalid", PASSWORD)
    path = article.url

    # The first page computes « Les + Lus », whose first announcement purges every page.
    assert get(one + "/")[0] == 200
    # One cache for both: what a reader of one server stored, a reader of the other gets.
    assert get(one + path)[:2] == (200, "miss")
    assert get(two + path)[:2] == (200, "hit")
    assert get(two + "/monde/")[:2] == (200, "miss")

    article.refresh_from_db()
    article.title = "Seconde version"
    article.save_revision()  # a draft, published below through server one's admin
    editor = Editor(one)
    status, _ = editor.submit("/admin/login/", username="chef", password=PASSWORD)
    assert status == 200
    status, _ = editor.submit(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/")
    assert status == 200

    status, cache, body = get(two + path)
    assert (status, cache) == (200, "miss") and "Seconde version" in body
    assert "Seconde version" in get(two + "/monde/")[2]

    status, _ = editor.submit(f"/admin/pages/{article.pk}/unpublish/")
    assert status == 200
    assert get(two + path)[0] == 404
    assert get(one + path)[0] == 404
