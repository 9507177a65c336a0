"""Never a stale page, with real servers: the proof of test_never_stale.py where the change is
made in another process, as an éditeur's on another app server, and the pages are asked of
app servers started as `make serve` starts them (the Makefile's granian command), sharing the
database and the cache and nothing else.

- Scaled shape (PostgreSQL, Redis): two app servers, Varnish with the shipped VCL in front of
  both (round robin); each address is asked through Varnish and of each server directly.
  The change process purges as a server would: Redis versions and pub/sub, Varnish by key.
- Embedded shape (one SQLite file, each process's cache in its own memory, no Redis): two app
  servers; purges reach them through the purge log (`PagePurge`), read about once a second.

The reference, « a fresh render », is made by the change process once its change is
committed: each address rendered from the database with an empty in-memory cache of its own,
no page cache and no kept fragment, in a transaction it rolls back so that rendering writes
nothing the servers could hear (gazette/operations/tests/site_changes.py). A third server
started with the caches off would not do: it would still keep the site settings, the sites
and « Les + Lus » in a cache that the purges under test keep current.

Purges cross processes asynchronously, so every address is asked again, round after round,
from the moment the change is committed until every answer (status, Location, body) equals
the reference, within `DEADLINE`; then one more round must still agree (no server put an old
render back). Printed after each test: for each change, the seconds from the commit to the end
of the first round from which every answer agreed (a bound: a round of 60 to 90 requests
takes from a fraction of a second, all hits, to a few seconds when every page is rendered
again), and that round's number.

A subset of the sixteen changes (`site_changes.CHANGES`), one after the other on one site
(servers started once, about a minute on two busy cores): a headline corrected, an article
added, a comment approved, the settings, a new « Les + Lus » ranking, an article made private.
They are the kinds that reach every page or a list, purge by key, by « everything », and
through the ranking; the in-process proof covers all sixteen. The embedded shape, whose
processes each keep their own ranking, runs the same ones and an article republished at a new
address, on one pair of servers too.
"""

import base64
import difflib
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, closing
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.db import connection

from gazette.core.tests.servers import (
    NGINX,
    VARNISHD,
    free_port,
    running,
    running_nginx,
    running_varnish,
    serve_command,
)

from .site_changes import (
    approve_comment,
    build_newsroom,
    new_article,
    new_ranking,
    new_slug,
    public_addresses,
    restrict,
    retitle,
    save_settings,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the embedded shape runs on SQLite"
)

DEADLINE = 5.0  # seconds from the commit of a change to every answer fresh
CHANGES = [retitle, new_article, approve_comment, save_settings, new_ranking, restrict]
PYTHON = Path(django_settings.BASE_DIR) / ".venv" / "bin" / "python"
READER = {"Host": "localhost"}
# nginx's words for a copy it answered with: its own (HIT), the copy the app said was still
# good (REVALIDATED), the copy served while one request asks the app (UPDATING, STALE).
KEPT = {"revalidated": "hit", "updating": "hit", "stale": "hit"}
# `make serve` runs one granian worker per core; one each here: the test's two servers
# already make two processes, each with its own page memory, on a two-core machine.
WORKERS = 1


