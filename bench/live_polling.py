"""« En direct » benchmark (issue 19): 10,000 readers keeping a live page open, each asking
its endpoint for new entries every 15 s (about 670 requests/s), and how soon an entry posted
by the desk shows in a polling reader's page.

Gazette runs as `make serve` runs it (granian with the Makefile's options, the task worker
beside it; `purge_latency.granian`), on a fresh embedded site (SQLite, page cache in each
worker's memory, purges through the purge log), alone and behind Varnish with
deploy/varnish/gazette.vcl when varnishd is installed (`make peers`). The site: la une, a
section, a running live page with 30 entries.

For each shape:
1. Steady polling: `wrk` with bench/live_polling.lua, 100 connections each waiting 149 ms
   between answers (100 × 1000 / 149 ≈ 670 requests/s when answers are quick), for
   `--seconds`: the readers spread over the latest entry and older ones, each sending the
   ETag of its last answer. Recorded: requests/s held, p50, p99, answers served from a cache
   (X-Gazette-Cache or Varnish's X-Cache: hit), 304s, and the CPU the servers used (granian's
   processes, and varnishd), in cores.
2. Publishing under that load: another process posts `--entries` entries as the desk's
   button does (`publish_entry`, one every 3 s), while `--readers` simulated readers poll
   every 15 s from a random moment, as live.js does (ETag, `depuis` = the latest entry they
   show, which they click at once). For each entry and reader: time from the COMMIT to the
   first poll that brought it.

    .venv/bin/python bench/live_polling.py [--seconds 30] [--entries 20] [--readers 40]

Ports 8110-8112 (granian, Varnish); the site lives in a temporary folder. Appends its figures
to bench/RESULTS.md, with the machine, the load average and the date.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from purge_latency import HOST, django_setup, environment, granian, run, stop  # noqa: E402
from results import publish  # noqa: E402
from servers import descendants  # noqa: E402

PORT, VARNISH_PORT = 8110, 8112
CONNECTIONS, PAUSE_MS = 100, 149
POLL_SECONDS = 15
POST_GAP = 3.0
INITIAL_ENTRIES = 30


# The Django side, in processes of their own (`--prepare`, `--post`)


def prepare() -> None:
    """La une, a section and a live page with its first entries; prints the page's id."""
    from gazette.live.tests.factories import make_live_page, post_entry
    from gazette.news.site_root import ensure_home
    from gazette.news.tests.factories import make_author, make_section

    home, _ = ensure_home()
    live = make_live_page(
        make_section(home, "France"),
        "Crue de l'Aubrette : la situation en direct",
        authors=[make_author("Claire Morvan")],
    )
    for number in range(1, INITIAL_ENTRIES + 1):
        post_entry(live, f"Entrée numéro {number} : la rivière monte encore.")
    print(json.dumps({"page": live.pk}))


def post(page_id: int, count: int) -> None:
    """As the admin's « Publier l'entrée »: one entry every POST_GAP seconds; prints each
    entry's id and the moment its transaction committed."""
    from django.db import transaction

    from gazette.live.models import LiveEntry
    from gazette.live.services import publish_entry

    for number in range(count):
        stamps = {}
        with transaction.atomic():
            transaction.on_commit(lambda stamps=stamps: stamps.setdefault("commit", time.time()))
            entry = publish_entry(
                LiveEntry(page_id=page_id, body=f"<p>Nouvelle entrée {number}.</p>"), user=None
            )
        print(json.dumps({"id": entry.pk, "commit": stamps["commit"]}), flush=True)
        time.sleep(POST_GAP)


# The readers' side


