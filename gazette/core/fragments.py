"""Parts of pages kept rendered between requests: `{% fragment %}` (templatetags/fragments.py).

Why, with a full-page cache in front: a page is rendered again each time it is purged, and
most purges change one small part of it. A comment approved on an article purges the article,
yet its text, its metadata, the navigation and the footer are the same bytes as before. The
page cache misses; the fragments do not, and the render costs the comments and the page's
routing, not the whole page (bench/RESULTS.md, « article, page cache off »).

A fragment is kept with the keys it recorded while it rendered (gazette/core/invalidation.py:
the article, its authors, its images, the sections in the menu, the settings) and the purge
counter read before: it is served while none of those keys was purged since, and its keys are
recorded again for the page that shows it, so that the page is purged with it. Its name and
values (`{% fragment "article" page.pk page.live_revision_id %}`) say which part of which page
it is; the keys say when it is out of date. A part of one page also carries the keys its page
had recorded when it began (what the view fetched for it); a part many pages share (`shared`:
the masthead, the menu, the footer) only its own.

In the embedded shape each process has its own cache, and applies the purges of the others
from the purge log (page_store.sync_local_purges) within a second. Entries last
`GAZETTE_SHARED_MAX_AGE` at most, as the pages do.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from . import invalidation

PREFIX = "gazette:fragment:v2:"  # v2: kept with their keys
SETTINGS = "settings"  # gazette/core/cached_settings.py


def enabled() -> bool:
    return settings.GAZETTE_FRAGMENT_CACHE and settings.GAZETTE_SHARED_MAX_AGE > 0


def key(name: str, parts) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogateescape"))
        digest.update(b"\x00")
    return f"{PREFIX}{name}:{digest.hexdigest()}"


def get(key_: str) -> str | None:
    """The kept HTML if none of its keys was purged since it was rendered; its keys are then
    recorded for the response that shows it."""
    invalidation.catch_up()
    entry = cache.get(key_)
    if entry is None:
        return None
    sequence, keys, html = entry
    if not invalidation.is_fresh(keys, sequence):
        return None
    invalidation.record_all(keys)
    return html


def render(key_: str, render_html, *, shared: bool = False) -> str:
    """Render the part, recording its keys, and keep it with them. A part of one page starts
    with the page's keys so far (`invalidation.collecting`); a `shared` one with none."""
    sequence = invalidation.current_sequence()
    with invalidation.collecting(inherit=not shared) as keys:
        # Templates get the site settings from a proxy that reads them once per request
        # (`{% with site=settings.core.SiteSettings %}` around the page): any part may show
        # them without reading them, so every part carries their key.
        keys.add(SETTINGS)
        html = render_html()
    cache.set(key_, (sequence, frozenset(keys), html), timeout=settings.GAZETTE_SHARED_MAX_AGE)
    return html
