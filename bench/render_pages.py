"""Run by bench/pages.py inside the app's environment: renders each page with Django's test
client, uncached, and prints the figures as JSON.

In-process, on purpose: on a shared 2-core machine an HTTP server and a load generator add
their own noise, and what grows with the data is the database's and the template's work,
which the test client measures alone. Throughput through real servers is the other half of
bench/pages.py.
"""

import json
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
# What grows with the archive is the database's and the templates' work: every render is cold,
# with no kept fragment (gazette/core/fragments.py) standing in for it.
os.environ.setdefault("GAZETTE_FRAGMENT_CACHE", "0")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from gazette.news.models import ArticlePage, Author, SectionPage  # noqa: E402


def pages() -> dict[str, str]:
    """The same pages at every size: la une, the 2nd page of Monde (with its sub-section),
    Monde's newest article, and the first author's page."""
    monde = SectionPage.objects.get(slug="monde", depth=3)
    article = ArticlePage.objects.child_of(monde).teasers().first()
    author = Author.objects.order_by("pk").first()
    return {
        "la une": "/",
        "section, page 2": monde.url + "?page=2",
        "article": article.url,
        "author": author.get_absolute_url(),
    }


def measure(client: Client, url: str, repeat: int) -> dict:
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Read now: the next request's `request_started` empties the connection's query log.
    count = len(queries.captured_queries)
    slowest = max(queries.captured_queries, key=lambda query: float(query["time"]))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    return {
        "url": url,
        "queries": count,
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "slowest_query": slowest["sql"][:300],
        "slowest_query_ms": float(slowest["time"]) * 1000,
    }


def main() -> None:
    repeat = int(sys.argv[1])
    client = Client(HTTP_HOST="127.0.0.1")
    print(json.dumps({name: measure(client, url, repeat) for name, url in pages().items()}))


if __name__ == "__main__":
    main()
