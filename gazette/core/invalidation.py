"""Keys: what a response showed, recorded while it rendered, and purges by those keys.

Why keys and not lists of paths: a list of "the pages that show an article" is kept by hand,
and every place that shows the article and is missing from it is a stale page (a corrected
headline that stays in « Les + Lus » for minutes). Here nobody keeps such a list: whatever
reads content for a response records a key for it, and the caches index what they store by
those keys. A change purges the keys of what changed; every cache drops exactly the entries
that showed it.

Keys (ASCII, no spaces, as `Surrogate-Key` and Varnish's xkey want them):
- `article:12`, `section:3` (la une and the sections), `page:8` (other pages), `author:7`,
  `tag:5`, `image:9`: recorded by `post_init`, whenever such a row is read during a response
  (`register_keyed_model`); a kept fragment or cached object replays the keys it recorded.
- `articles`: the site-wide lists a new article can enter (site feed, sitemaps, archives,
  search results), also purged with any `article:…` key; `list:section:3`, `list:author:7`,
  `list:tag:5`: the lists of a section (la une included), an author, a topic, which a new
  article enters without being in them yet; `navigation`: the sections menu; `settings`: the
  site settings; `comments:12`: an article's comments; `most-read:site`,
  `most-read:section:3`: « Les + Lus »; `corrections`: the corrections page. Recorded by the
  code that shows them (`record`).
- `route:12`: purged with every publish, unpublish, move or deletion of page 12, never
  recorded for a response: it outdates the kept copy of the page's row (gazette/core/routing.py).

Versions. Each key has a version: the number of the purge that last named it, from one counter
(`SEQUENCE`). An entry kept anywhere (a page in Redis, a fragment, a cached object) stores the
counter's value read *before* it was rendered and its keys; it is still good while none of its
keys was purged since (`is_fresh`). No index is needed for that, and a purge is one counter
increment and one write per key. The key `*` is named by every entry: purging it is "everything
changed" (a site saved, a view restriction added).

Who hears a purge (`purge_now`):
- the versions, in the shared cache (Redis) or, in the embedded shape, this process's memory;
- the page memory of every process (its own index of keys, gazette/core/page_memory.py):
  through Redis pub/sub, or the purge log (`PagePurge`) that each process of the embedded shape
  reads at most once a second and applies to its own versions and memory;
- the proxy or CDN in front: by key when its backend can (`purge_keys`: Varnish with xkey),
  else by the paths of the pages that carried the keys (the path fallback), else everything.
Purges wait for the transaction to commit (`purge`): purged earlier, a page could be rendered
again from the old rows and kept.
"""

import contextvars
import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

HEADER = "Surrogate-Key"
EVERYTHING = "*"
SEQUENCE = "gazette:keys:sequence"
VERSION = "gazette:keys:version:"
# A page that shows too many keys of a kind names the kind's group instead
# (gazette/core/surrogate_keys.py), and a purge of any key of the kind purges its group.
GROUPS = {
    "article": "articles",
    "section": "sections",
    "page": "pages",
    "author": "authors",
    "tag": "tags",
    "image": "images",
}

_collected: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "gazette_keys", default=None
)


# Recording


def record(*keys: str) -> None:
    """Note that the response being rendered shows these. Nothing when no response is being
    collected (the admin, a task, a shell)."""
    found = _collected.get()
    if found is not None:
        found.update(keys)


def record_all(keys) -> None:
    found = _collected.get()
    if found is not None:
        found.update(keys)


@contextmanager
def collecting(*, inherit: bool = False):
    """Collect the keys read inside the block, which also count for the block around it.

    `inherit`: the block starts with the keys collected around it so far. A part of one page
    (an article's body, kept under the article's id) may show rows read before it began
    without reading them again: the bylines and images the view fetched, the section Django
    keeps on the article once read. Only rows read later cannot be in it. A part shared by
    many pages (the menu, the footer) must not inherit: it would carry the first page's keys
    to every page that shows it."""
    outer = _collected.get()
    found: set[str] = set(outer) if inherit and outer is not None else set()
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)
        if outer is not None:
            outer.update(found)


@contextmanager
def unrecorded():
    """Rows read inside the block are not shown by the response (the configured sites, read
    to route it): they record nothing."""
    token = _collected.set(None)
    try:
        yield
    finally:
        _collected.reset(token)


def is_collecting() -> bool:
    return _collected.get() is not None


def record_lists() -> None:
    """For the site-wide lists (search, archives, sitemaps): any page, author or topic
    published, changed or withdrawn may enter, change or leave them."""
    record(*GROUPS.values())


def header_value(keys) -> str:
    return " ".join(sorted(keys))


_KEYERS: dict[type, object] = {}


def register_keyed_model(model, keyer) -> None:
    """Every instance of `model` read during a response records `keyer(instance)` (a key or
    None). Connected per model, so that the models nobody shows cost nothing when read."""
    from django.db.models.signals import post_init

    _KEYERS[model] = keyer
    post_init.connect(_read, sender=model, weak=False, dispatch_uid=f"keys-{model._meta.label}")


def _read(sender, instance, **kwargs):
    found = _collected.get()
    if found is None:
        return
    key = _KEYERS[sender](instance)
    if key:
        found.add(key)


# Freshness


# The highest value of the counter this process has seen, in the embedded shape. There the
# counter lives in this process's own cache, which culls its least recently used entries when
# full, and the counter is not read when kept parts are served, only when one is made. Had it
# started again from 1, a purge would give its keys a version lower than the counter kept with
# entries made before, and they would pass for fresh: it starts again past this instead. With
# Redis the counter is shared and has no expiry (Redis must not evict such keys: README), and a
# process's own memory of it would be wrong for the others.
_seen = [0]


