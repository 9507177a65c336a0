"""With Redis, each process's memory stays exact through the purge channel: a purge made by
another process empties it within a second, and while the subscription is not alive the memory
is neither read nor filled. Against the real Redis of the run (skipped without REDIS_URL)."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from gazette.core import invalidation, page_store, purge_channel

from .test_page_memory import Newsroom, get

pytestmark = [pytest.mark.django_db, pytest.mark.system]


@pytest.fixture
def process():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL (make test's PostgreSQL run sets it)")
    process = page_store._start_process()
    wait_until(lambda: process.listener.healthy, "no subscription to the purge channel")
    yield process
    if not process.listener.healthy:  # stopped by the test: the next test gets a new one
        page_store._after_fork()


def wait_until(condition, message, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.01)


def test_a_purge_by_another_process_empties_this_ones_memory_within_a_second(process):
    newsroom = Newsroom()
    get(newsroom, "/monde/")
    get(newsroom, "/sport/")
    assert get(newsroom, "/monde/")["cache"] == "hit"
    purger = "import django; django.setup(); from gazette.core import invalidation; "
    subprocess.run(
        [sys.executable, "-c", purger + "invalidation.purge_now(['place:monde'])"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gazette.settings"},
        check=True,
        cwd=settings.BASE_DIR,
    )
    purged_at = time.monotonic()
    wait_until(lambda: "/monde/" not in process.memory.pages, "still kept")
    assert time.monotonic() - purged_at < 1
    assert get(newsroom, "/monde/")["cache"] == "miss"
    assert get(newsroom, "/sport/")["cache"] == "hit"


def test_everything_purged_elsewhere_empties_the_memory(process):
    newsroom = Newsroom()
    get(newsroom, "/sport/")
    another = redis.Redis.from_url(os.environ["REDIS_URL"])
    invalidation.bump(["*"])
    another.publish(purge_channel.channel(another), "un-autre-serveur\n*")  # its message
    wait_until(lambda: "/sport/" not in process.memory.pages, "still kept")
    assert get(newsroom, "/sport/")["cache"] == "miss"


def test_without_a_subscription_pages_come_from_redis_and_not_from_memory(process):
    newsroom = Newsroom()
    get(newsroom)
    process.listener.stop()  # purges would go unheard from now on
    assert get(newsroom)["cache"] == "hit"  # from Redis: same bytes, no render
    assert newsroom.renders == 1
    invalidation.bump(["place:monde"])  # a purge this process does not hear
    assert get(newsroom)["cache"] == "miss"
    assert process.memory.pages == {}


def test_memory_is_emptied_when_the_subscription_is_lost_and_again_when_back(process):
    """A purge published while the connection was down is lost for this process: what its
    memory held may be stale, so nothing of it is served once subscribed again."""
    newsroom = Newsroom()
    get(newsroom)
    cache.delete(page_store.entry_key("/monde/"))  # purged while this process was away
    admin = redis.Redis.from_url(os.environ["REDIS_URL"])
    name = f"gazette-page-purges-{os.getpid()}"
    (listener,) = [c for c in admin.client_list(_type="pubsub") if c["name"] == name]
    admin.client_kill_filter(_id=listener["id"])
    wait_until(lambda: not process.listener.healthy, "the lost connection went unnoticed", 2)
    wait_until(lambda: process.listener.healthy, "no new subscription")
    assert get(newsroom)["cache"] == "miss"
    assert get(newsroom)["cache"] == "hit"
