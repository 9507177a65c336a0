"""Parts of pages kept rendered between requests: `{% fragment %}` (templatetags/fragments.py).

Why, with a full-page cache in front: a page is rendered again each time it is purged, and
most purges change one small part of it. A comment approved on an article purges the article,
yet its text, its metadata, the navigation and the footer are the same bytes as before. The
page cache misses; the fragments do not, and the render costs the comments and the page's
routing, not the whole page (bench/RESULTS.md, « article, page cache off »).

What a fragment shows must be named by its key, so that a change gives a new key and the old
entry simply expires: an article's body is keyed by its live revision, a byline by its
authors' names. What no key can name (the sections in the menu, the site's settings, a
section's title in a kicker) is covered by the generation: `bump()` after such a change, and
every fragment is rendered again. The news app bumps on the events that already purge every
page for that reason (a section published or moved, the settings saved).

In the embedded shape each process has its own cache, so a bump is also written to the purge
table that page_cache.sync_local_purges reads, and reaches the others within a second. Entries
last `GAZETTE_SHARED_MAX_AGE` at most, as the pages do: anything else that changes a fragment
(an image's alt text, a tag renamed) shows at the same time as it would in the page cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from . import page_cache

GENERATION_KEY = "gazette:fragments:generation"
PREFIX = "gazette:fragment:"
_REQUEST_ATTRIBUTE = "_gazette_fragment_generation"


def enabled() -> bool:
    return settings.GAZETTE_FRAGMENT_CACHE and settings.GAZETTE_SHARED_MAX_AGE > 0


def generation(request=None) -> int:
    """The current generation, read once per request: every fragment of a page agrees."""
    if request is not None and hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    page_cache.sync_now()
    value = cache.get(GENERATION_KEY) or 0
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, value)
    return value


def key(name: str, parts, generation_: int) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogateescape"))
        digest.update(b"\x00")
    return f"{PREFIX}{generation_}:{name}:{digest.hexdigest()}"


def get(key_: str):
    return cache.get(key_)


def store(key_: str, html: str) -> None:
    cache.set(key_, html, timeout=settings.GAZETTE_SHARED_MAX_AGE)


def bump() -> None:
    """Every fragment is out of date: at once in this process (what it renders next, inside
    the transaction, shows the change), and everywhere once the transaction commits (a
    request that rendered the old data meanwhile is outdated again)."""
    bump_local()
    transaction.on_commit(bump_now)


def everything_changed() -> None:
    """A change every page and every kept fragment may show: a section, a site, a view
    restriction. Both caches are emptied once the transaction commits."""
    from .purge import purge_everything

    bump()
    purge_everything()


def everything_changed_on_save(sender, instance, raw=False, **kwargs):
    """Signal receiver for `everything_changed`. A restore's loaddata (`raw`) is not an
    editor's change: the restored site starts with an empty cache."""
    if not raw:
        everything_changed()


def bump_now() -> None:
    bump_local()
    if page_cache.is_local():
        from .models import PagePurge

        page_cache.record_purge(PagePurge.FRAGMENTS)


def bump_local() -> None:
    """This process's cache (or the shared one): the step other processes repeat."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: start one past the implicit 0
        if not cache.add(GENERATION_KEY, 1, timeout=None):
            cache.incr(GENERATION_KEY)
