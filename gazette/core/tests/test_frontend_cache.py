"""The purge by keys without a Varnish: how the keys are cut into headers, and a proxy that is
down costs a moderator one time-out at most (the real Varnish: news/tests/test_varnish.py)."""

import time

from gazette.core.frontend_cache import VarnishBackend, key_chunks
from gazette.core.tests.servers import free_port


def test_keys_go_once_each_in_headers_under_the_limit():
    keys = [f"article:{n}" for n in range(1000)] * 2
    chunks = list(key_chunks(keys, limit=100))
    assert max(len(chunk) for chunk in chunks) <= 100
    assert sorted(" ".join(chunks).split()) == sorted(set(keys))


def test_keys_are_split_as_xkey_splits_them_and_a_key_no_header_carries_is_left_out(caplog):
    assert list(key_chunks(["tag:5", "a b,c", "clé", "tag:5"])) == ["a b c tag:5"]
    assert "'clé'" in caplog.text


def test_an_unreachable_varnish_is_logged_once_and_not_raised(caplog):
    backend = VarnishBackend({"LOCATION": f"http://127.0.0.1:{free_port()}"})
    start = time.monotonic()
    backend.purge_keys([f"article:{n}" for n in range(2000)])  # several chunks, one attempt
    assert time.monotonic() - start < 5
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert "Connection refused" in caplog.text
