"""Pages benchmark: does Gazette stay fast with a big archive, and how fast does it serve?

1. Render times at two sizes of newsroom (`generate_newsroom`), uncached and cold
   (`GAZETTE_PAGE_CACHE=0`, `GAZETTE_FRAGMENT_CACHE=0`), in-process with Django's test client
   (bench/render_pages.py):
   la une, a section's page 2, an article, an author page. The query count must be the same
   at both sizes, and the median at the large size within 2× of the small one.
2. Throughput at the large size, through real servers, with wrk (32 connections), each figure
   with its peer measured in the same run:
   - the cached article through `make serve` itself (the README's command, its access log
     and task worker included: 2 workers × 4 threads, PostgreSQL + Redis) against nginx
     serving the same bytes from a file;
   - the same article uncached against the WordPress and Ghost peers' post pages
     (/work/shared/bench/wordpress-peer.sh on 127.0.0.1:8080 and ghost-peer.sh on
     127.0.0.1:2368 must be running, as `make bench` makes sure; `--cached-only` skips them);
   - the article behind Varnish (deploy/varnish/gazette.vcl) in front of granian.

    .venv/bin/python bench/pages.py [--sizes 1000:10000,100000:1000000] [--note "what changed"]

   - the article through `make stack` (nginx with deploy/nginx/ in front of granian), the
     README's production stack, against the same nginx serving the file;
   - `make serve` without its access log, to tell what the log costs.

Uses PostgreSQL database `gazette_bench_pages` (dropped and created again), Redis database 9
(emptied: reserved for this benchmark) and ports 8017 (granian), 8018 (nginx), 8019
(Varnish), 8020 (make stack's nginx). Appends its figures to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import servers
from beacon import environment as beacon_environment
from beacon import machine, run, run_wrk
from results import publish
from servers import descendants, stop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GRANIAN = ROOT / ".venv" / "bin" / "granian"
HOST = "127.0.0.1"
GRANIAN_PORT, NGINX_PORT, VARNISH_PORT, STACK_PORT = 8017, 8018, 8019, 8020
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "gazette_bench_pages"
REDIS_URL = "redis://127.0.0.1:6379/9"
WORDPRESS = "http://127.0.0.1:8080/"
GHOST = "http://127.0.0.1:2368/"
NGINX = "/usr/sbin/nginx"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
WARM_UP_SECONDS = 3

NGINX_CONF = """daemon off;
worker_processes {workers};
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}; proxy_temp_path {dir}; fastcgi_temp_path {dir};
    uwsgi_temp_path {dir}; scgi_temp_path {dir};
    server {{
        listen {host}:{port};
        root {dir};
        default_type "text/html; charset=utf-8";
        location / {{ try_files /article.html =404; }}
    }}
}}
"""


def environment(backend: str, var_dir: str, **extra) -> dict:
    """beacon.py's embedded environment, uncached, on PostgreSQL when asked."""
    env = {**beacon_environment("embedded", var_dir), "GAZETTE_PAGE_CACHE": "0", **extra}
    if backend == "postgresql":
        env["DATABASE_URL"] = POSTGRES + DATABASE
    return env


def fresh_newsroom(backend: str, env: dict, articles: int, comments: int) -> float:
    """Seconds `generate_newsroom` took, on a new database."""
    if backend == "postgresql":
        for statement in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
            run("psql", POSTGRES + "postgres", "-q", "-c", statement, env=env)
    else:
        Path(env["GAZETTE_VAR_DIR"], "gazette.sqlite3").unlink(missing_ok=True)
    run(PYTHON, "manage.py", "migrate", "--no-input", "-v0", env=env)
    run(PYTHON, "manage.py", "collectstatic", "--no-input", "-v0", env=env)
    started = time.monotonic()
    run(
        PYTHON,
        "manage.py",
        "generate_newsroom",
        "--articles",
        articles,
        "--comments",
        comments,
        env={**env, "TQDM_DISABLE": "1"},
    )
    return time.monotonic() - started


def render_times(env: dict, repeat: int) -> dict:
    output = run(
        PYTHON, "bench/render_pages.py", repeat, env={**env, "PYTHONPATH": str(ROOT)}
    ).splitlines()[-1]
    return json.loads(output)


def wait_for(port: int, process: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"{name} ne démarre pas")


