"""Newsletter sending benchmark: one edition to many subscribers through a real SMTP server on
loopback, then a second edition whose sending process is killed (SIGKILL) mid-send and resumed.

Steps, on PostgreSQL: a fresh database; a site with one article and one letter; N confirmed
subscribers, bulk-created; then for each of two editions, `open_edition` (one Delivery row per
subscriber: the time to build) and a separate sending process running `send_batch` until
nothing is left (the time to hand every message to the server). The SMTP sink (aiosmtpd on
127.0.0.1:8131) runs in this process, so it outlives the sender it watches: it notes each
message's Message-ID, which names the edition and the subscriber. For the second edition the
sender is killed once a share of the messages has been accepted; the claims of the dead
process are aged past the lease (as ten minutes would), and a new sender finishes the
edition. Doubles (an address that got the edition twice) and gaps (one that never got it) are
counted from what the sink received: expected 0 gaps, doubles at most the messages in flight
at the kill (one).

Pacing is off (GAZETTE_LETTERS_RATE very high): the figure is what the machine can hand over,
the production rate being a setting below it. Peak memory is the sending process's own
(getrusage, maximum resident set).

    .venv/bin/python bench/letters_send.py [--subscribers 100000] [--batch 1000] [--note "…"]

Uses PostgreSQL database h3 (dropped and created again) and a scratch GAZETTE_VAR_DIR under
/tmp. Appends its figures to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
HOST, PORT = "127.0.0.1", 8131
DATABASE = "h3"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
MESSAGE_ID = re.compile(rb"Message-ID: <edition-(\d+)\.(\d+)@", re.IGNORECASE)

CREATE_SITE = """
import json, time
from django.utils import timezone
from gazette.letters.models import Letter, Subscriber, Subscription
from gazette.news.tests.factories import make_article, make_home, make_section
section = make_section(make_home(), "Sciences")
article = make_article(section, "Le télescope voit loin", standfirst="Un miroir de six mètres.")
letter = Letter.objects.create(title="La matinale", slug="la-matinale", frequency="daily")
started = time.monotonic()
now = timezone.now()
for first in range(0, {count}, 5000):
    numbers = range(first, min(first + 5000, {count}))
    made = Subscriber.objects.bulk_create(
        Subscriber(email=f"lecteur{{n}}@exemple.org") for n in numbers
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, letter=letter, confirmed_at=now) for s in made
    )
took = time.monotonic() - started
print(json.dumps({{"seconds": took, "article": article.pk, "letter": letter.pk}}))
"""
OPEN_EDITION = """
import json, time
from gazette.letters.models import Edition, EditionArticle
from gazette.letters.sending import open_edition
edition = Edition.objects.create(letter_id={letter}, subject="Ce matin, le télescope")
EditionArticle.objects.create(edition=edition, article_id={article}, sort_order=0)
started = time.monotonic()
count = open_edition(edition.pk)
took = time.monotonic() - started
print(json.dumps({{"seconds": took, "edition": edition.pk, "recipients": count}}))
"""
SEND = """
import json, resource, time
from gazette.letters.sending import send_batch, to_send
started, sent = time.monotonic(), 0
while True:
    done = send_batch(size={batch})
    sent += done
    if not done:
        if not to_send().exists():
            break
        time.sleep(0.5)  # the server said « later »: as the next round would
