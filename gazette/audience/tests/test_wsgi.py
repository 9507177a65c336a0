"""The WSGI entry point answers beacons itself and hands everything else to Django."""

import json
import re

import pytest
from django.urls import reverse

from gazette.core.tests.wsgi_client import wsgi_request
from gazette.wsgi import application

from .readers import READER, stored_views

pytestmark = pytest.mark.django_db


def call(path, body=b"", *, method="POST", host="localhost", remote_addr=READER["ip"]):
    return wsgi_request(
        application,
        path,
        method=method,
        body=body,
        host=host,
        remote_addr=remote_addr,
        user_agent=READER["user_agent"],
    )


def test_a_beacon_is_answered_and_counted_without_django_s_middleware(mode, article):
    answer = call(reverse("audience:beacon"), json.dumps({"id": article.pk}).encode())

    assert answer["status"] == "204 No Content"
    assert "Set-Cookie" not in answer["headers"]
    assert "no-store" in answer["headers"]["Cache-Control"]
    assert "X-Frame-Options" not in answer["headers"]  # the middleware was skipped indeed
    assert stored_views(article=article) == 1


@pytest.mark.parametrize(
    ("method", "body", "host", "status"),
    [
        ("POST", b"{", "localhost", "400 Bad Request"),
        ("GET", b"", "localhost", "405 Method Not Allowed"),
        ("POST", b'{"id": 1}', "evil.example", "400 Bad Request"),  # not in ALLOWED_HOSTS
    ],
)
def test_the_beacon_path_refuses_what_the_view_refuses(mode, article, method, body, host, status):
    assert call(reverse("audience:beacon"), body, method=method, host=host)["status"] == status
    assert stored_views() == 0


def test_other_paths_go_through_django(article):
    answer = call(article.url, method="GET")

    assert answer["status"] == "200 OK"
    assert "X-Frame-Options" in answer["headers"]


def test_reads_count_behind_the_full_page_cache(mode, article):
    """The page a reader gets from the cache carries the beacon, and the beacon is never
    cached: three readers of one stored page are three reads."""
    first = call(article.url, method="GET")
    stored = call(article.url, method="GET")
    assert stored["headers"]["X-Gazette-Cache"] == "hit"
    html = stored["body"].decode()
    article_id = int(re.search(r'data-article="(\d+)"', html)[1])
    endpoint = re.search(r'data-endpoint="([^"]+)"', html)[1]
    assert first["body"] == stored["body"] and article_id == article.pk
    for reader in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        answer = call(endpoint, json.dumps({"id": article_id}).encode(), remote_addr=reader)
        assert answer["status"] == "204 No Content"
    assert stored_views(article=article) == 3