def start_gazette(env: dict, args, target="serve", *options: str) -> subprocess.Popen:
    """`make serve` (or `make stack`) itself, on the benchmark's ports (bench/servers.py);
    `options` are make's variables (ACCESS_LOG=0), over the benchmark's own."""
    variables = {
        "APP_PORT": GRANIAN_PORT,
        "WORKERS": args.workers,
        "THREADS": args.threads,
        "GRANIAN_OPTIONS": args.granian,
    }
    variables.update(option.split("=", 1) for option in options)
    port = STACK_PORT if target == "stack" else GRANIAN_PORT
    return servers.start(target, env=env, port=port, **variables)


def start_granian(env: dict, args, app: str) -> subprocess.Popen:
    """granian alone, as `make serve` starts it, for an app that is not Gazette."""
    server = subprocess.Popen(
        [
            str(GRANIAN),
            "--interface",
            "wsgi",
            f"{app}:application",
            "--host",
            HOST,
            "--port",
            str(GRANIAN_PORT),
            "--workers",
            str(args.workers),
            "--blocking-threads",
            str(args.threads),
            "--backpressure",
            "64",
            "--backlog",
            "1024",
            *shlex.split(args.granian),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(GRANIAN_PORT, server, "granian")
    return server


def start_nginx(folder: Path, body: bytes, workers: int) -> subprocess.Popen:
    (folder / "article.html").write_bytes(body)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=workers, dir=folder, host=HOST, port=NGINX_PORT))
    server = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(folder)])
    wait_for(NGINX_PORT, server, "nginx")
    return server


def start_varnish(folder: Path) -> subprocess.Popen:
    """Its folder is readable by all: run as root, varnishd reads the VCL as its own user."""
    folder.mkdir(mode=0o755)
    vcl = (ROOT / "deploy" / "varnish" / "gazette.vcl").read_text()
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{GRANIAN_PORT}";', vcl, count=1)
    (folder / "gazette.vcl").write_text(vcl)
    server = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            str(folder / "work"),
            "-a",
            f"{HOST}:{VARNISH_PORT}",
            "-f",
            str(folder / "gazette.vcl"),
            "-s",
            "malloc,64m",
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_for(VARNISH_PORT, server, "varnishd")
    return server


def healthy_by(url: str, deadline: float) -> None:
    """Varnish answers 503 until its health probe (every 5 s) has seen the backend up."""
    while True:
        try:
            get(url)
            return
        except urllib.error.HTTPError as error:
            if error.code != 503 or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def resident_memory(server: subprocess.Popen) -> dict:
    """Resident memory (MiB) of what `make serve` or `make stack` runs, read once the load
    is over: each granian worker, granian's main process, the task worker, nginx, and the
    recipe's shell and make (whose command lines name granian and the task worker too: told
    apart by their program)."""
    figures = {"workers": [], "granian": 0.0, "shell": 0.0, "task worker": 0.0, "nginx": 0.0}

    def program(pid: int) -> list[bytes]:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")

    def is_granian(argv: list[bytes]) -> bool:
        return any(part.endswith(b"/granian") for part in argv[:2])

    for pid in descendants(server.pid):
        try:
            argv = program(pid)
            command = b" ".join(argv).decode()
            status = Path(f"/proc/{pid}/status").read_text()
            parent = int(re.search(r"^PPid:\s+(\d+)", status, re.MULTILINE)[1])
            parent_is_granian = is_granian(program(parent))
        except OSError:
            continue
        mib = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)[1]) / 1024
        if is_granian(argv):
            if parent_is_granian:
                figures["workers"].append(mib)
            else:
                figures["granian"] += mib
        elif argv[0].endswith((b"/sh", b"/bash", b"make")):
            figures["shell"] += mib
        elif "db_worker" in command:
            figures["task worker"] += mib
        elif "nginx" in command:
            figures["nginx"] += mib
    figures["total"] = sum(figures["workers"]) + sum(
        figures[name] for name in ("granian", "shell", "task worker", "nginx")
    )
    return figures


def get(url: str) -> tuple[bytes, dict]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read(), {name.lower(): value for name, value in response.headers.items()}


def wrk(url: str, args, seconds: int | None = None) -> dict:
    return run_wrk(
        url, seconds=seconds or args.seconds, connections=args.connections, script="pages.lua"
    )


def measured(url: str, args) -> dict:
    wrk(url, args, seconds=WARM_UP_SECONDS)
    return wrk(url, args)


def wordpress_post() -> str:
    """The newest post linked from the peer's home page."""
    try:
        home = get(WORDPRESS)[0].decode()
    except OSError as error:
        raise SystemExit(
            "Le pair WordPress ne répond pas : lancez /work/shared/bench/wordpress-peer.sh"
        ) from error
    return re.search(r'href="(http://127\.0\.0\.1:8080/\d{4}/\d{2}/\d{2}/[^"]+/)"', home).group(1)