def cache_is_local() -> bool:
    """True when the cache is this process's memory (the embedded shape)."""
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _saw(sequence: int) -> int:
    if sequence > _seen[0]:
        _seen[0] = sequence
    return sequence


def current_sequence() -> int:
    """Read before rendering: what is stored with the result."""
    return sequence_read(cache.get(SEQUENCE))


def sequence_read(value) -> int:
    """The counter as read from the cache (None if it was dropped), in the embedded shape
    never below what this process saw: for whoever reads it along with something else."""
    if cache_is_local():
        return max(_saw(value or 0), _seen[0])
    return value or 0


def is_fresh(keys, sequence: int) -> bool:
    """No key of the entry (nor everything) was purged after `sequence` was read."""
    names = [VERSION + key for key in keys]
    names.append(VERSION + EVERYTHING)
    versions = cache.get_many(names)
    return all(version <= sequence for version in versions.values())


def cached(name: str, produce, *, timeout=None, keys=(), shown=True, stale_with=()):
    """`produce()` kept in the cache under `name` with the keys it read (and `keys`); they are
    recorded again at each use (a kept object is shown like a fresh one). For small objects
    many pages read: the site settings, the configured sites, a routed page's row. Not `shown`:
    what it reads is not on the page (the sites, to route the request), only `keys` and `*`
    make it stale. `stale_with`: keys that outdate it too, without the page showing them."""
    catch_up()
    entry = cache.get(name)
    if entry is not None:
        sequence, found, value = entry
        if is_fresh((*found, *stale_with), sequence):
            record_all(found)
            return value
    sequence = current_sequence()
    with collecting() as found:
        found.update(keys)
        if shown:
            value = produce()
        else:
            with unrecorded():
                value = produce()
    cache.set(name, (sequence, frozenset(found), value), timeout=timeout)
    return value


# Purging


def purge(keys) -> None:
    """Purge these keys once the transaction commits (at once outside one). Their versions are
    bumped now as well: what this process renders next, inside the transaction, shows the
    change; a copy another process makes meanwhile from the rows not yet committed is
    outdated again by the purge after the commit."""
    keys = _with_groups(key for key in keys if key)
    if keys:
        bump(keys)
        transaction.on_commit(lambda: purge_now(keys))


def purge_everything() -> None:
    purge([EVERYTHING])


def everything_changed_on_save(sender, instance, raw=False, **kwargs):
    """Signal receiver: a change every page may show (a site, a view restriction). A
    restore's loaddata (`raw`) is not an editor's change: the restored site starts empty."""
    if not raw:
        purge_everything()


def _with_groups(keys) -> frozenset[str]:
    keys = frozenset(keys)
    groups = {GROUPS.get(key.partition(":")[0]) for key in keys if ":" in key}
    return keys | (groups - {None})


def purge_now(keys) -> None:
    keys = _with_groups(keys)
    if not keys:
        return
    paths = paths_for(keys) if purges_by_path() else ()
    bump(keys)
    for hearer in _hearers:
        hearer.keys_purged(keys)
    _purge_front(keys, paths)


# The caches that keep pages by key register here (gazette/core/page_store.py, at import; the
# core app imports it when Django starts): this module imports none of them, so that the
# caches depend on the keys and never the other way round.
_hearers: list = []


def register_cache(hearer) -> None:
    """`hearer` has `keys_purged(keys)` (drop the pages that showed them, tell the other
    processes), `paths_for(keys)` (the paths of those pages, for caches that purge URLs) and
    `catch_up()` (apply the other processes' purges before reading anything kept)."""
    if hearer not in _hearers:
        _hearers.append(hearer)


def catch_up() -> None:
    for hearer in _hearers:
        hearer.catch_up()


def bump(keys) -> int:
    """A new version for each key, in this process's cache or the shared one: the step other
    processes of the embedded shape repeat when they read the purge log."""
    sequence = _increment()
    cache.set_many({VERSION + key: sequence for key in keys}, timeout=None)
    return sequence


def _increment() -> int:
    try:
        return _saw(cache.incr(SEQUENCE))
    except ValueError:  # no counter yet (or, embedded, no longer): start past what was seen
        start = _seen[0] + 1 if cache_is_local() else 1
        if cache.add(SEQUENCE, start, timeout=None):
            return _saw(start)
        return _saw(cache.incr(SEQUENCE))


# The proxy or CDN in front


def paths_for(keys) -> set[str]:
    """The paths of the pages that showed these keys, for a cache that purges URLs only."""
    found: set[str] = set()
    for hearer in _hearers:
        found |= hearer.paths_for(keys)
    return found


def _purge_front(keys, paths) -> None:
    from django.utils.encoding import iri_to_uri

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for backend in _frontend_backends():
        if EVERYTHING in keys:
            if hasattr(backend, "purge_everything"):
                backend.purge_everything(base + "/")
            else:
                logger.warning(
                    "%s ne sait pas tout purger : les pages attendront s-maxage", backend
                )
        elif hasattr(backend, "purge_keys"):
            backend.purge_keys(sorted(keys))
        elif paths:
            backend.purge_batch([base + iri_to_uri(path) for path in sorted(paths)])


def _frontend_backends():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    from wagtail.contrib.frontend_cache.utils import get_backends

    return list(get_backends().values())


def purges_by_path() -> bool:
    """Whether a cache in front purges URLs only: then the paths of the pages that showed a
    key are worth remembering (gazette/core/page_store.py)."""
    return any(not hasattr(backend, "purge_keys") for backend in _frontend_backends())
