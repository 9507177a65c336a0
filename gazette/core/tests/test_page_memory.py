"""Each process's memory of ready answers: bounded, expiring, and never refilled with a page
fetched before a purge. Through the WSGI wrapper with a small real WSGI app in Django's place
(core may not import the news app); both shapes, whichever cache this run configures."""

import time

import pytest

from gazette.core import invalidation, page_cache, page_store
from gazette.core.page_memory import OVERHEAD, PageMemory
from gazette.core.stored_page import StoredPage
from gazette.core.tests.wsgi_client import wsgi_request

pytestmark = pytest.mark.django_db  # the embedded shape reads the purge table


class Newsroom:
    """Answers every path with a public page, counting renders; `during_render` runs inside
    the render, as a purge committed by another request at that moment would."""

    def __init__(self, seconds=600):
        self.seconds, self.renders, self.during_render = seconds, 0, None

    def __call__(self, environ, start_response):
        self.renders += 1
        if self.during_render:
            self.during_render()
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Cache-Control", f"public, max-age=60, s-maxage={self.seconds}"),
                ("Surrogate-Key", f"place:{environ['PATH_INFO'].strip('/')} every-place"),
            ],
        )
        return [f"<p>{environ['PATH_INFO']} rendu n° {self.renders}</p>".encode() * 20]


@pytest.fixture
def newsroom(listening):
    return Newsroom()


@pytest.fixture
def listening():
    """With Redis, wait until this process hears purges: until then it serves from Redis."""
    process = page_store._start_process()
    deadline = time.monotonic() + 5
    while process.listener is not None and not process.listener.healthy:
        assert time.monotonic() < deadline, "no subscription to the purge channel"
        time.sleep(0.01)
    return process


def get(newsroom, path="/monde/"):
    return wsgi_request(page_cache.with_page_cache(newsroom), path)


def page(body: bytes, expires: float) -> StoredPage:
    return StoredPage("200 OK", (), body, None, 'W/"x"', expires, frozenset({"k"}), 0)


def test_a_hit_comes_from_memory_with_its_headers_made_once(newsroom):
    first = get(newsroom)
    second = get(newsroom)
    assert (first["cache"], second["cache"], newsroom.renders) == ("miss", "hit", 1)
    assert second["body"] == first["body"]
    assert second["headers"]["Content-Length"] == str(len(first["body"]))


def test_the_memory_keeps_within_its_budget_dropping_the_paths_stored_first():
    body = b"x" * 10_000
    memory = PageMemory(budget=3 * (len(body) + OVERHEAD))
    for number in range(5):
        assert memory.put(f"/{number}/", "", page(body, time.time() + 60), purges=0)
    assert memory.used <= memory.budget
    now = time.time()
    assert [memory.get(f"/{n}/", "", now) is not None for n in range(5)] == [0, 0, 1, 1, 1]
    assert not memory.put("/big/", "", page(b"x" * memory.budget, now + 60), purges=0)
    assert memory.get("/4/", "", now) is not None


def test_a_copy_leaves_memory_at_the_end_of_its_s_maxage(listening):
    newsroom = Newsroom(seconds=1)
    assert get(newsroom)["cache"] == "miss"
    assert get(newsroom)["cache"] == "hit"
    time.sleep(1.05)
    assert get(newsroom)["cache"] == "miss"
    assert newsroom.renders == 2
    memory = PageMemory(budget=1 << 20)
    memory.put("/a/", "", page(b"a", expires=100.0), purges=0)
    assert memory.get("/a/", "", now=99.9) is not None
    assert memory.get("/a/", "", now=100.0) is None


def test_a_page_rendered_while_it_was_purged_is_not_kept(newsroom):
    """The fill race: the purge lands between the fetch and the store. Kept, the page would be
    served old until its s-maxage, though the purge was heard."""
    newsroom.during_render = lambda: invalidation.purge_now(["place:monde"])
    assert get(newsroom)["cache"] == "miss"
    newsroom.during_render = None
    assert get(newsroom)["cache"] == "miss"
    assert get(newsroom)["cache"] == "hit"
    assert newsroom.renders == 2


def test_a_purge_counted_after_the_read_refuses_the_copy():
    memory = PageMemory(budget=1 << 20)
    purges = memory.purges
    memory.drop_keys(["autre"])  # any purge: the fetch cannot tell which pages it concerned
    assert not memory.put("/monde/", "", page(b"a", time.time() + 60), purges=purges)
    assert memory.get("/monde/", "", time.time()) is None
    assert memory.put("/monde/", "", page(b"a", time.time() + 60), purges=memory.purges)


def test_a_purge_drops_the_pages_that_showed_its_keys_and_only_them(newsroom):
    for path, query in (("/monde/", ""), ("/monde/", "page=2"), ("/sport/", "")):
        wsgi_request(page_cache.with_page_cache(newsroom), path, query=query)
    invalidation.purge_now(["place:monde"])
    application = page_cache.with_page_cache(newsroom)
    assert wsgi_request(application, "/monde/", query="page=2")["cache"] == "miss"
    assert wsgi_request(application, "/monde/")["cache"] == "miss"
    assert wsgi_request(application, "/sport/")["cache"] == "hit"
    assert "Surrogate-Key" not in wsgi_request(application, "/sport/")["headers"]  # not for readers
    invalidation.purge_now(["*"])
    assert wsgi_request(application, "/sport/")["cache"] == "miss"
