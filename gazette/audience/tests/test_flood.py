"""One client cannot make « Les + Lus »: a flood of beacons from one address, each with a new
user agent, adds at most READERS_PER_NETWORK reads to an article's day and writes no more than
READS_PER_MINUTE rows or keys a minute, on both backends; readers from many addresses all
count."""

import json
from datetime import timedelta

import pytest
import redis
from django.urls import reverse
from django.utils import timezone

from gazette.audience.backends.base import READERS_PER_NETWORK, READS_PER_MINUTE
from gazette.audience.backends.redis import PREFIX, key
from gazette.audience.models import VisitorDigest
from gazette.audience.services import refresh_most_read
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.tests.factories import make_article
from gazette.wsgi import application

from .readers import NOON, REDIS_URL, read, stored_views

pytestmark = pytest.mark.django_db
FLOOD = 800


def beacon(article, *, remote_addr, user_agent, forwarded_for=None) -> str:
    headers = {"x_forwarded_for": forwarded_for} if forwarded_for else {}
    return wsgi_request(
        application,
        reverse("audience:beacon"),
        method="POST",
        body=json.dumps({"id": article.pk}).encode(),
        remote_addr=remote_addr,
        user_agent=user_agent,
        **headers,
    )["status"]


def written(mode) -> dict:
    """What the day's deduplication holds: rows in the embedded mode, keys in Redis."""
    if mode == "embedded":
        return {"digests": VisitorDigest.objects.count()}
    client = redis.Redis.from_url(REDIS_URL)
    names = list(client.scan_iter(match=PREFIX + "*"))
    return {"digests": client.scard(key(f"seen:{NOON.date()}")), "keys": len(names)}


@pytest.mark.parametrize(
    "address",
    [
        lambda n: "203.0.113.66",
        lambda n: f"2001:db8:1:2::{n:x}",  # any address of one /64
    ],
    ids=["ipv4", "ipv6"],
)
def test_a_flood_from_one_address_adds_at_most_the_cap_to_the_ranking(
    mode, monde, article, address
):
    rival = make_article(monde, "Le vrai sujet du jour")
    for number in range(READERS_PER_NETWORK + 3):
        assert beacon(rival, remote_addr=f"198.51.100.{number}", user_agent="Firefox") == (
            "204 No Content"
        )

    for number in range(FLOOD):
        status = beacon(article, remote_addr=address(number), user_agent=f"Robot/{number}")
        assert status == "204 No Content"  # nothing tells the flooder it stopped counting

    assert stored_views(article=article) == READERS_PER_NETWORK
    assert stored_views(article=rival) == READERS_PER_NETWORK + 3
    ranking = refresh_most_read(now=timezone.now())
    assert [entry.title for entry in ranking.site["day"]][:2] == [rival.title, article.title]


def test_a_forged_forwarded_header_does_not_make_a_flood_many_readers(mode, article, settings):
    settings.GAZETTE_TRUSTED_PROXIES = "10.0.0.0/8"
    for number in range(50):
        beacon(
            article,
            remote_addr="203.0.113.66",  # not our proxy: its header is its own invention
            forwarded_for=f"198.51.100.{number}",
            user_agent=f"Robot/{number}",
        )
    assert stored_views(article=article) == READERS_PER_NETWORK


def test_a_flood_writes_no_more_than_the_rate_a_minute(mode, monde):
    """Over many articles the cap per article is no bound on the writes: the rate is."""
    articles = [make_article(monde, f"Article {number}") for number in range(15)]
    for number in range(FLOOD):
        read(articles[number % 15], ip="203.0.113.66", user_agent=f"Robot/{number}")

    assert stored_views() == READS_PER_MINUTE
    assert written(mode)["digests"] == READS_PER_MINUTE
    before = written(mode)

    for number in range(FLOOD):
        read(
            articles[number % 15],
            ip="203.0.113.66",
            user_agent=f"Robot/{FLOOD + number}",
            now=NOON + timedelta(minutes=1),
        )

    # The next minute, only what each article's cap still allows: 15 × (5 - 4).
    assert stored_views() == 15 * READERS_PER_NETWORK
    assert written(mode)["digests"] == 15 * READERS_PER_NETWORK
    if mode == "redis":
        # salt, seen, places, counts, articles, and one rate hash a minute: no key a read.
        assert before["keys"] <= 6 and written(mode)["keys"] <= 7


def test_readers_from_many_addresses_all_count(mode, article):
    for number in range(300):
        read(article, ip=f"198.51.{number // 250}.{number % 250}")
    for number in range(READERS_PER_NETWORK):  # a household or an office, several browsers
        read(article, ip="203.0.113.7", user_agent=f"Navigateur {number}")

    assert stored_views(article=article) == 300 + READERS_PER_NETWORK