def get(port: int, path: str, etag: str = "") -> tuple[int, object, bytes]:
    """Status, headers (any case: granian sends them in lower case) and body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"If-None-Match": etag} if etag else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def cpu_seconds(pid: int) -> float:
    """User + system time of a process and all its descendants still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for current in descendants(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def latest_entry(port: int, endpoint: str) -> int:
    body = get(port, f"{endpoint}?depuis=0")[2].decode()
    return int(body.split('data-latest="', 1)[1].split('"', 1)[0])


def steady(port: int, endpoint: str, seconds: int, pids: list[int]) -> dict:
    """wrk's readers for `seconds`, after the ETags of each `depuis` were fetched once."""
    latest, pairs = latest_entry(port, endpoint), []
    for since in [latest, *range(latest - 1, latest - 4, -1), *range(latest - 5, latest - 25, -2)]:
        status, headers, _ = get(port, f"{endpoint}?depuis={since}")
        assert status == 200, (since, status)
        pairs.append(f"{since}={headers['ETag']}")
    cpu_before, started = sum(cpu_seconds(pid) for pid in pids), time.monotonic()
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "live_polling.lua"),
            f"http://{HOST}:{port}{endpoint}",
            "--",
            endpoint,
            str(PAUSE_MS),
            *pairs,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    elapsed = time.monotonic() - started
    cpu = (sum(cpu_seconds(pid) for pid in pids) - cpu_before) / elapsed
    figures, statuses = {}, {}
    for line in output.splitlines():
        parts = line.split()
        if parts and parts[0] == "STATUS":
            statuses[int(parts[1])] = int(parts[2])
        elif len(parts) == 2 and parts[0].isupper():
            figures[parts[0]] = int(parts[1])
    requests = figures["REQUESTS"]
    return {
        "rps": requests / (figures["DURATION_US"] / 1e6),
        "p50_ms": figures["P50_US"] / 1000,
        "p99_ms": figures["P99_US"] / 1000,
        "hit_share": figures["HITS"] / requests,
        "not_modified_share": statuses.get(304, 0) / requests,
        "other_statuses": {s: c for s, c in statuses.items() if s not in (200, 304)},
        "socket_errors": figures["SOCKET_ERRORS"],
        "cpu_cores": cpu,
    }


class Reader(threading.Thread):
    """live.js in a thread: every POLL_SECONDS from a random start, ETag kept per address,
    `depuis` moved to the newest entry as soon as one shows (the reader clicks at once)."""

    def __init__(self, port: int, endpoint: str, latest: int, stop_at: float):
        super().__init__(daemon=True)
        self.port, self.endpoint, self.latest, self.stop_at = port, endpoint, latest, stop_at
        self.seen: dict[int, float] = {}
        self.etags: dict[str, str] = {}

    def run(self):
        time.sleep(random.uniform(0, POLL_SECONDS))  # noqa: S311 - a start time, not a secret
        while time.time() < self.stop_at:
            path = f"{self.endpoint}?depuis={self.latest}"
            try:
                status, headers, body = get(self.port, path, self.etags.get(path, ""))
            except OSError:
                status = 0
            now = time.time()
            if status == 200:
                self.etags[path] = headers.get("ETag", "")
                html = body.decode()
                for chunk in html.split('data-entry="')[1:]:
                    self.seen.setdefault(int(chunk.split('"', 1)[0]), now)
                latest = int(html.split('data-latest="', 1)[1].split('"', 1)[0])
                self.latest = max(self.latest, latest)
            time.sleep(POLL_SECONDS)


def publishing(port: int, endpoint: str, page: int, env: dict, pids: list[int], args) -> dict:
    """Readers polling while another process posts entries, wrk's load running beside."""
    latest = latest_entry(port, endpoint)
    duration = 3 * POLL_SECONDS + args.entries * POST_GAP
    steady_result: dict = {}
    load = threading.Thread(
        target=lambda: steady_result.update(steady(port, endpoint, int(duration) + 5, pids)),
        daemon=True,
    )
    load.start()
    time.sleep(2)
    stop_at = time.time() + duration
    readers = [Reader(port, endpoint, latest, stop_at) for _ in range(args.readers)]
    for reader in readers:
        reader.start()
    time.sleep(POLL_SECONDS)  # every reader has polled once: each sees what follows
    posted = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), __file__, "--post", str(page), str(args.entries)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commits = {row["id"]: row["commit"] for row in map(json.loads, posted.splitlines())}
    for reader in readers:
        reader.join()
    load.join()
    delays = [
        reader.seen[entry] - commit
        for entry, commit in commits.items()
        for reader in readers
        if entry in reader.seen
    ]
    missing = len(commits) * len(readers) - len(delays)
    quantiles = statistics.quantiles(delays, n=20, method="inclusive")
    return {
        "delays": len(delays),
        "missing": missing,
        "p50_s": statistics.median(delays),
        "p95_s": quantiles[18],
        "max_s": max(delays),
        "load": steady_result,
    }


