"""Where the page cache keeps pages beyond one request, and how purges reach them.

- This process's memory (`page_memory.py`), where a hit looks first, and its purge listener
  (`purge_channel.py`) with Redis: one `Process` per process, started on the first request.
- Redis, with `REDIS_URL`: every process stores what it renders there, one entry per path
  holding its variants, each with its keys and the purge counter read before it was rendered;
  a variant one of whose keys was purged since is ignored (`invalidation.is_fresh`).
- Purges (`keys_purged`, called by `invalidation.purge_now`, with which this module
  registers): dropped from this process's memory and told to the others, over Redis pub/sub or,
  in the embedded shape, through the purge log (`PagePurge`) each process reads at most once a
  second (`sync_local_purges`).
"""

import hashlib
import math
import os
import sys
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed

from . import invalidation
from .page_memory import PageMemory
from .purge_channel import PurgeListener, publish
from .stored_page import StoredPage

PREFIX = "gazette:page:v3:"  # v3: pages carry their keys and purge counter

PATHS = "gazette:keys:paths:"  # with Redis: the paths that carried a key (the path fallback)

MAX_VARIANTS = 32  # query strings kept per path; more are served, not stored

LOCAL_SYNC_SECONDS = 1.0


def entry_key(path: str) -> str:
    digest = hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=16)
    return f"{PREFIX}{digest.hexdigest()}"


def lookup(path: str) -> tuple[int, dict]:
    """The purge counter (for a render that may follow) and the path's variants in Redis, in
    one round trip. A variant is good only if none of its keys was purged since it was
    rendered: the caller asks `invalidation.is_fresh`."""
    key = entry_key(path)
    found = cache.get_many([invalidation.SEQUENCE, key])
    return invalidation.sequence_read(found.get(invalidation.SEQUENCE)), found.get(key) or {}


def store(path: str, query: str, page: StoredPage) -> None:
    """Add the variant to the path's entry in Redis, with its keys and the purge counter read
    before it was rendered: if one of its keys was purged meanwhile, readers never get it."""
    key = entry_key(path)
    now = time.time()
    variants = {
        stored_query: stored
        for stored_query, stored in (cache.get(key) or {}).items()
        if stored.expires > now
    }
    if query not in variants and len(variants) >= MAX_VARIANTS:
        return
    variants[query] = page
    seconds = math.ceil(max(stored.expires for stored in variants.values()) - now)
    cache.set(key, variants, timeout=seconds)
    remember_paths(page.keys, path, seconds)


class Process:
    def __init__(self):
        self.memory = PageMemory(settings.GAZETTE_PAGE_MEMORY_MB * 1024 * 1024)
        self.stitched: dict[tuple, StoredPage] = {}  # (page ETag, pieces' ETags) -> assembled
        self.listener = (
            None
            if is_local()
            else PurgeListener(settings.CACHES["default"]["LOCATION"], self.memory)
        )

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()


_process: Process | None = None

_process_lock = threading.Lock()


def _start_process() -> Process:
    """On the first request, not at import: granian forks its workers after importing the
    application, and the listener's thread would not follow into them."""
    global _process
    with _process_lock:
        if _process is None:
            _process = Process()
        return _process


def _after_fork() -> None:
    """The child has its parent's memory but not its listener thread: start again. Noticed
    here, once, rather than by comparing os.getpid() at every hit."""
    global _process, _process_lock
    _process, _process_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_after_fork)


def process() -> "Process":
    return _process or _start_process()


def _on_setting_changed(**kwargs) -> None:
    """Tests that change the cache get a memory, and a listener, made from the new one."""
    global _process
    if kwargs["setting"] in ("CACHES", "GAZETTE_PAGE_MEMORY_MB") and _process is not None:
        _process.stop()
        _process = None


setting_changed.connect(_on_setting_changed)


setting_changed.connect(_on_setting_changed)


def keys_purged(keys) -> None:
    """Drop the pages that showed these keys, in this process's memory and in the others'
    (through Redis pub/sub, or `PagePurge` in the embedded shape). The versions were bumped
    by `invalidation.purge_now`: pages in Redis are ignored from now on."""
    keys = sorted(keys)
    if is_local():
        record_purge("\n".join(keys))
    else:
        publish(_redis(), keys)
    if _process is not None:
        _process.memory.drop_keys(keys)


def paths_for(keys) -> set[str]:
    """The paths of the pages that showed these keys: those this process keeps and, with Redis
    and a cache in front that purges URLs only, those every process stored."""
    found = _process.memory.paths_for(keys) if _process is not None else set()
    if not is_local() and invalidation.purges_by_path():
        for member in _redis().sunion([PATHS + key for key in keys]) or ():
            found.add(member.decode("utf-8", "surrogateescape"))
    return found


def remember_paths(keys, path: str, seconds: int) -> None:
    """With Redis and a cache in front that purges URLs only: the paths that carried each key."""
    if not keys or not invalidation.purges_by_path():
        return
    with _redis().pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.sadd(PATHS + key, path)
            pipe.expire(PATHS + key, max(seconds, 1))
        pipe.execute()


def catch_up() -> None:
    """For `invalidation.catch_up`: the other processes' purges, in the embedded shape."""
    sync_now()


def record_purge(paths: str) -> None:
    """For the other processes; this one applies it itself and will skip it."""
    from .models import PagePurge

    _own_purges.add(PagePurge.objects.record(paths))


def _redis():
    return cache._cache.get_client(write=True)  # Django's own client and pool


def is_local() -> bool:
    """True when the cache is this process's memory: purges must reach the other processes
    another way."""
    return invalidation.cache_is_local()


_sync_lock = threading.Lock()

_last_seen = {"id": None, "checked": 0.0}

_own_purges: set[int] = set()


def forget_local_state() -> None:
    """As in a new process (tests: the purge table and Redis are emptied between them)."""
    _last_seen.update(id=None, checked=0.0)
    _own_purges.clear()
    if _process is not None:
        _process.memory.clear()


def sync_now() -> None:
    """Apply the other processes' purges now if a second has passed (the embedded shape):
    for readers of the purge log other than the page cache (kept fragments, cached objects)."""
    if is_local():
        sync_local_purges((_process or _start_process()).memory)


def sync_local_purges(memory: PageMemory) -> None:
    """Apply the purges other processes wrote since the last look, at most once a second."""
    now = time.monotonic()
    if now - _last_seen["checked"] < LOCAL_SYNC_SECONDS or not _sync_lock.acquire(blocking=False):
        return
    try:
        _last_seen["checked"] = now
        from .models import PagePurge

        if _last_seen["id"] is None:  # a new process: its memory is empty, nothing to drop
            _last_seen["id"] = PagePurge.objects.latest_id()
            return
        for purge_id, keys in PagePurge.objects.since(_last_seen["id"]):
            if purge_id in _own_purges:
                _own_purges.discard(purge_id)
            else:
                keys = keys.split("\n")
                invalidation.bump(keys)  # this process's versions, for its fragments
                memory.drop_keys(keys)
            _last_seen["id"] = purge_id
    except Exception:  # noqa: BLE001 (a database hiccup must not fail a reader's page)
        _last_seen["checked"] = now
    finally:
        _sync_lock.release()


invalidation.register_cache(sys.modules[__name__])
