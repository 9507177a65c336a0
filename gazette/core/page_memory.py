"""Pages kept in this process's memory as ready answers: where a page-cache hit looks first.

Why not Django's cache for this: its in-process backend pickles every value both ways (about
20 µs of a 65 µs hit) and the Redis one costs a network round trip; here a hit is two dict
lookups and a clock read. In the embedded shape this is the page cache's only store; with Redis
it sits in front of Redis, kept exact by the purges every process hears (`purge_channel.py`).

Bounded by bytes (`GAZETTE_PAGE_MEMORY_MB`): when full, the paths stored first go first. Reads
are not recorded (no LRU): that would put a write, and a lock, on every hit; a page pushed out
comes back from Redis, or from one render, on its next request.

Each copy leaves at the wall-clock time its `s-maxage` gave it when it was rendered, so a copy
taken from Redis, stored there by another process, does not outlive the one in Redis.

`purges` counts drops and clears. A thread that reads it before fetching a page elsewhere (a
render, Redis) hands it back with the page: if a purge came in meanwhile the page may be the
purged copy, and it is not kept.
"""

import threading

# What a stored copy costs besides its bodies: the header lists, the objects, the dict slots.
OVERHEAD = 2048


class PageMemory:
    def __init__(self, budget: int):
        self.budget = budget
        self.pages: dict[str, dict] = {}  # path -> {site?normalised query -> page}
        self.sites = None  # the configured sites (page_cache.site_key), until a purge of all
        self.sizes: dict[str, int] = {}
        self.used = 0
        self.purges = 0
        self._lock = threading.Lock()

    def get(self, path: str, query: str, now: float):
        """Without the lock: a dict read is atomic, and writers never leave one half done."""
        variants = self.pages.get(path)
        if variants is not None:
            page = variants.get(query)
            if page is not None and page.expires > now:
                return page
        return None

    def put(self, path: str, query: str, page, *, purges: int) -> bool:
        """Keep the page unless a purge came in since `purges` was read. False if not kept."""
        size = len(page.body) + len(page.gzipped or b"") + OVERHEAD
        if size > self.budget:
            return False
        with self._lock:
            if purges != self.purges:
                return False
            variants = self.pages.setdefault(path, {})
            old = variants.get(query)
            if old is not None:
                size -= len(old.body) + len(old.gzipped or b"") + OVERHEAD
            variants[query] = page
            self.sizes[path] = self.sizes.get(path, 0) + size
            self.used += size
            while self.used > self.budget:
                oldest = next(iter(self.pages))
                self._forget(oldest)
        return True

    def drop(self, paths) -> None:
        with self._lock:
            self.purges += 1
            for path in paths:
                self._forget(path)

    def clear(self) -> None:
        with self._lock:
            self.purges += 1
            self.pages, self.sizes, self.used = {}, {}, 0
            self.sites = None

    def _forget(self, path: str) -> None:
        if self.pages.pop(path, None) is not None:
            self.used -= self.sizes.pop(path)
