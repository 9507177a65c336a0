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

Each page carries the keys it showed (gazette/core/invalidation.py); an index from key to the
pages (path and query string) that showed it lets a purge of keys drop exactly those, and no
other site's page at the same path.

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
        self.sites = None  # the configured sites (page_requests.site_key), until a purge of all
        self.index: dict[str, set[tuple[str, str]]] = {}  # key -> (path, query) that showed it
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
        if _size(page) > self.budget:
            return False
        with self._lock:
            if purges != self.purges:
                return False
            self._forget_variant(path, query)
            self.pages.setdefault(path, {})[query] = page
            for key in page.keys:
                self.index.setdefault(key, set()).add((path, query))
            self.used += _size(page)
            while self.used > self.budget:
                self._forget(next(iter(self.pages)))
        return True

    def drop_keys(self, keys) -> None:
        """The pages that showed any of these keys; everything for the key `*`."""
        if "*" in keys:
            self.clear()
            return
        with self._lock:
            self.purges += 1
            for key in keys:
                for path, query in tuple(self.index.get(key, ())):
                    self._forget_variant(path, query)

    def paths_for(self, keys) -> set[str]:
        with self._lock:
            return {path for key in keys for path, _ in self.index.get(key, ())}

    def clear(self) -> None:
        with self._lock:
            self.purges += 1
            self.pages, self.index, self.used = {}, {}, 0
            self.sites = None

    def _forget(self, path: str) -> None:
        for query in tuple(self.pages.get(path, ())):
            self._forget_variant(path, query)

    def _forget_variant(self, path: str, query: str) -> None:
        variants = self.pages.get(path)
        page = variants.pop(query, None) if variants is not None else None
        if page is None:
            return
        if not variants:
            del self.pages[path]
        self.used -= _size(page)
        for key in page.keys:
            shown = self.index.get(key)
            if shown is not None:
                shown.discard((path, query))
                if not shown:
                    del self.index[key]


def _size(page) -> int:
    return len(page.body) + len(page.gzipped or b"") + OVERHEAD
