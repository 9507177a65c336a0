"""Purge benchmark (issue 15): how soon a change reaches every cached page, how many cached
pages it drops against how many really changed, and whether cached hits got slower.

1. Purges, at each size (`generate_newsroom`, the bulk insertion: no publish per article):
   granian as `make serve` starts it (2 workers × 4 threads, the task worker beside it), the
   embedded shape (SQLite, page cache in each worker's memory, purges through the purge log)
   or `--shape redis` (PostgreSQL + Redis, purges over pub/sub). A second granian, without
   page cache nor kept fragments, makes the fresh renders. A few hundred public addresses are
   warmed (la une, sections and their page 2, articles new and old, authors, topics, feeds,
   sitemaps, archives, searches); then another process makes a change as the admin makes it
   (an éditeur's revision published, a moderator's approval, an author saved) while this one
   polls every warmed address, each request on a new connection (so that both workers answer).
   Recorded for each change:
   - commit → purge sent: in the editor's process, from the COMMIT to the end of the purge;
   - last stale answer: the latest request sent after the COMMIT that still got the old page;
   - all fresh: when every page that changed had been answered fresh (for good) by the poller,
     which goes over all the warmed addresses in turn: it includes the time to render again;
   - purged: warmed pages whose `Surrogate-Key` names a purged key (exact), and how many of
     them answered `X-Gazette-Cache: miss` while polled (a check); changed: pages whose fresh
     render after the change differs from the cached page before it; stale: pages whose cached
     answer at the end still differs from the fresh render (must be 0).
2. `--throughput`: the cached article's requests/s with wrk (2 threads, 32 connections, 8 s,
   after 2 s of warm-up), this checkout against another one (`--before`, a worktree at the
   commit before the keys), each on its own fresh 1,000-article embedded site, runs alternated.

    .venv/bin/python bench/purge_latency.py [--sizes 1000,100000] [--rounds 3] [--note "…"]
    .venv/bin/python bench/purge_latency.py --throughput --before /work/wt/purgebench-before

Ports 8140-8143; `--shape redis` uses PostgreSQL database `h4` (dropped and created again) and
Redis database 4 (emptied). Appends its figures to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import hashlib
import http.client
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import servers
from results import publish
from servers import stop

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CACHED_PORT, FRESH_PORT = 8140, 8141
THROUGHPUT_PORTS = {"after": 8142, "before": 8143}
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "h4"
REDIS_URL = "redis://127.0.0.1:6379/4"
POLLERS = 4
SETTLE_SECONDS = 12  # the task worker's first « Les + Lus » refresh (every 5 s) comes first
CHANGES = ("une", "most_read", "deep", "comment", "author")
CHANGE_NAMES = {
    "une": "retitle an article on la une (not in « Les + Lus »)",
    "most_read": "retitle an article in « Les + Lus »",
    "deep": "retitle the oldest article",
    "comment": "approve a comment",
    "author": "rename an author",
}


# The editor's side: runs inside Django, in its own process (`--editor`)


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    import django

    django.setup()


def prepare() -> dict:
    """An éditeur, a plausible « Les + Lus » and the addresses to warm, with the targets."""
    from datetime import timedelta

    from django.contrib.auth.models import Group, User
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.encoding import iri_to_uri
    from taggit.models import Tag

    from gazette.audience.models import HourlyCount
    from gazette.news.models import ArticlePage, Author, SectionPage
    from gazette.news.newsroom import EDITOR

    editor, _ = User.objects.get_or_create(username="edith-bench")
    editor.groups.add(Group.objects.get_or_create(name=EDITOR)[0])
    live = ArticlePage.objects.live()
    newest = list(live.order_by("-first_published_at", "-pk")[:120])
    ids = list(live.order_by("first_published_at", "pk").values_list("pk", flat=True))
    step = max(1, len(ids) // 120)
    spread = list(ArticlePage.objects.filter(pk__in=ids[::step]).order_by("pk"))
    une, popular = newest[0], newest[1:11]
    if not HourlyCount.objects.exists():
        hour = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
        HourlyCount.objects.bulk_create(
            HourlyCount(article=article, hour=hour, views=1000 - 50 * n)
            for n, article in enumerate(popular)
        )
    deep = ArticlePage.objects.get(pk=ids[0])
    commented = spread[len(spread) // 2]
    author = deep.bylines.first().author
    sections = list(SectionPage.objects.live().order_by("path"))
    authors = list(Author.objects.order_by("pk")[:15]) + [author]
    tags = list(Tag.objects.order_by("pk")[:10])
    today = timezone.localdate()
    addresses = ["/"]
    addresses += [path for s in sections for path in (s.url, s.url + "?page=2")]
    addresses += [article.url for article in {a.pk: a for a in newest + spread}.values()]
    addresses += [
        reverse("news:author", args=[a.slug]) for a in {a.pk: a for a in authors}.values()
    ]
    addresses += [reverse("news:tag", args=[t.slug]) for t in tags]
    addresses += [
        reverse("findability:archives"),
        reverse("findability:archive_year", args=[today.year]),
        reverse("findability:archive_month", args=[today.year, today.month]),
        reverse("findability:corrections"),
        reverse("findability:sitemap_index"),
        reverse("findability:sitemap", args=["articles"]),
        reverse("findability:sitemap", args=["pages"]),
        reverse("findability:news_sitemap"),
        reverse("findability:site_rss"),
        reverse("findability:site_atom"),
        *(reverse("findability:section_rss", args=[s.url.strip("/")]) for s in sections[:4]),
        reverse("findability:author_atom", args=[author.slug]),
        *(reverse("findability:tag_rss", args=[t.slug]) for t in tags[:3]),
    ]
    search = reverse("findability:search")
    for article in (une, deep, popular[0]):
        word = max(article.title.split(), key=len)
        addresses.append(f"{search}?q={word}")
    addresses.append(f"{search}?q=europe")
    return {
        "addresses": [iri_to_uri(address) for address in addresses],
        "editor": editor.pk,
        "targets": {
            "une": une.pk,
            "most_read": popular[0].pk,
            "deep": deep.pk,
            "comment": commented.pk,
            "author": author.pk,
        },
        "titles": {"une": une.title, "most_read": popular[0].title, "deep": deep.title},
        "une_url": une.url,
    }


def edit(kind: str, target: int, editor_id: int, round_number: int) -> None:
    """Wait for « go » on stdin, make the change as the admin does, print when it committed
    and what it purged."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from gazette.comments import services as comment_services
    from gazette.comments.models import Comment
    from gazette.core import invalidation
    from gazette.news.models import ArticlePage, Author

    purged: list[str] = []
    purge_now = invalidation.purge_now

    def recording_purge_now(keys):
        purged.extend(keys)
        purge_now(keys)

    invalidation.purge_now = recording_purge_now
    editor = User.objects.get(pk=editor_id)
    comment = None
    if kind == "comment":  # a reader's comment, held for moderation (not timed)
        comment = Comment.objects.create(
            article_id=target,
            text=f"Un avis de lecteur, numéro {round_number}.",
            status=Comment.Status.PENDING,
            author_name="Lecteur",
            author_email="lecteur@exemple.fr",
        )
    print("READY", flush=True)
    sys.stdin.readline()
    stamps = {}
    with transaction.atomic():
        # The first callback after the COMMIT, before the purges the change queues.
        transaction.on_commit(lambda: stamps.setdefault("commit", time.time()))
        started = time.time()
        if kind in ("une", "most_read", "deep"):
            page = ArticlePage.objects.get(pk=target)
            base = page.title.split(" — mise à jour")[0]
            page.title = f"{base} — mise à jour {round_number}"
            page.save_revision(user=editor).publish(user=editor)
        elif kind == "comment":
            comment_services.approve_comment(comment, moderator=editor)
        elif kind == "author":
            author = Author.objects.get(pk=target)
            author.name = f"{author.name.split(' (')[0]} ({round_number})"
            author.save()
    stamps["done"] = time.time()
    print(json.dumps({"started": started, **stamps, "keys": sorted(set(purged))}), flush=True)


