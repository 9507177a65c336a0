"""Where a cold render spends its time: for la une, a section and an article, the median of
cold renders, the query count and the top functions by cumulative time (cProfile).

The issue asks for « a profile summary of the cold render before and after »: this prints it.
Cold as in bench/render_pages.py: GAZETTE_PAGE_CACHE=0 and GAZETTE_FRAGMENT_CACHE=0, Django's
test client in one process, so that what is measured is the render work itself. Run it on a
database `generate_newsroom` filled (bench/pages.py's data):

    GAZETTE_VAR_DIR=… .venv/bin/python bench/render_profile.py [--repeat 50] [--top 25]

cProfile slows Python calls several times over, more for code making many small calls: the
profiled pass says where the time goes, the unprofiled medians how much there is.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
os.environ["GAZETTE_PAGE_CACHE"] = "0"
os.environ["GAZETTE_FRAGMENT_CACHE"] = "0"
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from gazette.news.models import ArticlePage, SectionPage  # noqa: E402


def pages() -> dict[str, str]:
    """bench/render_pages.py's pages, without the author's: la une, a section (first page and
    second) and Monde's newest article."""
    monde = SectionPage.objects.get(slug="monde", depth=3)
    article = ArticlePage.objects.child_of(monde).teasers().first()
    return {
        "la une": "/",
        "section": monde.url,
        "section, page 2": monde.url + "?page=2",
        "article": article.url,
    }


def get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def timings(client: Client, url: str, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each render, each sorted. The CPU time of this
    thread leaves out the waits for a core on a shared machine (and PostgreSQL's own work)."""
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        get(client, url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return sorted(times), sorted(cpu)


def profile(client: Client, url: str, renders: int, top: int, sort: str, match: str) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        get(client, url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(sort).print_stats(*([match] if match else []), top)
    # The header (paths, totals) and the lines, each function's path shortened to the package.
    lines = [line.replace(str(Path(sys.prefix)), "") for line in out.getvalue().splitlines()]
    return "\n".join(line for line in lines if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed renders of each page")
    parser.add_argument("--profiled", type=int, default=20, help="renders under cProfile")
    parser.add_argument("--top", type=int, default=25, help="functions listed")
    parser.add_argument("--sort", default="cumulative", help="pstats order (cumulative, tottime)")
    parser.add_argument("--only", default="", help="one page's name (la une, section, article)")
    parser.add_argument("--match", default="", help="only functions whose path matches (gazette/)")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(f"database: {connection.vendor}")
    for name, url in pages().items():
        if args.only and name != args.only:
            continue
        for _ in range(3):
            get(client, url)
        counts = set()
        for _ in range(3):  # a render now and then reads what another app keeps a while
            with CaptureQueriesContext(connection) as queries:
                body = get(client, url).content
            counts.add(len(queries.captured_queries))
        count = "–".join(str(n) for n in sorted(counts))
        times, cpu = timings(client, url, args.repeat)
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(f"\n## {name} ({url}): {len(body):,} bytes, {count} queries")
        print(
            f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"CPU median {statistics.median(cpu):.1f} ms, fastest {times[0]:.1f} ms, "
            f"{args.repeat} renders"
        )
        if args.profiled:
            print(profile(client, url, args.profiled, args.top, args.sort, args.match))


if __name__ == "__main__":
    main()
