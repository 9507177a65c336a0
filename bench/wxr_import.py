"""Times `import_wordpress` on a generated export: 10,000 posts with 3 comments each by default,
our own text, no images. Each run starts from a freshly migrated database (not timed), then
times the import, a second run over the same file (everything unchanged), and the task worker
indexing the articles for search. Appends its figures to bench/RESULTS.md.

    .venv/bin/python bench/wxr_import.py [--posts N] [--postgres] [--note "what changed"]

`--postgres` also measures on PostgreSQL, in database `wxr_bench` (dropped and created;
`--database` names another, so that two people can measure at once).
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def manage(*args, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def fresh_database(shape: str, name: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["GAZETTE_VAR_DIR"] = str(OUT / "var")
    if shape == "SQLite":
        database = OUT / "wxr-bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{database}"
    else:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    manage("migrate", "--no-input", "-v0", env=env)
    return env


def measure(shape: str, export: Path, name: str) -> dict:
    env = fresh_database(shape, name)
    report = OUT / "wxr-report.txt"
    command = ["import_wordpress", str(export), "--report", str(report), "-v0"]
    first = manage(*command, env=env)
    second = manage(*command, env=env)
    index = manage("db_worker", "--batch", "--no-startup-delay", "-v0", env=env)
    return {"shape": shape, "first": first, "second": second, "index": index}


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    os_name = re.search(r'PRETTY_NAME="(.*)"', Path("/etc/os-release").read_text())
    versions = subprocess.run(
        [PYTHON, "-c", "import django, wagtail, lxml.etree as e, nh3; "
         "print(django.__version__, wagtail.__version__, e.__version__, nh3.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return {
        "commit": commit + (" (plus uncommitted changes)" if dirty else ""),
        "machine": f"{cpu.group(1) if cpu else platform.processor()}, {os.cpu_count()} cores, "
        f"{int(memory.group(1)) / 1024 / 1024:.0f} GiB RAM, "
        f"{os_name.group(1) if os_name else platform.platform()}; load average when the run "
        f"started: {os.getloadavg()[0]:.2f}",
        "versions": f"Python {platform.python_version()}, Django {versions[0]}, "
        f"Wagtail {versions[1]}, lxml {versions[2]}, nh3 {versions[3]}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=3)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--database", default="wxr_bench", help="PostgreSQL database to use")
    parser.add_argument("--note", default="")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from gazette.wordpress.tests.generate import write_wxr

    OUT.mkdir(exist_ok=True)
    export = OUT / f"wxr-{args.posts}x{args.comments}.xml"
    if not export.exists():
        write_wxr(export, posts=args.posts, comments=args.comments)
    facts = machine()
    shapes = ["SQLite", "PostgreSQL"] if args.postgres else ["SQLite"]
    results = [measure(shape, export, args.database) for shape in shapes]
    rows = "\n".join(
        f"| {r['shape']} | {r['first']:.1f} s | {args.posts / r['first']:,.0f} | "
        f"{r['second']:.1f} s | {r['index']:.1f} s | {'yes' if r['first'] < 60 else 'NO'} |"
        for r in results
    )
    size = export.stat().st_size / 1e6
    entry = "\n".join(
        [
            "",
            f"## {date.today().isoformat()} · WordPress import (WXR) · commit {facts['commit']}",
            "",
            f"- Machine: {facts['machine']}",
            f"- Versions: {facts['versions']}",
            f"- What changed: {args.note or '(no note)'}",
            f"- Data: {args.posts:,} posts, {args.posts * args.comments:,} comments (threaded, "
            f"1 in 5 pending), 3 sections, 40 tags, no images; {size:.0f} MB of WXR 1.2 written "
            "by `gazette/wordpress/tests/generate.py`",
            f"- Command: `bench/wxr_import.py {' '.join(sys.argv[1:])}`: a freshly migrated "
            "database for each shape (not timed); wall-clock time of `manage.py import_wordpress`"
            " (process start included), of a second run over the same file, and of `db_worker "
            "--batch` building the search index the import queued",
            "- Peer: none measured in this run (the WordPress peer has no importer plugin "
            "installed); the target is the issue's 60 s",
            "",
            "| database | import | posts/s | second run (unchanged) | search indexing (worker) "
            "| under 60 s |",
            "|---|---|---|---|---|---|",
            rows,
            "",
        ]
    )
    print(entry)
    if not args.no_append:
        with (ROOT / "bench" / "RESULTS.md").open("a") as file:
            file.write(entry)


if __name__ == "__main__":
    main()