def ghost_post() -> str:
    """The newest post of the Ghost peer's home page (its theme's post cards)."""
    try:
        home = get(GHOST)[0].decode()
    except OSError as error:
        raise SystemExit(
            "Le pair Ghost ne répond pas : lancez /work/shared/bench/ghost-peer.sh"
        ) from error
    found = re.search(r'class="post-card-content-link" href="([^"]+)"', home) or re.search(
        r'href="((?:http://127\.0\.0\.1:2368)?/(?!tag/|author/|page/|rss/|ghost/|assets/|'
        r'a-propos/|la-redaction/|mentions-legales/)[a-z0-9][a-z0-9-]+/)"',
        home,
    )
    return urllib.parse.urljoin(GHOST, found.group(1))


def serving(env: dict, article_path: str, args) -> dict:
    """Throughput of each shape against its peer, one after the other on the same cores.
    Database connections persist as the README advises for production (+45 % uncached
    here: a new PostgreSQL connection per request costs about what the page costs)."""
    results = {}
    env = {**env, "GAZETTE_DB_CONN_MAX_AGE": "60"}
    cached_env = {**env, "GAZETTE_PAGE_CACHE": "1", "REDIS_URL": REDIS_URL}
    run("redis-cli", "-n", "9", "FLUSHDB", env=env)
    with tempfile.TemporaryDirectory(prefix="gazette-bench-serve-") as folder:
        folder = Path(folder)
        folder.chmod(0o755)  # Varnish's own user reads the VCL inside
        granian = start_gazette(cached_env, args)
        try:
            url = f"http://{HOST}:{GRANIAN_PORT}{article_path}"
            body, headers = get(url)
            for _ in range(20):  # the miss is stored once its answer has gone
                if headers.get("x-gazette-cache") == "hit":
                    break
                time.sleep(0.25)
                body, headers = get(url)
            assert headers.get("x-gazette-cache") == "hit", headers
            results["cached"] = measured(url, args)
            nginx = start_nginx(folder, body, args.workers)
            try:
                nginx_body = get(f"http://{HOST}:{NGINX_PORT}/")[0]
                assert nginx_body == body
                results["nginx"] = measured(f"http://{HOST}:{NGINX_PORT}/", args)
            finally:
                stop(nginx)
            varnish = start_varnish(folder / "varnish")
            try:
                url = f"http://{HOST}:{VARNISH_PORT}{article_path}"
                healthy_by(url, time.monotonic() + 30)
                results["varnish_answer"] = get(url)[1].get("x-cache", "?")
                results["varnish"] = measured(url, args)
            finally:
                stop(varnish)
        finally:
            stop(granian)
        results["size"] = len(body)
    # The one-machine default: the page cache in each worker's memory (no REDIS_URL); then
    # the same without granian's access log, then behind make stack's nginx.
    local_env = {**env, "GAZETTE_PAGE_CACHE": "1"}
    for name, target, options in (
        ("cached_local", "serve", ()),
        ("cached_quiet", "serve", ("ACCESS_LOG=0",)),
        ("cached_granian_log", "serve", ("ACCESS_LOG=0", "GRANIAN_OPTIONS=--access-log")),
        ("stack", "stack", ()),
    ):
        server = start_gazette(local_env, args, target, *options)
        try:
            port = STACK_PORT if target == "stack" else GRANIAN_PORT
            url = f"http://{HOST}:{port}{article_path}"
            for _ in range(8):  # each worker stores its own copy on its first miss
                answer, headers = get(url)
            # The same page, its absolute links on the address make was given.
            same = answer.replace(f":{port}/".encode(), f":{GRANIAN_PORT}/".encode())
            assert same == body, f"make {target} answers other bytes"
            if target == "stack":
                results["stack_answer"] = headers.get("x-cache", "?")
            else:
                page_headers = headers
            results[name] = measured(url, args)
            results[f"{name}_memory"] = resident_memory(server)
        finally:
            stop(server)
    granian = start_granian(env, args, app="bench.empty_app")
    try:
        results["empty"] = measured(f"http://{HOST}:{GRANIAN_PORT}/", args)
    finally:
        stop(granian)
    # The same page's bytes and headers from memory: make serve's ceiling under granian.
    with tempfile.TemporaryDirectory(prefix="gazette-bench-page-") as folder:
        Path(folder, "body").write_bytes(body)
        kept = [
            (name, value)
            for name, value in page_headers.items()
            if name not in ("date", "server", "connection", "transfer-encoding")
        ]
        Path(folder, "headers.json").write_text(json.dumps(kept))
        granian = start_granian({**env, "GAZETTE_BENCH_PAGE": folder}, args, "bench.page_bytes_app")
        try:
            assert get(f"http://{HOST}:{GRANIAN_PORT}/")[0] == body
            results["page_bytes"] = measured(f"http://{HOST}:{GRANIAN_PORT}/", args)
        finally:
            stop(granian)
    if args.cached_only:
        return results
    # Not in the page cache, as after a purge: the kept fragments serve (the usual case, a
    # comment approved purges the article), then without them (the article just republished).
    for name, extra in (("uncached", {}), ("cold", {"GAZETTE_FRAGMENT_CACHE": "0"})):
        granian = start_gazette({**env, **extra}, args)
        try:
            url = f"http://{HOST}:{GRANIAN_PORT}{article_path}"
            assert get(url)[1].get("x-gazette-cache") is None
            results[name] = measured(url, args)
            results[f"{name}_memory"] = resident_memory(granian)
        finally:
            stop(granian)
    post = wordpress_post()
    results["wordpress_url"] = post
    results["wordpress"] = measured(post, args)
    post = ghost_post()
    results["ghost_url"] = post
    results["ghost"] = measured(post, args)
    return results