print(json.dumps({{
    "seconds": time.monotonic() - started,
    "sent": sent,
    "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""
AGE_CLAIMS = """
import json
from datetime import timedelta
from django.utils import timezone
from gazette.letters import sending
from gazette.letters.models import Delivery
aged = Delivery.objects.filter(status="sending").update(
    claimed_at=timezone.now() - sending.CLAIM_LEASE - timedelta(seconds=1)
)
print(json.dumps({"claimed_by_the_dead": aged}))
"""
FIGURES = """
import json
from gazette.letters.models import Edition
e = Edition.objects.get(pk={edition})
print(json.dumps({{"status": e.status,
    "sent_count": e.sent_count, "failed_count": e.failed_count}}))
"""


class Sink:
    """Accepts every message; keeps (edition, subscriber) of each, nothing else."""

    def __init__(self):
        self.received: dict[int, Counter] = defaultdict(Counter)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        found = MESSAGE_ID.search(envelope.content)
        if found:
            with self.lock:
                self.received[int(found.group(1))][int(found.group(2))] += 1
        return "250 OK"

    def count(self, edition: int) -> int:
        with self.lock:
            return sum(self.received[edition].values())


def environment(var_dir: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "GAZETTE_FRONTEND_CACHE_URL"}
    }
    env.update(
        DATABASE_URL=POSTGRES + DATABASE,
        GAZETTE_VAR_DIR=var_dir,
        GAZETTE_SECRET_KEY="bench-letters-" + "x" * 40,
        GAZETTE_EMAIL_URL=f"smtp://{HOST}:{PORT}?timeout=30",
        GAZETTE_LETTERS_RATE="1000000",
        GAZETTE_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="gazette.settings",
    )
    return env


def django(script: str, env: dict) -> dict:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"échec :\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def sender(batch: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-c", SEND.format(batch=batch)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> dict:
    out, _ = process.communicate()
    if process.returncode:
        sys.exit("le processus d'envoi a échoué")
    return json.loads(out.strip().splitlines()[-1])


def fresh_database(env: dict) -> None:
    for sql in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
        subprocess.run(["psql", "-h", HOST, "-U", "postgres", "-qc", sql], check=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    os_name = re.search(r'PRETTY_NAME="(.*)"', Path("/etc/os-release").read_text())
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django, wagtail, aiosmtpd; print(django.__version__, "
            "wagtail.__version__, aiosmtpd.__version__)",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    psql = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "commit": commit + (" (plus uncommitted changes)" if dirty else ""),
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.0f} GiB" if memory else "?",
        "os": os_name.group(1) if os_name else platform.platform(),
        "versions": f"Python {platform.python_version()}, Django {versions[0]}, Wagtail "
        f"{versions[1]}, aiosmtpd {versions[2]}, {psql}",
    }


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000, help="send_batch size")
    parser.add_argument("--kill-at", type=float, default=0.4, help="share sent before kill -9")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    count = args.subscribers
    env = environment(f"/tmp/var-letters-bench-{os.getpid()}")  # noqa: S108 - a scratch dir
    started_at = dt.datetime.now(dt.UTC)
    load_before = load()
    facts = machine()

    sink = Sink()
    controller = Controller(sink, hostname=HOST, port=PORT, ready_timeout=10)
    controller.start()
    try:
        print("Base neuve et migrations…", flush=True)
        fresh_database(env)
        print(f"{count} abonnés…", flush=True)
        site = django(CREATE_SITE.format(count=count), env)

        print("Édition 1 : envoi complet…", flush=True)
        first = django(OPEN_EDITION.format(**site), env)
        full = finish(sender(args.batch, env))
        full_figures = django(FIGURES.format(edition=first["edition"]), env)
        got = sink.received[first["edition"]]
        full_doubles = sum(1 for n in got.values() if n > 1)
        full_gaps = count - len(got)

        print("Édition 2 : envoi tué (kill -9) puis repris…", flush=True)
        second = django(OPEN_EDITION.format(**site), env)
        edition = second["edition"]
        victim = sender(args.batch, env)
        target = int(count * args.kill_at)
        while sink.count(edition) < target and victim.poll() is None:
            time.sleep(0.01)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        at_kill = sink.count(edition)
        aged = django(AGE_CLAIMS, env)
        resumed = finish(sender(args.batch, env))
        resumed_figures = django(FIGURES.format(edition=edition), env)
        got = sink.received[edition]
        doubles = sum(1 for n in got.values() if n > 1)
        gaps = count - len(got)
    finally:
        controller.stop()

    rate = count / full["seconds"]
    lines = [
        f"\n## {started_at:%Y-%m-%d} · Letters: an edition to {count:,} subscribers · "
        f"commit {facts['commit']}\n",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average {load_before} when the run started, {load()} when it "
        f"ended; started {started_at:%H:%M} UTC (shared machine)",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note or '–'}",
        f"- Command: `bench/letters_send.py {shlex.join(sys.argv[1:])}`",
        f"- Shape: PostgreSQL, one sending process (`send_batch(size={args.batch})` in a loop, "
        "pacing off), SMTP sink aiosmtpd on 127.0.0.1:8131 in the bench process, one SMTP "
        "connection per batch",
        "",
        "| step | figure |",
        "|---|---|",
        f"| bulk-create {count:,} confirmed subscribers | {site['seconds']:.1f} s |",
        f"| build the deliveries (`open_edition`, {first['recipients']:,} rows) | "
        f"{first['seconds']:.1f} s |",
        f"| hand over every message | {full['seconds']:.1f} s, {rate:,.0f} messages/s |",
        f"| sending process's peak memory (max RSS) | {full['max_rss_mib']:.0f} MiB |",
        f"| edition 1: sent / failed / doubles / gaps | {full_figures['sent_count']:,} / "
        f"{full_figures['failed_count']} / {full_doubles} / {full_gaps} |",
        f"| edition 2: build the deliveries | {second['seconds']:.1f} s |",
        f"| edition 2: accepted by the server before kill -9 | {at_kill:,} |",
        f"| edition 2: rows the dead process had claimed, taken back after the lease | "
        f"{aged['claimed_by_the_dead']:,} |",
        f"| edition 2: resumed sender | {resumed['sent']:,} messages in "
        f"{resumed['seconds']:.1f} s |",
        f"| edition 2: status, sent / failed | {resumed_figures['status']}, "
        f"{resumed_figures['sent_count']:,} / {resumed_figures['failed_count']} |",
        f"| edition 2: **doubles / gaps** | **{doubles} / {gaps}** |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as results:
        results.write(text)
    if gaps or doubles > 1 or full_gaps or full_doubles:
        sys.exit("doubles ou trous au-delà de l'attendu")


if __name__ == "__main__":
    main()
