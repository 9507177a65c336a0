"""deploy/varnish/gazette.vcl in a real Varnish in front of the app: it stores public pages,
passes editors, and the app's purges (PURGE per path, BAN for everything) reach it."""

import re
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from gazette.core.invalidation import purge_everything
from gazette.core.tests.servers import free_port, wait_until_listening

from .factories import make_article, make_home, make_section

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "gazette.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.system,
    pytest.mark.skipif(not Path(VARNISHD).exists(), reason="varnishd is not installed"),
]


@pytest.fixture
def varnish(live_server, settings):
    """Varnish on a free port with the shipped VCL, its backend pointed at the live server.
    Its folder is readable by all: run as root, varnishd reads the VCL as its own user."""
    tmp_path = Path(tempfile.mkdtemp(prefix="gazette-varnish-"))
    tmp_path.chmod(0o755)
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1)
    (tmp_path / "gazette.vcl").write_text(vcl)
    port = free_port()
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            str(tmp_path / "work"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(tmp_path / "gazette.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_listening(process, port, "varnishd", seconds=30)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "gazette.core.frontend_cache.VarnishBackend", "LOCATION": url}
    }
    yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(tmp_path, ignore_errors=True)


def fetch(url: str, **headers) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Host": "localhost", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), ""


def test_varnish_stores_pages_and_takes_the_apps_purges(varnish):
    home = make_home()
    monde = make_section(home, "Monde")
    sport = make_section(home, "Sport")
    article = make_article(monde, "Conseil européen")
    other = make_article(sport, "Tour de France")
    paths = ["/", "/monde/", "/monde/?page=1", article.url, other.url, "/sport/"]
    for path in paths:
        assert fetch(varnish + path)[:2] == (200, "MISS"), path
        assert fetch(varnish + path)[:2] == (200, "HIT"), path

    article.refresh_from_db()
    article.title = "Conseil européen : la nuit des chefs"
    article.save_revision().publish()  # transactional test: the purge runs at the commit
    for path in paths[:4]:
        status, cache, body = fetch(varnish + path)
        assert (status, cache) == (200, "MISS"), path
        assert "la nuit des chefs" in body, path
    assert fetch(varnish + other.url)[1] == "HIT"
    assert fetch(varnish + "/sport/")[1] == "HIT"

    purge_everything()  # outside a transaction: at once, as the ranking task does
    assert fetch(varnish + other.url)[1] == "MISS"


def test_editors_and_the_admin_pass_and_purges_come_only_from_the_app(varnish, settings):
    home = make_home()
    make_section(home, "Monde")
    fetch(varnish + "/monde/")
    assert fetch(varnish + "/monde/")[1] == "HIT"
    editor = fetch(varnish + "/monde/", Cookie=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert editor[1] == "MISS"
    assert fetch(varnish + "/admin/login/")[1] == "MISS"
    assert fetch(varnish + "/admin/login/")[1] == "MISS"
    assert fetch(varnish + "/monde/?utm_source=lettre")[1] == "HIT"


def test_a_hosts_port_or_case_adds_no_copy_and_a_request_id_is_not_replayed(varnish):
    make_section(make_home(), "Monde")
    forged = "attaquant-12345678"
    request = urllib.request.Request(
        varnish + "/monde/", headers={"Host": "localhost", "X-Request-ID": forged}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get("X-Request-ID") != forged
    for host in ("localhost:8443", "LOCALHOST", "localhost:1"):
        assert fetch(varnish + "/monde/", Host=host)[:2] == (200, "HIT"), host
    request = urllib.request.Request(varnish + "/monde/", headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get("X-Cache") == "HIT"
        assert response.headers.get("X-Request-ID") != forged
