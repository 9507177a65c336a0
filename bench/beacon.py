"""Beacon benchmark: reads counted per second, and their latency, on a real server.

For each shape, embedded (SQLite, batched writes) and scaled (PostgreSQL + Redis), it builds
a fresh site with a few articles, starts the server (`make serve` itself, or
gunicorn) on 127.0.0.1:8016, fires beacons from
distinct visitors with wrk (bench/beacon.lua) over many keep-alive connections, stops the
server, flushes, and checks that the database holds every read that got a 204: no more than
the requests still in flight when wrk stopped (one per connection at most), and never fewer.
The peer, measured in the same run under the same server, is a WSGI app that answers 204
and does nothing (bench/empty_app.py): the ceiling of the server itself.

    .venv/bin/python bench/beacon.py [--seconds 20] [--connections 64] [--note "what changed"]

Uses PostgreSQL database `gazette_bench_audience` (dropped and created again) and Redis
database 14 (emptied: reserved for this benchmark). Appends its figures to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import servers

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST, PORT = "127.0.0.1", 8016
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "gazette_bench_audience"
REDIS_URL = "redis://127.0.0.1:6379/14"
ARTICLES = 20
WARM_UP_SECONDS = 3
SERVER_SHAPES = {
    "gunicorn": "gunicorn gthread",
    "granian": "make serve: granian WSGI, blocking threads, its access log and task worker",
}

CREATE_SITE = f"""
from django.core.cache import cache
from gazette.news.tests.factories import make_article, make_home, make_section
cache.clear()
section = make_section(make_home(), "Monde")
print(",".join(str(make_article(section, f"Article {{n}}").pk) for n in range({ARTICLES})))
"""
STORED = """
from gazette.audience.models import HourlyCount
from gazette.audience.services import flush_counts
flush_counts()
print(HourlyCount.objects.total())
"""


def run(*command, env, capture=True) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return (result.stdout or "").strip()


def environment(shape: str, var_dir: str) -> dict:
    env = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        GAZETTE_VAR_DIR=var_dir,
        GAZETTE_SECRET_KEY="bench-" + "x" * 40,
        GAZETTE_ALLOWED_HOSTS=HOST,
        GAZETTE_TRUSTED_PROXIES="1",
        GAZETTE_LOG_LEVEL="WARNING",
    )
    if shape == "redis":
        env.update(DATABASE_URL=POSTGRES + DATABASE, REDIS_URL=REDIS_URL)
    return env


def fresh_site(shape: str, env: dict) -> str:
    """The article ids, on a new database."""
    if shape == "redis":
        for statement in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
            run("psql", POSTGRES + "postgres", "-q", "-c", statement, env=env)
        run("redis-cli", "-n", "14", "FLUSHDB", env=env)
    run(PYTHON, "manage.py", "migrate", "--no-input", "-v0", env=env)
    return run(PYTHON, "manage.py", "shell", "-c", CREATE_SITE, env=env).splitlines()[-1]


def server_command(app: str, args) -> list:
    """The same command line as `make serve` for the chosen server."""
    if args.server == "granian":
        return [
            ROOT / ".venv" / "bin" / "granian",
            "--interface",
            "wsgi",
            f"{app}:application",
            "--host",
            HOST,
            "--port",
            str(PORT),
            "--workers",
            str(args.workers),
            "--blocking-threads",
            str(args.threads),
            "--backlog",
            "1024",
            "--no-access-log",
        ]
    return [
        GUNICORN,
        app,
        "--bind",
        f"{HOST}:{PORT}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--backlog",
        "1024",
    ]


def start(app: str, env: dict, args) -> subprocess.Popen:
    """Gazette under granian through `make serve` itself (its access log and task worker
    included, bench/servers.py); the empty app, and gunicorn, with the same options."""
    if app == "gazette.wsgi" and args.server == "granian":
        return servers.start(
            "serve", env=env, port=PORT, WORKERS=args.workers, THREADS=args.threads
        )
    server = subprocess.Popen(
        [str(part) for part in server_command(app, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, PORT), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"{args.server} ne démarre pas")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM: the workers exit cleanly, so the embedded mode writes its last batch."""
    servers.stop(server)