def shape_run(name: str, env: dict, page: int, args) -> dict:
    from gazette.core.tests.servers import VARNISHD, running_varnish

    endpoint = f"/direct/{page}/entrees/"
    behind = name == "varnish"
    if behind:
        env = {
            **env,
            "GAZETTE_FRONTEND_CACHE_URLS": f"http://{HOST}:{VARNISH_PORT}",
            "GAZETTE_TRUSTED_PROXIES": "1",
        }
    server = granian(ROOT, env, PORT)  # make serve: its task worker included
    try:
        if not behind:
            pids = [server.pid]
            return {
                "steady": steady(PORT, endpoint, args.seconds, pids),
                "publishing": publishing(PORT, endpoint, page, env, pids, args),
            }
        with running_varnish([PORT], port=VARNISH_PORT):
            varnishd = subprocess.run(
                ["pgrep", "-f", f"{VARNISHD} -F -n .*127.0.0.1:{VARNISH_PORT}"],
                capture_output=True,
                text=True,
            ).stdout.split()
            pids = [server.pid, *map(int, varnishd)]
            return {
                "steady": steady(VARNISH_PORT, endpoint, args.seconds, pids),
                "publishing": publishing(VARNISH_PORT, endpoint, page, env, pids, args),
            }
    finally:
        stop(server)


def table(results: dict) -> list[str]:
    lines = [
        "| shape | phase | requests/s | p50 | p99 | from cache | 304 | CPU (cores) | "
        "publish → seen p50 | p95 | max | samples |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        for phase, load, pub in (
            ("steady", result["steady"], None),
            ("publishing", result["publishing"]["load"], result["publishing"]),
        ):
            seen = (
                f"{pub['p50_s']:.1f} s | {pub['p95_s']:.1f} s | {pub['max_s']:.1f} s | "
                f"{pub['delays']} ({pub['missing']} missing)"
                if pub
                else "– | – | – | –"
            )
            odd = f" (other: {load['other_statuses']})" if load["other_statuses"] else ""
            lines.append(
                f"| {name} | {phase} | {load['rps']:,.0f}{odd} | {load['p50_ms']:.1f} ms | "
                f"{load['p99_ms']:.1f} ms | {load['hit_share']:.1%} | "
                f"{load['not_modified_share']:.1%} | {load['cpu_cores']:.2f} | {seen} |"
            )
    return lines


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--prepare", "--post"):
        django_setup()
        return prepare() if sys.argv[1] == "--prepare" else post(int(sys.argv[2]), int(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="steady polling, per shape")
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--readers", type=int, default=40)
    parser.add_argument("--note", default="(not said)", help="one sentence: what changed")
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    from beacon import machine

    load_average = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    started = dt.datetime.now(dt.UTC)
    facts = machine()
    var_dir = tempfile.mkdtemp(prefix="gazette-live-bench-")
    env = environment(var_dir, "embedded", PORT)
    os.environ.update(GAZETTE_VAR_DIR=var_dir)  # this process reads the settings too
    django_setup()
    python = ROOT / ".venv" / "bin" / "python"
    for command in (("migrate", "--no-input", "-v0"), ("collectstatic", "--no-input", "-v0")):
        run(python, "manage.py", *command, env=env)
    site = json.loads(run(python, __file__, "--prepare", env=env).splitlines()[-1])
    run(python, "manage.py", "sync_site", env=env)
    from gazette.core.tests.servers import VARNISHD

    shapes = ["embedded"] + (["varnish"] if Path(VARNISHD).exists() else [])
    results = {name: shape_run(name, env, site["page"], args) for name in shapes}
    ended_load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    lines = [
        f"## {started.date().isoformat()} · « En direct » polling · commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average {load_average} when the run started, {ended_load} "
        f"when it ended; started {started:%H:%M} UTC (shared machine: other sessions' work, "
        "wrk and the simulated readers share these cores with the servers)",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note}",
        f"- Command: `{shlex.join(['bench/live_polling.py', *sys.argv[1:]])}`",
        "- Shapes: granian as `make serve` (2 workers × 4 threads) with the task worker, "
        "embedded (SQLite, page cache in each worker); « varnish »: the same behind "
        "deploy/varnish/gazette.vcl (purges by xkey)",
        f"- Load: wrk, {CONNECTIONS} connections waiting {PAUSE_MS} ms between answers "
        "(≈ 670 requests/s: 10,000 readers every 15 s), bench/live_polling.lua (70 % of "
        "readers at the latest entry, the others behind it, each with its ETag); steady "
        f"for {args.seconds} s, then during the publishing phase",
        f"- Publishing: {args.entries} entries, one every {POST_GAP:.0f} s, from another "
        f"process (`publish_entry`); {args.readers} readers polling every {POLL_SECONDS} s "
        "from a random moment; time from the COMMIT to the poll that brought the entry",
        "",
        *table(results),
    ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
