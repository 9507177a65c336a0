"""The embedded mode's writer (backends/database.py) under a flood: requests write the batch
themselves only while it is over its bound, never a handful of reads each."""

import pytest

from gazette.audience import backends
from gazette.audience.backends import database

from .readers import read, stored_views


@pytest.fixture
def writer(settings, monkeypatch):
    """Batches on, the writer thread asleep for the test's length: only requests write."""
    settings.REDIS_URL = ""
    settings.GAZETTE_AUDIENCE_BATCH_SECONDS = 600
    monkeypatch.setattr(database, "BATCH_SIZE", 1_000)
    monkeypatch.setattr(database, "MAX_PENDING", 5)
    backends._backend.cache_clear()
    return backends.get_backend()


def test_past_its_bound_the_batch_is_written_by_the_request(writer, article):
    for n in range(4):
        assert read(article, ip=f"198.51.100.{n}")
    assert len(writer._pending) == 4
    assert read(article, ip="198.51.100.4")  # the fifth: written before its answer

    assert writer._pending == []
    assert stored_views(article=article) == 5


def test_a_request_that_finds_the_batch_written_meanwhile_writes_nothing(writer, article):
    for n in range(3):
        read(article, ip=f"198.51.100.{n}")

    assert writer.flush(beyond=database.MAX_PENDING - 1) == 0
    assert len(writer._pending) == 3
    assert writer.flush() == 3
    assert stored_views(article=article) == 3