def run_wrk(url: str, *, seconds: int, connections: int, script: str, script_args=()) -> dict:
    """wrk with one of our Lua scripts, whose `done()` prints one figure a line."""
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--script",
            str(ROOT / "bench" / script),
            url,
            *(["--", *script_args] if script_args else []),
        ],
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    figures = {"statuses": {}}
    for line in output.splitlines():
        words = line.split()
        if words and words[0] == "STATUS":
            figures["statuses"][int(words[1])] = int(words[2])
        elif len(words) == 2 and words[0].isupper():
            figures[words[0].lower()] = int(words[1])
    figures["per_second"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def wrk(path: str, ids: str, seconds: int, connections: int, *, run_number: int) -> dict:
    return run_wrk(
        f"http://{HOST}:{PORT}{path}",
        seconds=seconds,
        connections=connections,
        script="beacon.lua",
        script_args=(ids, str(run_number)),
    )


def measure(shape: str, args) -> dict:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as var_dir:
        env = environment(shape, var_dir)
        ids = fresh_site(shape, env)
        server = start("bench.empty_app", env, args)
        try:
            peer = wrk("/", ids, args.seconds, args.connections, run_number=1)
        finally:
            stop(server)
        server = start("gazette.wsgi", env, args)
        try:
            warm_up = wrk(
                "/audience/lecture/", ids, WARM_UP_SECONDS, args.connections, run_number=2
            )
            beacon = wrk("/audience/lecture/", ids, args.seconds, args.connections, run_number=3)
        finally:
            stop(server)
        stored = int(run(PYTHON, "manage.py", "shell", "-c", STORED, env=env).splitlines()[-1])
    acknowledged = warm_up["statuses"].get(204, 0) + beacon["statuses"].get(204, 0)
    return {
        "shape": shape,
        "peer": peer,
        "beacon": beacon,
        "acknowledged": acknowledged,
        "stored": stored,
        "in_flight_bound": 2 * args.connections,
    }


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    os_name = re.search(r'PRETTY_NAME="(.*)"', Path("/etc/os-release").read_text())

    def version(*command) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.split("\n")[0]
        except OSError:
            return "absent"

    django, wagtail, gunicorn, granian, redis_py = run(
        PYTHON,
        "-c",
        "import django, wagtail, gunicorn, granian, redis; print(django.__version__, "
        "wagtail.__version__, gunicorn.__version__, granian.__version__, redis.__version__)",
        env=os.environ.copy(),
    ).split()
    commit = run("git", "rev-parse", "--short", "HEAD", env=os.environ.copy())
    dirty = run("git", "status", "--porcelain", env=os.environ.copy())
    return {
        "commit": commit + (" (plus uncommitted changes)" if dirty else ""),
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.0f} GiB" if memory else "?",
        "os": os_name.group(1) if os_name else platform.platform(),
        "versions": (
            f"Python {platform.python_version()}, Django {django}, Wagtail {wagtail}, "
            f"gunicorn {gunicorn}, granian {granian}, redis-py {redis_py}, "
            f"{version('psql', '--version')}, {version('redis-server', '--version')[:27]}, "
            f"{version('wrk', '--version').split(' [')[0]}"
        ),
    }


def report(results: list[dict], args, facts: dict) -> str:
    command = shlex.join(["bench/beacon.py", *sys.argv[1:]])
    lines = [
        f"## {dt.date.today().isoformat()} · beacon · commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average when the run started: {facts['load']} (wrk, the server, "
        "Redis and PostgreSQL share these cores, with whatever else runs)",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note}",
        f"- Command: `{command}` ({SERVER_SHAPES[args.server]}, {args.workers} workers × "
        f"{args.threads} threads; wrk 2 threads, {args.connections} keep-alive connections, "
        f"{args.seconds} s after a {WARM_UP_SECONDS} s warm-up; {ARTICLES} articles, "
        "each beacon from a distinct visitor)",
        "",
        "| shape | reads/s | median | p99 | peer (empty 204) reads/s | ratio to peer "
        "| p99 ratio | 204 answers | stored | lost |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        beacon, peer = result["beacon"], result["peer"]
        lost = max(0, result["acknowledged"] - result["stored"])
        shape = {"embedded": "embedded (SQLite)", "redis": "PostgreSQL + Redis"}[result["shape"]]
        lines.append(
            f"| {shape} | {beacon['per_second']:,.0f} | {beacon['p50_us'] / 1000:.1f} ms "
            f"| {beacon['p99_us'] / 1000:.1f} ms | {peer['per_second']:,.0f} "
            f"| {beacon['per_second'] / peer['per_second']:.2f} "
            f"| {beacon['p99_us'] / max(peer['p99_us'], 1):.1f} "
            f"| {result['acknowledged']:,} | {result['stored']:,} | {lost} |"
        )
    return "\n".join(lines) + "\n"


def check(result: dict) -> str:
    extra = result["stored"] - result["acknowledged"]
    if extra < 0:
        return f"{result['shape']} : {-extra} lectures acquittées PERDUES"
    if extra > result["in_flight_bound"]:
        return f"{result['shape']} : {extra} lectures de trop (au plus {result['in_flight_bound']})"
    other = {s: n for s, n in result["beacon"]["statuses"].items() if s != 204}
    errors = result["beacon"].get("socket_errors", 0)
    return (
        f"{result['shape']} : aucune perte ({result['stored']:,} enregistrées, "
        f"{result['acknowledged']:,} acquittées, {extra} en vol à l'arrêt de wrk); "
        f"autres statuts {other or 'aucun'}, erreurs réseau {errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)  # make serve's 2 × 4
    parser.add_argument("--server", choices=("gunicorn", "granian"), default="granian")
    parser.add_argument("--shapes", default="embedded,redis")
    parser.add_argument("--note", default="(not said)", help="one sentence: what changed")
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    load = Path("/proc/loadavg").read_text().split()[0]
    results = [measure(shape, args) for shape in args.shapes.split(",")]
    text = report(results, args, {**machine(), "load": load})
    print(text)
    for result in results:
        print(check(result))
    if not args.no_record:
        with (ROOT / "bench" / "RESULTS.md").open("a") as file:
            file.write("\n" + text)


if __name__ == "__main__":
    main()
