#!/usr/bin/env python3
"""How long `manage.py make_renditions` takes on the demo's images, in one process and in
worker processes: the bulk of a first `make demo` (issue 16). Runs against the site the
environment names (DATABASE_URL, GAZETTE_VAR_DIR: load the demo there first), deletes every
rendition, rows and files, then times the command; `--jobs` values alternate, round after
round, so that other work on the machine weighs on each alike. Appends to bench/RESULTS.md.

Wall time is what an operator waits; processor time (the command and its workers) is the
work done, which workers do not reduce: they only spread it over the cores."""

import argparse
import datetime as dt
import os
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

from beacon import machine

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
# Rows deleted without Wagtail's signal: it queues the file's deletion, by name, for the task
# worker, which would later delete the file the next run made under the same name.
CLEAR = """
from gazette.core.models import CreditedRendition
renditions = CreditedRendition.objects.all()
for rendition in renditions:
    rendition.file.storage.delete(rendition.file.name)
renditions._raw_delete(renditions.db)
"""


def manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, check=True, capture_output=True, text=True
    )


def timed(jobs: int) -> dict:
    manage("shell", "-v0", "-c", CLEAR)
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    out = manage("make_renditions", "--jobs", str(jobs)).stdout.strip()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"jobs": jobs, "wall": wall, "cpu": cpu, "load": load, "out": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--note", default="", help="what changed, for RESULTS.md")
    args = parser.parse_args()
    facts = machine()
    runs = []
    for _ in range(args.rounds):
        for jobs in args.jobs:
            runs.append(timed(jobs))
            print(runs[-1], file=sys.stderr)
    baseline = median(run["wall"] for run in runs if run["jobs"] == args.jobs[0])
    rows = []
    for jobs in args.jobs:
        mine = [run for run in runs if run["jobs"] == jobs]
        walls = " / ".join(f"{run['wall']:.1f}" for run in mine)
        loads = " / ".join(f"{run['load']:.2f}" for run in mine)
        wall, cpu = median(run["wall"] for run in mine), median(run["cpu"] for run in mine)
        rows.append(
            f"| {jobs} | {walls} s | {wall:.1f} s | {baseline / wall:.2f} | {cpu:.1f} s | {loads} |"
        )
    command = shlex.join(["bench/renditions.py", *sys.argv[1:]])
    lines = [
        "",
        f"## {dt.date.today():%Y-%m-%d} · make_renditions on the demo's images "
        f"· commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, {facts['os']}",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note}",
        f"- Command: `{command}` on the demo (`load_demo`), "
        f"{'SQLite' if 'DATABASE_URL' not in os.environ else 'PostgreSQL'}; each run deletes "
        "every rendition (rows and files) first; the command's last line: "
        f"« {runs[-1]['out']} »",
        "",
        f"| --jobs | wall, each round | median wall | speed-up vs --jobs {args.jobs[0]} "
        "| processor time (median) | load average at start |",
        "|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    with (ROOT / "bench" / "RESULTS.md").open("a") as file:
        file.write(text)


if __name__ == "__main__":
    main()