def memory_table(results: dict) -> list[str]:
    """Resident memory after each load: the issue's bound is 250 MB per worker."""
    names = {
        "cached_local": "make serve, page cache in memory",
        "cached_quiet": "make serve, no access log",
        "stack": "make stack (nginx + granian)",
        "uncached": "make serve, GAZETTE_PAGE_CACHE=0",
        "cold": "make serve, no page cache, no fragments",
    }
    lines = [
        "| after | each granian worker | granian main | recipe shell | task worker | nginx "
        "| whole |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, label in names.items():
        memory = results.get(f"{key}_memory")
        if memory:
            workers = ", ".join(f"{mib:.0f}" for mib in sorted(memory["workers"]))
            lines.append(
                f"| {label} | {workers} MiB | {memory['granian']:.0f} MiB "
                f"| {memory['shell']:.0f} MiB "
                f"| {memory['task worker']:.0f} MiB | {memory['nginx']:.0f} MiB "
                f"| {memory['total']:.0f} MiB |"
            )
    return lines


def render_table(runs: list[dict]) -> list[str]:
    lines = [
        "| database | page | articles / comments | generated in | queries "
        "| median | p95 | median ratio to the smallest size |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for current in runs:
        smallest = next(r for r in runs if r["backend"] == current["backend"])
        for name, page in current["pages"].items():
            ratio = page["median_ms"] / smallest["pages"][name]["median_ms"]
            same = "" if page["queries"] == smallest["pages"][name]["queries"] else " (≠!)"
            lines.append(
                f"| {current['backend']} | {name} | {current['articles']:,} / "
                f"{current['comments']:,} | {current['generated_s']:.0f} s "
                f"| {page['queries']}{same} | {page['median_ms']:.1f} ms "
                f"| {page['p95_ms']:.1f} ms | {ratio:.2f} |"
            )
    return lines


def serving_table(results: dict) -> list[str]:
    def row(name, figures, *peer_names):
        peers = [peer for peer in peer_names if results.get(peer)]
        ratio = " · ".join(
            f"{figures['per_second'] / results[peer]['per_second']:.2f}" for peer in peers
        )
        others = {s: n for s, n in figures["statuses"].items() if s not in (200, 204)}
        return (
            f"| {name} | {figures['per_second']:,.0f} | {figures['p50_us'] / 1000:.1f} ms "
            f"| {figures['p99_us'] / 1000:.1f} ms | {' · '.join(peers) or '—'} | {ratio or '—'} "
            f"| {others or 'none'}, {figures.get('socket_errors', 0)} |"
        )

    return [
        "| what | requests/s | median | p99 | peer | ratio to peer | non-200, socket errors |",
        "|---|---|---|---|---|---|---|",
        row("article, cached (granian + page cache in Redis)", results["cached"], "nginx"),
        row(
            "article, cached (granian + page cache in each worker's memory)",
            results["cached_local"],
            "nginx",
        ),
        row(
            "article, cached, make serve ACCESS_LOG=0 (what the access log costs)",
            results["cached_quiet"],
            "nginx",
        ),
        row(
            "article, cached, granian's own --access-log instead (make serve before 2026-12-03)",
            results["cached_granian_log"],
            "nginx",
        ),
        row(
            f"article through make stack: nginx micro-cache (X-Cache: {results['stack_answer']})"
            " in front of granian",
            results["stack"],
            "nginx",
        ),
        row("nginx, same bytes from a file", results["nginx"]),
        row("granian's ceiling: empty WSGI app, 204 (bench/empty_app.py)", results["empty"]),
        row(
            "granian's ceiling for this page: its bytes and headers from memory "
            "(bench/page_bytes_app.py)",
            results["page_bytes"],
            "nginx",
        ),
        row(f"article behind Varnish (X-Cache: {results['varnish_answer']})", results["varnish"]),
    ] + (
        [
            row(
                "article, uncached (granian, GAZETTE_PAGE_CACHE=0; kept fragments serve)",
                results["uncached"],
                "wordpress",
                "ghost",
            ),
            row(
                "article, cold (GAZETTE_PAGE_CACHE=0 GAZETTE_FRAGMENT_CACHE=0)",
                results["cold"],
                "wordpress",
                "ghost",
            ),
            row(f"WordPress peer post ({results['wordpress_url']})", results["wordpress"]),
            row(f"Ghost peer post ({results['ghost_url']})", results["ghost"]),
        ]
        if "uncached" in results
        else []
    )


def nginx_version() -> str:
    """`nginx -v` answers on stderr."""
    answer = subprocess.run([NGINX, "-v"], capture_output=True, text=True)
    return answer.stderr.strip().removeprefix("nginx version: ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000:10000,100000:1000000", help="articles:comments")
    parser.add_argument("--backends", default="postgresql", help="postgresql,sqlite")
    parser.add_argument("--repeat", type=int, default=50, help="renders of each page")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)  # make serve's 2 × 4
    parser.add_argument("--no-serving", action="store_true", help="render times only")
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="serving: skip the uncached article and the WordPress peer",
    )
    parser.add_argument(
        "--granian", default="", help='more granian options, e.g. "--runtime-threads 2"'
    )
    parser.add_argument("--note", default="(not said)", help="one sentence: what changed")
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    load = Path("/proc/loadavg").read_text().split()[0]
    sizes = [tuple(int(n) for n in size.split(":")) for size in args.sizes.split(",")]
    runs, served, article_path = [], None, None
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory(prefix="gazette-bench-pages-") as var_dir:
            env = environment(backend, var_dir)
            for articles, comments in sizes:
                generated = fresh_newsroom(backend, env, articles, comments)
                pages = render_times(env, args.repeat)
                runs.append(
                    {
                        "backend": backend,
                        "articles": articles,
                        "comments": comments,
                        "generated_s": generated,
                        "pages": pages,
                    }
                )
                print(json.dumps(runs[-1], indent=1), file=sys.stderr)
            if backend == "postgresql" and not args.no_serving:
                article_path = pages["article"]["url"]
                try:
                    served = serving(env, article_path, args)
                except (OSError, AssertionError, subprocess.SubprocessError) as error:
                    served = {"error": repr(error)}  # the render times are still worth keeping
    facts = machine()
    command = shlex.join(["bench/pages.py", *sys.argv[1:]])
    lines = [
        f"## {dt.date.today().isoformat()} · pages · commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average when the run started: {load} (wrk, the servers, "
        "PostgreSQL and Redis share these cores, with whatever else runs)",
        f"- Versions: {facts['versions']}, {nginx_version()}",
        f"- What changed: {args.note}",
        f"- Command: `{command}` (renders: Django test client in one process, "
        f"GAZETTE_PAGE_CACHE=0 GAZETTE_FRAGMENT_CACHE=0, {args.repeat} renders of each page after "
        "3 warm-ups, locmem cache for Wagtail's own entries)",
        "",
        *render_table(runs),
    ]
    if served and "error" in served:
        lines += ["", f"Serving: failed, {served['error']}"]
    elif served:
        granian_extra = f" plus `{args.granian}`" if args.granian else ""
        lines += [
            "",
            f"Serving at the largest size, on PostgreSQL: `{article_path}` ({served['size']:,} "
            f"bytes, no gzip: wrk sends no Accept-Encoding); granian {args.workers} workers × "
            f"{args.threads} blocking threads as `make serve`{granian_extra}, "
            "GAZETTE_DB_CONN_MAX_AGE=60; "
            f"nginx {args.workers} workers; wrk "
            f"2 threads, {args.connections} keep-alive connections, {args.seconds} s after a "
            f"{WARM_UP_SECONDS} s warm-up, one target after the other.",
            "",
            *serving_table(served),
            "",
            "Resident memory (VmRSS) of the processes make started, read after each load:",
            "",
            *memory_table(served),
        ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
