#!/usr/bin/env python3
"""How long the first reader waits after `make demo`: runs the real `make demo` on a fresh
embedded site (SQLite in a throwaway GAZETTE_VAR_DIR), times each step it prints until the
address, then the first and second request to la une, a section, a tag page, the RSS feed,
an article and an author page with curl, as a reader would right after start-up. Appends its
figures to bench/RESULTS.md.

Before renditions were made in advance, la une took 43 s on its first view and sections,
tags and feeds 2.5 to 4.5 s (issue 16): each image was drawn at each size by the request
that first showed it."""

import argparse
import datetime as dt
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from beacon import machine
from results import publish

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PAGES = {
    "la une": "/",
    "section": "/monde/",
    "tag page": "/sujets/climat/",
    "RSS feed": "/flux/rss/",
    "article": "/monde/europe/trains-de-nuit-reservation-europeenne/",
    "author": "/auteurs/claire-morvan/",
}
STEP = re.compile(r"^(Le site |Site |Rendus d'images |\d+ articles|Contenu de démonstration)")


def curl(url: str) -> tuple[str, float]:
    result = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", url],
        capture_output=True,
        text=True,
        check=True,
    )
    status, seconds = result.stdout.split()
    return status, float(seconds)


def wait_for(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"rien n'écoute sur le port {port}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8020)
    parser.add_argument("--var-dir", help="a site already loaded there (default: a fresh one)")
    parser.add_argument("--note", default="", help="what changed, for RESULTS.md")
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="gazette-first-views-")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(GAZETTE_VAR_DIR=var_dir)
    env.pop("GAZETTE_BASE_URL", None)  # make demo's own: http://HOST:PORT
    load = os.getloadavg()[0]
    started = time.monotonic()
    demo = subprocess.Popen(
        ["make", "-s", "demo", f"PORT={args.port}", f"HOST={HOST}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # make, its shell, granian and the worker: one group to stop
    )
    steps = []
    try:
        for line in demo.stdout:
            if STEP.match(line):
                steps.append((line.strip(), time.monotonic() - started))
            if line.startswith("Gazette : "):
                break
        else:
            raise SystemExit("make demo s'est arrêté avant d'afficher son adresse")
        printed = time.monotonic() - started
        wait_for(args.port, time.monotonic() + 60)
        listening = time.monotonic() - started
        base = f"http://{HOST}:{args.port}"
        first = {name: curl(base + path) for name, path in PAGES.items()}
        second = {name: curl(base + path) for name, path in PAGES.items()}
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(timeout=30)
    facts = machine()
    lines = [
        f"## {dt.date.today().isoformat()} · first views after make demo · "
        f"commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average when the run started: {load:.2f} (the load, the server "
        "and whatever else runs share these cores)",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note}",
        f"- Command: `{shlex.join(['bench/first_views.py', *sys.argv[1:]])}`: `make demo` on "
        f"{'the site in ' + args.var_dir if args.var_dir else 'a fresh embedded site (SQLite)'}, "
        "granian as make demo starts it; curl's total time for each page, first request then "
        "second, one after the other",
        f"- make demo: address printed after {printed:.0f} s, granian listening after "
        f"{listening:.0f} s; steps (seconds since start): "
        + "; ".join(f"« {text} » {at:.0f} s" for text, at in steps),
        "",
        "| page | first request | second request | status |",
        "|---|---|---|---|",
        *(
            f"| {name} (`{PAGES[name]}`) | {first[name][1] * 1000:,.0f} ms | "
            f"{second[name][1] * 1000:,.0f} ms | {first[name][0]} |"
            for name in PAGES
        ),
    ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