def editor_main(argv) -> None:
    django_setup()
    if argv[0] == "prepare":
        print(json.dumps(prepare()))
    else:
        edit(argv[1], int(argv[2]), int(argv[3]), int(argv[4]))


# The bench's side: servers, requests, figures


def run(*command, env, cwd=ROOT) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    )
    return result.stdout.strip()


def environment(var_dir: str, shape: str, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        GAZETTE_VAR_DIR=var_dir,
        GAZETTE_SECRET_KEY="bench-" + "x" * 40,
        GAZETTE_ALLOWED_HOSTS=HOST,
        GAZETTE_LOG_LEVEL="WARNING",
        GAZETTE_BASE_URL=f"http://{HOST}:{port}",
        GAZETTE_DB_CONN_MAX_AGE="60",
        TQDM_DISABLE="1",
    )
    if shape == "redis":
        env.update(DATABASE_URL=POSTGRES + DATABASE, REDIS_URL=REDIS_URL)
    return env


def build_site(tree: Path, env: dict, shape: str, articles: int) -> float:
    """Seconds `generate_newsroom` took (10 comments an article, as bench/pages.py)."""
    python = tree / ".venv" / "bin" / "python"
    if shape == "redis":
        for statement in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
            run("psql", POSTGRES + "postgres", "-q", "-c", statement, env=env)
        run("redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "FLUSHDB", env=env)
    run(python, "manage.py", "migrate", "--no-input", "-v0", env=env, cwd=tree)
    run(python, "manage.py", "collectstatic", "--no-input", "-v0", env=env, cwd=tree)
    run(python, "manage.py", "sync_site", env=env, cwd=tree)
    started = time.monotonic()
    run(
        python,
        "manage.py",
        "generate_newsroom",
        "--articles",
        articles,
        "--comments",
        10 * articles,
        "-v0",
        env=env,
        cwd=tree,
    )
    return time.monotonic() - started


def granian(tree: Path, env: dict, port: int, workers: int = 2) -> subprocess.Popen:
    """`make serve` in `tree` (its granian, access log and task worker), on our port, once it
    answers (bench/servers.py)."""
    return servers.start("serve", env=env, port=port, tree=tree, WORKERS=workers)


def get(port: int, address: str) -> tuple[int, dict, bytes]:
    """One request on a new connection: granian's workers take turns accepting them."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", address, headers={"Host": HOST})
        response = connection.getresponse()
        body = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, body
    finally:
        connection.close()


def digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def warm(addresses: list[str], hits_in_a_row: int = 6) -> dict:
    """Each address until it is a hit several times in a row on new connections (both workers
    keep it); those never stored (too big, not public) are left out. Returns, for each, the
    cached body's digest and its keys."""

    def one(address):
        streak, status, headers, body = 0, 0, {}, b""
        for _ in range(40):
            status, headers, body = get(CACHED_PORT, address)
            streak = streak + 1 if headers.get("x-gazette-cache") == "hit" else 0
            if streak >= hits_in_a_row:
                keys = set(headers.get("surrogate-key", "").split())
                return address, {"digest": digest(body), "keys": keys}
        return address, None

    with ThreadPoolExecutor(POLLERS) as pool:
        return {address: found for address, found in pool.map(one, addresses) if found}


def fresh(addresses) -> dict:
    with ThreadPoolExecutor(POLLERS) as pool:
        answers = pool.map(lambda address: get(FRESH_PORT, address), addresses)
        return {
            address: digest(body) for address, (_, _, body) in zip(addresses, answers, strict=True)
        }


class Poller:
    """Goes over the warmed addresses in turn, POLLERS at a time, noting each answer."""

    def __init__(self, addresses):
        self.addresses, self.log, self.passes = list(addresses), [], []
        self.running, self.thread = True, threading.Thread(target=self.loop)

    def loop(self):
        with ThreadPoolExecutor(POLLERS) as pool:
            while self.running:
                started = time.time()
                self.log += pool.map(self.poll, self.addresses)
                self.passes.append((started, time.time()))

    def poll(self, address):
        sent = time.time()
        _, headers, body = get(CACHED_PORT, address)
        return address, sent, time.time(), headers.get("x-gazette-cache"), digest(body)

    def misses_in_last_pass(self) -> int:
        recent = self.log[-len(self.addresses) :]
        return sum(outcome != "hit" for _, _, _, outcome, _ in recent)


def one_change(
    kind: str, round_number: int, site: dict, env: dict, warmed: dict, known_stale: set
) -> dict:
    """One change while polling. Pages left stale by an earlier change (`known_stale`) are
    polled but not counted: they would be counted as changed by every later change."""
    python = ROOT / ".venv" / "bin" / "python"
    editor = subprocess.Popen(
        [
            str(python),
            __file__,
            "--editor",
            "change",
            kind,
            str(site["targets"][kind]),
            str(site["editor"]),
            str(round_number),
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert editor.stdout.readline().strip() == "READY"
    before = warm(list(warmed))  # again: the previous change's pages, the new comment's
    poller = Poller(before)
    poller.thread.start()
    time.sleep(0.3)
    editor.stdin.write("go\n")
    editor.stdin.flush()
    stamps = json.loads(editor.stdout.readline())
    editor.wait()
    deadline = stamps["done"] + 90
    while time.time() < deadline:
        time.sleep(0.2)
        if (
            time.time() > stamps["done"] + 3
            and len(poller.passes) >= 3
            and poller.passes[-1][0] > stamps["done"] + 1.5
            and poller.misses_in_last_pass() == 0
        ):
            break
    poller.running = False
    poller.thread.join()
    after = fresh(list(before))
    before = {a: found for a, found in before.items() if a not in known_stale}
    poller.log = [entry for entry in poller.log if entry[0] in before]
    commit = stamps["commit"]
    keys = set(stamps["keys"])
    everything = "*" in keys
    purged = {a for a, found in before.items() if everything or found["keys"] & keys}
    changed = {a for a in before if after[a] != before[a]["digest"]}
    missed = {a for a, sent, _, outcome, _ in poller.log if sent > commit and outcome != "hit"}
    last = {}
    for address, _sent, _received, _outcome, found in poller.log:
        last[address] = found
    stale = {a for a in before if last[a] != after[a]}
    stale_answers = [
        (s, a)
        for a, s, _, _, found in poller.log
        if s > commit and found != after[a] and a not in stale
    ]
    fresh_since = {}
    for address, _sent, received, _outcome, found in poller.log:
        if found != after[address]:
            fresh_since[address] = None
        elif fresh_since.get(address) is None:
            fresh_since[address] = received
    all_fresh = max((fresh_since[a] for a in changed - stale), default=commit)
    pass_seconds = [end - start for start, end in poller.passes]
    return {
        "kind": kind,
        "round": round_number,
        "warmed": len(before),
        "keys": len(keys),
        "everything": everything,
        "purged": len(purged),
        "missed": len(missed),
        "changed": len(changed),
        "changed_not_purged": sorted(changed - purged),
        "stale": sorted(stale),
        "commit_to_purged_ms": (stamps["done"] - commit) * 1000,
        "change_ms": (commit - stamps["started"]) * 1000,
        "last_stale_ms": (max(stale_answers)[0] - commit) * 1000 if stale_answers else 0.0,
        "last_stale_address": max(stale_answers)[1] if stale_answers else None,
        "all_fresh_ms": (all_fresh - commit) * 1000,
        "pass_ms": statistics.median(pass_seconds) * 1000,
    }


def purges(size: int, args) -> dict:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-purge-") as var_dir:
        env = environment(var_dir, args.shape, CACHED_PORT)
        generated = build_site(ROOT, env, args.shape, size)
        python = ROOT / ".venv" / "bin" / "python"
        site = json.loads(run(python, __file__, "--editor", "prepare", env=env).splitlines()[-1])
        # Each process of the embedded shape refreshes its own « Les + Lus » on its own
        # clock: the two servers would show different lists for reasons no purge is about.
        env["GAZETTE_MOST_READ_SECONDS"] = str(args.most_read_seconds)
        cached_env = {**env, "GAZETTE_SURROGATE_KEYS": "1"}
        fresh_env = {**env, "GAZETTE_PAGE_CACHE": "0", "GAZETTE_FRAGMENT_CACHE": "0"}
        started = [granian(ROOT, cached_env, CACHED_PORT), granian(ROOT, fresh_env, FRESH_PORT)]
        try:
            get(CACHED_PORT, "/")
            time.sleep(SETTLE_SECONDS)
            warmed = warm(site["addresses"])
            home = get(CACHED_PORT, "/")[2].decode()
            assert site["une_url"] in home, ("l'article choisi n'est pas à la une", site)
            rendered = fresh(list(warmed))
            unequal = [a for a in warmed if rendered[a] != warmed[a]["digest"]]
            assert not unequal, f"page gardée ≠ rendu neuf avant tout changement : {unequal}"
            results, known_stale = [], set()
            for round_number in range(1, args.rounds + 1):
                for kind in args.changes.split(","):
                    results.append(one_change(kind, round_number, site, env, warmed, known_stale))
                    known_stale.update(results[-1]["stale"])
                    print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        finally:
            for server in started:
                stop(server)
    return {
        "size": size,
        "generated_s": generated,
        "addresses": len(site["addresses"]),
        "warmed": len(warmed),
        "never_stored": sorted(set(site["addresses"]) - set(warmed)),
        "results": results,
    }


def cached_article_throughput(args) -> dict:
    """Each tree on its own fresh embedded site; wrk on the same article, runs alternated."""
    sys.path.insert(0, str(ROOT / "bench"))
    from beacon import run_wrk

    trees = {"after": ROOT, "before": Path(args.before).resolve()}
    figures = {name: [] for name in trees}
    info = {}
    with tempfile.TemporaryDirectory(prefix="gazette-bench-purge-wrk-") as folder:
        started, urls = [], {}
        try:
            for name, tree in trees.items():
                port = THROUGHPUT_PORTS[name]
                var_dir = Path(folder, name)
                var_dir.mkdir()
                env = environment(str(var_dir), "embedded", port)
                build_site(tree, env, "embedded", args.throughput_articles)
                python = tree / ".venv" / "bin" / "python"
                path = run(
                    python,
                    "manage.py",
                    "shell",
                    "-c",
                    "from gazette.news.models import ArticlePage; print(ArticlePage.objects"
                    ".live().order_by('-first_published_at', '-pk')[5].url)",
                    env=env,
                    cwd=tree,
                ).splitlines()[-1]
                commit = run("git", "rev-parse", "--short", "HEAD", env=env, cwd=tree)
                started.append(granian(tree, env, port))
                for _ in range(20):
                    status, headers, body = get(port, path)
                assert headers.get("x-gazette-cache") == "hit", (name, headers)
                urls[name] = f"http://{HOST}:{port}{path}"
                info[name] = {"commit": commit, "path": path, "bytes": len(body)}
            for _ in range(args.rounds):
                for name in trees:
                    run_wrk(urls[name], seconds=2, connections=32, script="pages.lua")
                    figures[name].append(
                        run_wrk(urls[name], seconds=8, connections=32, script="pages.lua")
                    )
                    print(name, round(figures[name][-1]["per_second"]), file=sys.stderr)
        finally:
            for server in started:
                stop(server)
    return {"info": info, "figures": figures}


def spread(values, unit="", digits=0) -> str:
    values = list(values)
    fmt = f"{{:,.{digits}f}}"
    if not values:
        return "—"
    return (
        f"{fmt.format(statistics.median(values))}{unit} "
        f"({fmt.format(min(values))}–{fmt.format(max(values))})"
    )


def purge_table(runs: list[dict]) -> list[str]:
    lines = [
        "| articles | change | purged keys | warmed pages purged (by keys; answered miss) "
        "| pages really changed | stale at the end | commit → purge sent | last stale answer "
        "after commit | all changed pages answered fresh (poller) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size_run in runs:
        for kind in CHANGES:
            rows = [r for r in size_run["results"] if r["kind"] == kind]
            if not rows:
                continue
            warmed = rows[0]["warmed"]
            stale = sum(len(r["stale"]) for r in rows)
            lines.append(
                f"| {size_run['size']:,} | {CHANGE_NAMES[kind]} "
                f"| {spread(r['keys'] for r in rows)}{' incl. *' if rows[0]['everything'] else ''}"
                f" | {spread(r['purged'] for r in rows)} of {warmed}; "
                f"{spread(r['missed'] for r in rows)} "
                f"| {spread(r['changed'] for r in rows)} | {stale} "
                f"| {spread((r['commit_to_purged_ms'] for r in rows), ' ms')} "
                f"| {spread((r['last_stale_ms'] for r in rows), ' ms')} "
                f"| {spread((r['all_fresh_ms'] for r in rows), ' ms')} |"
            )
    return lines


def throughput_table(result: dict) -> list[str]:
    lines = [
        "| tree | commit | article | requests/s, median (range) of "
        f"{len(result['figures']['after'])} | p99 median | non-200, socket errors |",
        "|---|---|---|---|---|---|",
    ]
    for name, label in (("before", "before the keys"), ("after", "with the keys")):
        runs, info = result["figures"][name], result["info"][name]
        others = sum(n for r in runs for s, n in r["statuses"].items() if s != 200)
        errors = sum(r.get("socket_errors", 0) for r in runs)
        lines.append(
            f"| {label} | {info['commit']} | `{info['path']}` ({info['bytes']:,} bytes) "
            f"| {spread(r['per_second'] for r in runs)} "
            f"| {statistics.median(r['p99_us'] for r in runs) / 1000:.1f} ms "
            f"| {others}, {errors} |"
        )
    return lines


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--editor":
        return editor_main(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000", help="articles, comma-separated")
    parser.add_argument("--shape", default="embedded", choices=("embedded", "redis"))
    parser.add_argument("--changes", default=",".join(CHANGES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--most-read-seconds", type=int, default=86400, help="GAZETTE_MOST_READ_SECONDS"
    )
    parser.add_argument("--throughput", action="store_true", help="wrk, this tree vs --before")
    parser.add_argument("--before", default="/work/wt/purgebench-before")
    parser.add_argument("--throughput-articles", type=int, default=1000)
    parser.add_argument("--note", default="(not said)", help="one sentence: what changed")
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from beacon import machine

    load = Path("/proc/loadavg").read_text().split()[0]
    started = dt.datetime.now(dt.UTC)
    facts = machine()
    command = shlex.join(["bench/purge_latency.py", *sys.argv[1:]])
    lines = [
        f"## {started.date().isoformat()} · purge latency · commit {facts['commit']}",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, "
        f"{facts['os']}; load average when the run started: {load}; started "
        f"{started:%H:%M} UTC (the servers, the poller, wrk and other sessions' work share "
        "these cores)",
        f"- Versions: {facts['versions']}",
        f"- What changed: {args.note}",
        f"- Command: `{command}`",
    ]
    if args.throughput:
        result = cached_article_throughput(args)
        lines += [
            "",
            f"Cached article, embedded shape, fresh {args.throughput_articles:,}-article site "
            "for each tree (`generate_newsroom`); granian as `make serve` (2 workers × 4 "
            "threads); `wrk -t2 -c32 -d8s` after 2 s of warm-up, trees alternated, "
            f"{args.rounds} runs each:",
            "",
            *throughput_table(result),
        ]
    else:
        runs = [purges(int(size), args) for size in args.sizes.split(",")]
        generated = ", ".join(f"{r['size']:,}: {r['generated_s']:.0f} s" for r in runs)
        shape = (
            "embedded (SQLite, page cache in each worker's memory, purge log read at most "
            "once a second)"
            if args.shape == "embedded"
            else "PostgreSQL + Redis (purges over pub/sub)"
        )
        lines += [
            f"- Shape: {shape}; granian as `make serve` (2 workers × 4 threads) with the task "
            "worker; fresh renders from a second granian with GAZETTE_PAGE_CACHE=0 "
            f"GAZETTE_FRAGMENT_CACHE=0; {POLLERS} pollers, a new connection per request; "
            f"GAZETTE_MOST_READ_SECONDS={args.most_read_seconds} for every process",
            f"- Data: `generate_newsroom --articles N --comments 10N` ({generated}); "
            f"addresses warmed: {', '.join(str(r['warmed']) for r in runs)} "
            f"(of {', '.join(str(r['addresses']) for r in runs)}: the others are never stored)",
            f"- Each change made {args.rounds} times; median (range). Poller pass over all "
            f"warmed pages: {spread(x['pass_ms'] for r in runs for x in r['results'])} ms",
            "- Reading: « purged » are the warmed pages whose keys the change purged; « really "
            "changed », those whose render by the second granian after the change differs from "
            "the cached page before it. What each process keeps of its own (« Les + Lus » in the "
            "embedded shape) is stale in that server too, so such a page counts as unchanged. A "
            "page left stale is reported in the round that saw it, not always the one that "
            "caused it (the task worker acts seconds later), and left out of later rounds.",
            "",
            *purge_table(runs),
        ]
        problems = [
            f"{r['size']:,} {x['kind']} round {x['round']}: stale {x['stale']}, changed but "
            f"not purged {x['changed_not_purged']}"
            for r in runs
            for x in r["results"]
            if x["stale"] or x["changed_not_purged"]
        ]
        for r in runs:
            if r["never_stored"]:
                lines += ["", f"Never stored at {r['size']:,} (not counted): {r['never_stored']}"]
        if problems:
            lines += ["", "Stale pages:", *(f"- {p}" for p in problems)]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
