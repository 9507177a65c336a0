"""deploy/varnish/gazette.vcl in a real Varnish in front of the app: it stores public pages,
passes editors, stitches ESI fragments, keeps its keys from readers, and the app's purges
(by surrogate key, PURGE per path, BAN for everything) reach it."""

import http.client
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from gazette.core.frontend_cache import VarnishBackend
from gazette.core.invalidation import purge_everything
from gazette.core.tests import keyed_pages
from gazette.core.tests.servers import VARNISHD, running_varnish

from .factories import make_article, make_home, make_section

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.system,
    pytest.mark.skipif(not Path(VARNISHD).exists(), reason="varnishd is not installed"),
]


@pytest.fixture
def varnish(live_server, settings):
    """Varnish with the shipped VCL, its backend pointed at the live server."""
    with running_varnish([int(live_server.url.rsplit(":", 1)[1])]) as url:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "gazette.core.frontend_cache.VarnishBackend", "LOCATION": url}
        }
        yield url


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


# Surrogate keys and ESI, on test pages that carry keys (gazette/core/tests/keyed_pages.py).

READER = "127.0.0.2"  # not in the VCL's `purgers`: a reader, as Varnish sees the address
CACHE_HEADERS = {"xkey", "surrogate-key", "surrogate-control", "x-gazette-path"}


@pytest.fixture
def keyed(varnish, settings):
    settings.ROOT_URLCONF = "gazette.core.tests.keyed_pages"
    keyed_pages.made.clear()
    return varnish


def call(url: str, method="GET", source="127.0.0.1", **headers):
    """One request from `source` (any 127.x address reaches Varnish on 127.0.0.1):
    its status, headers (names in lower case) and body."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request(method, parts.path, headers={"Host": "localhost", **headers})
        response = connection.getresponse()
        names = {name.lower(): value for name, value in response.getheaders()}
        return response.status, names, response.read().decode()
    finally:
        connection.close()


def seen(url: str) -> tuple[str, str]:
    """Hit or miss, and the body: the same count twice is the stored copy."""
    status, headers, body = call(url)
    assert status == 200, (url, status, body)
    return headers.get("x-cache"), body


def test_a_purge_by_key_drops_the_pages_carrying_it_and_no_other(keyed):
    urls = {name: f"{keyed}/cles/{name}/" for name in keyed_pages.KEYS}
    for name, url in urls.items():
        assert seen(url) == ("MISS", f"{name} 1")
        assert seen(url) == ("HIT", f"{name} 1")

    VarnishBackend({"LOCATION": keyed}).purge_keys(["k1"])

    assert seen(urls["une"]) == ("MISS", "une 2")
    assert seen(urls["article"]) == ("MISS", "article 2")
    assert seen(urls["sport"]) == ("HIT", "sport 1")
    assert call(keyed + "/", "PURGE", **{"xkey-purge": "section:4 inconnue"})[::2] == (
        200,
        "Purged 1\n",
    )
    assert seen(urls["sport"]) == ("MISS", "sport 2")


def test_keys_beyond_one_headers_limit_go_in_several_purges(keyed, caplog):
    """3,000 keys make 30 KB: in one header Varnish would refuse them (400), and k2 would stay."""
    sport, une = f"{keyed}/cles/sport/", f"{keyed}/cles/une/"
    seen(sport), seen(une)

    VarnishBackend({"LOCATION": keyed}).purge_keys([*(f"tag:{n}" for n in range(3000)), "k2"])

    assert [record.message for record in caplog.records if record.levelname == "ERROR"] == []
    assert seen(sport) == ("MISS", "sport 2")
    assert seen(une) == ("HIT", "une 1")


def test_a_page_with_17_kb_of_keys_is_stored_and_purged_by_any_of_them(keyed):
    page = f"{keyed}/une-chargee/"
    assert seen(page) == ("MISS", "une-chargee 1")
    assert seen(page) == ("HIT", "une-chargee 1")
    VarnishBackend({"LOCATION": keyed}).purge_keys(["article:1399"])
    assert seen(page) == ("MISS", "une-chargee 2")


def test_an_esi_fragment_is_stitched_in_and_purged_apart_from_its_page(keyed):
    page = f"{keyed}/avec-fragment/"
    assert seen(page) == ("MISS", "<p>page 1 encadre 1</p>")
    assert seen(page) == ("HIT", "<p>page 1 encadre 1</p>")
    backend = VarnishBackend({"LOCATION": keyed})

    backend.purge_keys(["comments:12"])  # a comment approved: only the fragment is made again
    assert seen(page) == ("HIT", "<p>page 1 encadre 2</p>")
    backend.purge_keys(["page"])  # the page changed: its fragment stays stored
    assert seen(page) == ("MISS", "<p>page 2 encadre 2</p>")
    assert seen(f"{keyed}/fragments/encadre/") == ("HIT", "encadre 2")


def test_readers_see_neither_the_keys_nor_the_caches_workings(keyed):
    for path in ("/cles/une/", "/avec-fragment/", "/cles/une/"):
        status, headers, _ = call(keyed + path, source=READER)
        assert status == 200
        assert not {*CACHE_HEADERS, "x-cache", "x-varnish"} & set(headers), path
        # the purgers (the app, the operator) see hit or miss, never the keys either
        status, headers, _ = call(keyed + path)
        assert not CACHE_HEADERS & set(headers), path
        assert headers["x-cache"] in {"HIT", "MISS"}


def test_only_varnish_announces_esi_and_only_the_purgers_purge(keyed):
    forged = {"Surrogate-Capability": 'attaquant="ESI/1.0"'}
    assert call(f"{keyed}/capacite/", **forged)[2] == "gazette=ESI/1.0"
    assert call(f"{keyed}/capacite/", source=READER, **forged)[2] == "gazette=ESI/1.0"

    une = f"{keyed}/cles/une/"
    seen(une)
    for method, headers in [("PURGE", {"xkey-purge": "k1"}), ("PURGE", {}), ("BAN", {})]:
        path = "/" if headers or method == "BAN" else "/cles/une/"
        assert call(keyed + path, method, source=READER, **headers)[0] == 405, method
    assert seen(une) == ("HIT", "une 1")