def app_environment(**settings) -> dict:
    """What every process of the site gets: one secret key (signed values in pages are the
    same everywhere), the test run's folder (its static files), the test's media."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gazette.settings",
        "GAZETTE_SECRET_KEY": "jamais-perime-" + "x" * 40,
        "GAZETTE_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "GAZETTE_BASE_URL": "http://localhost",
        "GAZETTE_VAR_DIR": str(django_settings.VAR_DIR),
        "GAZETTE_MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "GAZETTE_LOG_LEVEL": "WARNING",
        **settings,
    }
    for name in ("DATABASE_URL", "REDIS_URL", "GAZETTE_FRONTEND_CACHE_URLS"):  # unset: off
        if not env.get(name):
            env.pop(name, None)
    return env


def embedded_environment(folder: Path, **settings) -> dict:
    """The embedded shape's processes on a copy of the test database: it lives in this
    process's memory, the servers get it in a file, as the embedded shape keeps it, and the
    test reads nothing from its own after."""
    connection.ensure_connection()
    with sqlite3.connect(folder / "gazette.sqlite3") as copy:
        connection.connection.backup(copy)
    return app_environment(
        DATABASE_URL=f"sqlite:///{folder / 'gazette.sqlite3'}",
        REDIS_URL="",
        GAZETTE_FRONTEND_CACHE_URLS="",
        **settings,
    )


def start_servers(stack, env, count=2) -> list[str]:
    """`count` app servers as `make serve` starts them, once the static files are collected."""
    collect_static(env)
    ports = [free_port() for _ in range(count)]
    for port in ports:
        command = serve_command(port, workers=WORKERS)
        stack.enter_context(
            running(command, port, "granian", cwd=django_settings.BASE_DIR, env=env)
        )
    return ports


def collect_static(env) -> None:
    """What `make serve` runs first, here only when a static file is newer than the manifest:
    collectstatic takes 20 s, and every process of the test reads the same manifest."""
    manifest = Path(env["GAZETTE_VAR_DIR"]) / "static" / "staticfiles.json"
    if manifest.exists():
        newest = max(
            os.path.getmtime(storage.path(path))
            for finder in finders.get_finders()
            for path, storage in finder.list(["CVS", ".*", "*~"])
        )
        if newest < manifest.stat().st_mtime:
            return
    subprocess.run(
        [str(PYTHON), "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=django_settings.BASE_DIR,
        env=env,
        check=True,
    )


def ask(base: str, address: tuple[str, str]) -> tuple[tuple, str]:
    """(status, Location, body) of one GET as a reader's browser sends it (no redirect
    followed), and what the cache that answered says of it (HIT or MISS, hit or miss)."""
    path, query = address
    host, port = base.removeprefix("http://").split(":")
    client = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        client.request("GET", quote(path) + (f"?{query}" if query else ""), headers=READER)
        response = client.getresponse()
        body = response.read()
        cache = response.getheader("X-Cache") or response.getheader("X-Gazette-Cache") or ""
        return (response.status, response.getheader("Location"), body), KEPT.get(
            cache.lower(), cache.lower()
        )
    finally:
        client.close()


def ask_all(endpoints: dict, addresses) -> dict:
    """Every address of every endpoint, a few at a time, as readers would."""
    asked = [(name, address) for name in endpoints for address in addresses]
    with ThreadPoolExecutor(4) as pool:
        answers = pool.map(lambda item: ask(endpoints[item[0]], item[1]), asked)
        return dict(zip(asked, answers, strict=True))


def warm(endpoints: dict, addresses, seconds=60) -> None:
    """Every address in every cache: asked until every answer is a hit (a proof made against
    empty caches would prove nothing). Not always at the second request: each process of the
    embedded shape computes its own « Les + Lus » at its first page, and announcing it purges
    every page of the others. A minute: on two loaded cores, warming took more than 20 s."""
    deadline = time.monotonic() + seconds
    while True:
        cold = [
            (*key, answer[0], cache)
            for key, (answer, cache) in ask_all(endpoints, addresses).items()
            if cache != "hit"
        ]
        if not cold:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"not kept by the cache that answered: {cold}")


class Change:
    """One change made by a process of its own (`site_changes.change_in_this_process`), which
    also renders the reference. Started ahead, while the previous change is being checked:
    it sets Django up, then waits for the addresses to render before making its change."""

    def __init__(self, change, env):
        self.name = change.__name__
        handle, output = tempfile.mkstemp(prefix=f"gazette-{self.name}-", suffix=".json")
        os.close(handle)
        self.output = Path(output)
        self.errors = tempfile.TemporaryFile()
        code = (
            "from gazette.operations.tests.site_changes import change_in_this_process; "
            f"change_in_this_process({self.name!r}, {str(self.output)!r})"
        )
        self.process = subprocess.Popen(
            [str(PYTHON), "manage.py", "shell", "-v0", "-c", code],
            cwd=django_settings.BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )

    def make(self, addresses) -> None:
        """Until the change is committed and its purges sent."""
        self.addresses = addresses
        self.process.stdin.write(json.dumps(addresses) + "\n")
        self.process.stdin.close()
        if self.process.stdout.readline() != "changed\n":
            self.fail("did not make its change")
        self.committed = time.monotonic()

    def reference(self) -> dict | None:
        """The fresh answers once the process has written them, None until then."""
        if self.process.poll() is None:
            return None
        if self.process.returncode:
            self.fail("failed")
        answers = json.loads(self.output.read_text())
        return {
            (path, query): (status, location, base64.b64decode(body))
            for path, query, status, location, body in answers
        }

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.errors.close()
        self.output.unlink(missing_ok=True)

    def fail(self, what: str):
        self.process.kill()
        output = self.process.communicate()[0]
        self.errors.seek(0)
        errors = self.errors.read().decode(errors="replace")
        pytest.fail(f"{self.name}: the editor's process {what}:\n{output}{errors}")


def wait_until_fresh(change: Change, endpoints: dict) -> tuple[float, int, list]:
    """Ask every address of every endpoint, round after round from the commit, until a round
    agrees in full with the reference; then once more. Returns the seconds from the commit
    to the end of the first round from which every answer agreed, that round's number, and
    the addresses of the reference."""
    rounds, reference = [], None
    while True:
        addresses = list(reference) if reference else change.addresses
        started = time.monotonic()
        answers = ask_all(endpoints, addresses)
        rounds.append((time.monotonic(), answers))
        reference = reference or change.reference()
        if reference is None:
            continue
        stale = stale_answers(answers, reference)
        if not stale and set(answers) >= {(n, a) for n in endpoints for a in reference}:
            break
        if stale and started - change.committed > DEADLINE:
            pytest.fail(
                f"{change.name}: stale {DEADLINE:.0f} s after the commit:\n"
                + "\n".join(
                    f"{name} {path}?{query} ({cache}):\n{diff}"
                    for name, (path, query), cache, diff in stale
                )
            )
        time.sleep(0.1)
    # Fresh from the first round after which no round had a stale answer: the seconds from
    # the commit to its end are a bound on the time the change took to reach every cache.
    fresh_from = len(rounds)
    while fresh_from and not stale_answers(rounds[fresh_from - 1][1], reference):
        fresh_from -= 1
    again = stale_answers(ask_all(endpoints, list(reference)), reference)
    assert again == [], f"{change.name}: stale again after being fresh"
    return rounds[fresh_from][0] - change.committed, fresh_from + 1, list(reference)


def stale_answers(answers: dict, reference: dict) -> list:
    """(endpoint, address, what the cache said, what differs) of each answer that is not the
    fresh one."""
    return [
        (name, address, cache, difference(answer, reference[address]))
        for (name, address), (answer, cache) in answers.items()
        if address in reference and answer != reference[address]
    ]


def difference(answer: tuple, fresh: tuple) -> str:
    """The lines of the answer that a fresh render has not, and the other way round."""
    if answer[:2] != fresh[:2]:
        return f"{answer[:2]} instead of {fresh[:2]}"
    lines = difflib.unified_diff(
        fresh[2].decode(errors="replace").splitlines(),
        answer[2].decode(errors="replace").splitlines(),
        lineterm="",
        n=0,
    )
    return "\n".join(line.strip() for line in list(lines)[2:12])


def prove(endpoints: dict, env: dict, changes, timings) -> None:
    """Warm every cache, then make each change and wait until every answer is fresh."""
    addresses = public_addresses()
    warm(endpoints, addresses)
    with ExitStack() as stack:
        upcoming = stack.enter_context(closing(Change(changes[0], env)))
        for following in [*changes[1:], None]:
            change = upcoming
            change.make(addresses)
            if following is not None:
                upcoming = stack.enter_context(closing(Change(following, env)))
            seconds, rounds, addresses = wait_until_fresh(change, endpoints)
            timings.append((change.name, seconds, rounds))


@pytest.fixture
def timings(request, capsys):
    """How long each change took to be visible everywhere, printed after the test."""
    found = []
    yield found
    if found:
        line = ", ".join(f"{name} {seconds:.1f} s (round {n})" for name, seconds, n in found)
        request.node.user_properties.append(("fresh_after", line))
        with capsys.disabled():
            sys.stdout.write(f"\n{request.node.name}: fresh after {line}\n")


@pytest.mark.postgres
@pytest.mark.skipif(not Path(VARNISHD).exists(), reason="varnishd is not installed")
def test_behind_varnish_two_servers_never_serve_a_stale_page(timings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL (make test's PostgreSQL run sets it)")
    build_newsroom()
    db = connection.settings_dict
    varnish_port = free_port()
    env = app_environment(
        DATABASE_URL=f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}"
        f"/{db['NAME']}",
        GAZETTE_FRONTEND_CACHE_URLS=f"http://127.0.0.1:{varnish_port}",
    )
    with ExitStack() as stack:
        ports = start_servers(stack, env)
        varnish = stack.enter_context(running_varnish(ports, port=varnish_port))
        prove({"Varnish": varnish, **servers(ports)}, env, CHANGES, timings)


@sqlite_only
def test_two_embedded_servers_never_serve_a_stale_page(tmp_path, timings):
    """Two app servers of the embedded shape on one SQLite file. Each process keeps its own
    « Les + Lus » ranking, checked against its keys: a headline of the ranking corrected, or a
    new ranking announced, by another process reaches it through the purge log, and the next
    page computes the ranking again. An article out of the ranking is also republished at a
    new address. One pair of servers for every change: starting and warming them cost as
    much as three changes."""
    build_newsroom()
    env = embedded_environment(tmp_path)
    with ExitStack() as stack:
        prove(servers(start_servers(stack, env)), env, [*CHANGES, new_slug], timings)


@sqlite_only
@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")
def test_behind_nginx_as_make_stack_no_page_is_stale_past_its_second(tmp_path, timings):
    """`make stack`: nginx with deploy/nginx/ in front of one app server of the embedded
    shape. nginx keeps each page a second, then asks the app with its ETag: every change
    reaches readers through it as it reaches them from the app server directly, the
    headline, the comment, the ranking, the private article (which nginx must not keep)."""
    build_newsroom()
    env = embedded_environment(tmp_path, GAZETTE_TRUSTED_PROXIES="127.0.0.1")
    with ExitStack() as stack:
        ports = start_servers(stack, env, count=1)
        nginx, _ = stack.enter_context(running_nginx(ports))
        changes = [retitle, approve_comment, new_ranking, restrict]
        prove({"nginx": nginx, **servers(ports)}, env, changes, timings)


def servers(ports) -> dict:
    return {f"server {number}": f"http://127.0.0.1:{port}" for number, port in enumerate(ports, 1)}
