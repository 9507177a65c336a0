"""The scaled shape's queue of reads (backends/sender.py): acknowledged first, in Redis right
after, none lost when Redis stops for a while or when the process ends normally."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from gazette.audience import backends
from gazette.audience.backends import sender as sender_module
from gazette.audience.backends.sender import MAX_PENDING, Sender
from gazette.audience.services import flush_counts

from .readers import REDIS_URL, needs_redis, read, stored_views

ROOT = Path(django_settings.BASE_DIR)


def eventually(check, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"still not true after {seconds} s: {check.__doc__ or check}")
        time.sleep(0.02)


class Store:
    """What a sender sends to: a list, or an error while `down`."""

    def __init__(self):
        self.received, self.calls, self.down = [], [], False

    def __call__(self, batch):
        if self.down:
            raise ConnectionError("down")
        self.calls.append(len(batch))
        self.received += batch


def test_items_reach_the_store_in_order_without_being_asked():
    store = Store()
    sender = Sender(store)
    for n in range(300):
        sender.add(n)

    eventually(lambda: store.received == list(range(300)))


def test_a_refused_batch_goes_back_in_front_in_order_and_is_sent_again():
    store = Store()
    sender = Sender(store)
    store.down = True
    for n in range(5):
        sender._pending.append(n)  # queued without waking the thread: the test sends
    with pytest.raises(ConnectionError):
        sender.send_pending()
    sender._pending.append(5)
    store.down = False
    sender.send_pending()

    assert store.received == [0, 1, 2, 3, 4, 5]


def test_past_the_bound_the_request_sends_the_queue_itself(monkeypatch):
    """So that a process killed outright never held more than MAX_PENDING reads."""
    store = Store()
    sender = Sender(store)
    sender._start()
    monkeypatch.setattr(sender, "_wake", threading.Event())  # the thread sleeps on its own
    store.down = True
    for n in range(MAX_PENDING):
        sender.add(n)
    with pytest.raises(ConnectionError):  # the caller answers with an error, not a 204
        sender.add(MAX_PENDING)
    store.down = False
    sender.add(MAX_PENDING + 1)

    assert store.received == list(range(MAX_PENDING + 2))
    assert not sender._pending


def test_batches_are_bounded(monkeypatch):
    store = Store()
    sender = Sender(store)
    for n in range(2 * sender_module.BATCH_SIZE + 1):
        sender._pending.append(n)
    sender.send_pending()

    assert store.calls == [sender_module.BATCH_SIZE, sender_module.BATCH_SIZE, 1]


@pytest.fixture
def queued(settings):
    """Reads through the queue, as make serve counts them (conftest sends them at once)."""
    settings.REDIS_URL = REDIS_URL
    settings.GAZETTE_AUDIENCE_BATCH_SECONDS = 2
    backends._backend.cache_clear()


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_read_is_acknowledged_then_counted_once(queued, article):
    assert read(article)
    assert read(article)  # the same visitor: acknowledged, counted once

    assert stored_views(article=article) == 1


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_unknown_articles_are_refused_before_anything_is_queued(queued, monde, article):
    from gazette.news.tests.factories import make_article

    draft = make_article(monde, "Brouillon", live=False)

    assert not read(draft)
    assert not backends.get_backend()._sender._pending
    assert stored_views() == 0


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_read_queued_for_an_article_withdrawn_meanwhile_counts_nothing(
    queued, article, django_capture_on_commit_callbacks
):
    backend = backends.get_backend()
    backend._sender._start()
    backend._sender._wake = threading.Event()  # nothing sent until the test says so
    assert read(article)
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert stored_views() == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_server(port: int, folder: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    eventually(lambda: _answers(port))
    return server


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


@pytest.mark.system
@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
@pytest.mark.django_db(transaction=True)
def test_reads_acknowledged_while_redis_restarts_are_counted_once_it_is_back(
    settings, article, tmp_path, monkeypatch
):
    """A Redis of our own, stopped and started again: reads acknowledged meanwhile wait in
    the process and are counted once it answers (the article set and the day's salt, lost
    with Redis' memory, are made again)."""
    monkeypatch.setattr(sender_module, "RETRY_SECONDS", 0.05)
    port = free_port()
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    settings.GAZETTE_AUDIENCE_BATCH_SECONDS = 2
    backends._backend.cache_clear()
    server = redis_server(port, tmp_path)
    try:
        assert read(article, ip="198.51.100.1")
        server.terminate()
        server.wait(10)
        for n in range(2, 12):  # the article is known to the process: no need to ask Redis
            assert read(article, ip=f"198.51.100.{n}")
        time.sleep(0.2)  # the sender tries, fails, keeps them
        assert len(backends.get_backend()._sender._pending) >= 10
        server = redis_server(port, tmp_path)
        eventually(lambda: not backends.get_backend()._sender._pending)
        flush_counts()
    finally:
        server.terminate()
        server.wait(10)
        backends._backend.cache_clear()

    from gazette.audience.models import HourlyCount

    # The first read went with the first Redis' memory (it kept no file): Redis must persist
    # (README). The ten acknowledged while it was down are all there.
    assert HourlyCount.objects.filter(article=article).total() == 10


EXITING = """
import os
from datetime import datetime
from django.utils import timezone
from gazette.audience.services import count_read
from gazette.news.models import ArticlePage
article = ArticlePage.objects.get(pk={pk})
now = timezone.make_aware(datetime.fromisoformat("{now}"))
for n in range({reads}):
    assert count_read(article_id=article.pk, ip=f"192.0.2.{{n}}", user_agent="UA", referrer="",
                      now=now)
"""


@pytest.mark.system
@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_process_that_ends_normally_sends_what_it_queued(article):
    """A separate process counts and ends at once: its queue is sent on the way out."""
    from .readers import NOON

    flush_counts()
    env = {
        **os.environ,
        "REDIS_URL": django_settings.REDIS_URL,
        "GAZETTE_AUDIENCE_BATCH_SECONDS": "2",
        "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
    }
    from django.db import connection

    env["DATABASE_URL"] = _database_url(connection.settings_dict)
    script = EXITING.format(pk=article.pk, now=NOON.replace(tzinfo=None).isoformat(), reads=50)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True
    )

    assert stored_views(article=article) == 50


def _database_url(database: dict) -> str:
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
