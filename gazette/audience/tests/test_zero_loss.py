"""Zero loss: 2,400 beacons from distinct visitors, fired concurrently at a real server, and
exactly as many views stored as 204 answers given. The embedded mode runs its writer thread
(1-second batches) on SQLite; the Redis mode counts in Redis and flushes to the database
(PostgreSQL in `make test`)."""

import http.client
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.urls import reverse

from gazette.audience.services import flush_counts
from gazette.news.tests.factories import make_article, make_home, make_section

from .readers import READER, stored_views

BEACONS = 2_400  # several of the writer's batches; bench/beacon.py fires far more
CONNECTIONS = 48


def fire(conn: http.client.HTTPConnection, path: str, ids: list[int], indices: range) -> list:
    """Beacons on one keep-alive connection, each from its own address behind our proxy."""
    statuses = []
    for index in indices:
        conn.request(
            "POST",
            path,
            json.dumps({"id": ids[index % len(ids)]}),
            {
                "Content-Type": "text/plain;charset=UTF-8",
                "User-Agent": READER["user_agent"],
                "X-Forwarded-For": f"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}",
            },
        )
        # Django's test server writes an answer in several small segments: with Nagle on its
        # side and delayed acknowledgements on ours, each would wait 40 ms.
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
    return statuses


@pytest.mark.system
@pytest.mark.django_db(transaction=True)
def test_every_acknowledged_read_is_stored(mode, live_server, settings):
    if mode == "embedded" and connection.vendor != "sqlite":
        pytest.skip("the embedded mode is SQLite's; on PostgreSQL this test runs with Redis")
    settings.GAZETTE_TRUSTED_PROXIES = "1"
    settings.GAZETTE_AUDIENCE_BATCH_SECONDS = 1  # the real writer thread, not inline writes
    section = make_section(make_home(), "Monde")
    ids = [make_article(section, f"Article {n}").pk for n in range(3)]
    server = urlsplit(live_server.url)
    path = reverse("audience:beacon")
    # Connections open one at a time, each with a first beacon: the test server's listen queue
    # holds 10, and a burst of connections would be reset. The first beacon also puts the
    # day's salt and the live ids in the server's memory, as on a site that has been up a
    # while: then only the writer thread touches the database (SQLite's in-memory test
    # database locks whole tables between connections, which a database file never does).
    conns, statuses = [], []
    for n in range(CONNECTIONS):
        conns.append(http.client.HTTPConnection(server.hostname, server.port, timeout=30))
        statuses += fire(conns[-1], path, ids, range(BEACONS + n, BEACONS + n + 1))
    share = -(-BEACONS // CONNECTIONS)

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        batches = pool.map(
            lambda n: fire(conns[n], path, ids, range(n * share, min((n + 1) * share, BEACONS))),
            range(CONNECTIONS),
        )
        statuses += [status for batch in batches for status in batch]
    for conn in conns:
        conn.close()
    flush_counts()  # what the writer thread or the periodic task does next

    assert len(statuses) == BEACONS + CONNECTIONS
    assert set(statuses) == {204}, {status: statuses.count(status) for status in set(statuses)}
    assert stored_views() == statuses.count(204)
