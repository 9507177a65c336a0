"""The app's full-page cache, its door: anonymous readers get stored bytes without Django being
asked.

Why at the WSGI layer and not as a middleware: a hit must cost about what a static file costs,
and Django's handler (request object, signals, middleware chain) costs several times the hit
itself. `gazette/wsgi.py` wraps Django with `with_page_cache`; what reaches Django is a miss,
a logged-in editor, or something that is not a public page.

The parts, each in its module:
- `page_requests.py`: which requests are answered here (an anonymous reader's, for what could
  be a public page), for which site, under which path and query string;
- `stored_page.py`: what may be stored (the response decides: `public` with an `s-maxage`, no
  cookie) and the stored page, with its keys and its answers' headers made once;
- `page_store.py`: where pages are kept (this process's memory, Redis) and how purges by key
  (gazette/core/invalidation.py) reach every process;
- `stitching.py`: pieces (« Les + Lus ») stitched into a page when it is served.

A hit is looked for in this process's memory, then in Redis; a miss is rendered by Django,
stored, and answered. A reader gets the gzip copy if it says it accepts it; a matching
`If-None-Match` gets a 304. A page whose keys were purged while it rendered is answered but not
kept: it may be older than the purge.
"""

import hashlib
import time

from . import invalidation, page_store, stitching
from .page_requests import (
    is_candidate,
    normalised_query,
    request_path,
    rules,
    site_key,
    strip_keys,
    without_keys,
)
from .stored_page import HIT, MISS, StoredPage, compress, fill

MAX_STITCHED = 256  # assembled copies kept per process, about 10 MB (gazette/core/stitching.py)


def with_page_cache(application):
    """Wrap a WSGI application (Django's) with the page cache."""

    def page_cache(environ, start_response):
        if not is_candidate(environ):
            if rules().expose_keys:
                return application(environ, start_response)
            return application(environ, without_keys(start_response))
        process, now = page_store.process(), time.time()
        shared = process.listener is not None
        if shared:
            trusted = process.listener.healthy
        else:
            page_store.sync_local_purges(process.memory)
            trusted = True
        site = site_key(environ, process.memory, trusted)
        if site is None:  # a host Django refuses (400)
            return application(environ, without_keys(start_response))
        path, query = request_path(environ), f"{site}?{normalised_query(environ)}"
        if trusted:
            page = process.memory.get(path, query, now)
            if page is not None:
                if page.includes and not stitching.esi_capable(environ):
                    page = stitched(page_cache, environ, page, process)
                return answer(environ, start_response, page, HIT)
        purges = process.memory.purges  # read before the fetch: see PageMemory
        if shared:
            sequence, variants = page_store.lookup(path)
            page = variants.get(query)
            if (
                page is not None
                and page.expires > now
                and invalidation.is_fresh(page.keys, page.sequence)
            ):
                if trusted:
                    process.memory.put(path, query, page, purges=purges)
                if page.includes and not stitching.esi_capable(environ):
                    page = stitched(page_cache, environ, page, process)
                return answer(environ, start_response, page, HIT)
        else:
            sequence = invalidation.current_sequence()
        page, status, headers, body = fill(application, environ, sequence)
        if page is None:  # not for everyone (a 404, a private page): answered, not kept
            if not stitching.esi_capable(environ):
                headers, body = stitched_once(page_cache, environ, headers, body)
            start_response(status, strip_keys(headers))
            return [body]
        # A purge that came in during the render, perhaps of this page: the render may be older.
        if not trusted or process.memory.purges == purges:
            if shared:
                page_store.store(path, query, page)
            if trusted:
                process.memory.put(path, query, page, purges=purges)
        if page.includes and not stitching.esi_capable(environ):
            page = stitched(page_cache, environ, page, process)
        return answer(environ, start_response, page, MISS)

    return page_cache


def stitched(page_cache, environ, page: StoredPage, process) -> StoredPage:
    """The page with its pieces in place, for a reader (Varnish assembles its own). Each piece
    is asked of the page cache like any page, so it is a hit until its own keys are purged; the
    assembled copy is kept for as long as the page and its pieces are the same."""
    pieces = [_piece(page_cache, environ, src) for _start, _end, src in page.includes]
    memo = (page.etag, *(etag for etag, _body, _keys in pieces))
    ready = process.stitched.get(memo)
    if ready is not None:
        return ready
    body = stitching.assemble(page.body, page.includes, [body for _etag, body, _keys in pieces])
    control = stitching.CONTROL[0].lower()
    headers = tuple((name, value) for name, value in page.headers if name.lower() != control)
    ready = StoredPage(
        page.status,
        headers,
        body,
        compress(body, headers),
        'W/"' + hashlib.blake2b(" ".join(memo).encode(), digest_size=12).hexdigest() + '"',
        page.expires,
        page.keys.union(*(keys for _etag, _body, keys in pieces)),
        page.sequence,
    )
    ready.includes = ()  # its pieces are in place
    if len(process.stitched) >= MAX_STITCHED:
        process.stitched.pop(next(iter(process.stitched)))
    process.stitched[memo] = ready
    return ready


def stitched_once(page_cache, environ, headers, body: bytes) -> tuple[list, bytes]:
    """A response that is not kept (a 404, a page that became private) may have pieces too:
    put in place for this answer alone."""
    includes = stitching.includes_of(body)
    if not includes:
        return headers, body
    pieces = [_piece(page_cache, environ, src)[1] for _start, _end, src in includes]
    body = stitching.assemble(body, includes, pieces)
    dropped = ("content-length", stitching.CONTROL[0].lower())
    headers = [(name, value) for name, value in headers if name.lower() not in dropped]
    return [*headers, ("Content-Length", str(len(body)))], body


def _piece(page_cache, environ, src: str) -> tuple[str, bytes, frozenset]:
    """(ETag, body, keys) of the piece at `src`, through the page cache; empty if it fails."""
    path, _, query = src.partition("?")
    inner = {
        key: value
        for key, value in environ.items()
        if key not in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_ACCEPT_ENCODING")
    }
    inner.update(REQUEST_METHOD="GET", PATH_INFO=path, QUERY_STRING=query)
    captured = {}

    def capture(status, headers, exc_info=None):
        captured.update(status=status, headers=headers)

    body = b"".join(page_cache(inner, capture))
    if not captured.get("status", "").startswith("200"):
        return "", b"", frozenset()
    named = {name.lower(): value for name, value in captured["headers"]}
    keys = frozenset(named.get(invalidation.HEADER.lower(), "").split())
    return named.get("etag", ""), body, keys


def answer(environ, start_response, page: StoredPage, outcome):
    match = environ.get("HTTP_IF_NONE_MATCH")
    if match and (match.strip() == "*" or page.etag in _etags(match)):
        status, headers, body = "304 Not Modified", page.not_modified, b""
    elif page.zipped is not None and "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
        status, headers, body = page.status, page.zipped, page.gzipped
    else:
        status, headers, body = page.status, page.plain, page.body
    start_response(status, [*headers] if outcome is HIT else [*headers[:-1], outcome])
    return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]


def _etags(header: str) -> set[str]:
    """Both `W/"x"` and `"x"` name our weak tag: a proxy may have dropped the `W/`."""
    tags = {tag.strip() for tag in header.split(",")}
    return tags | {"W/" + tag for tag in tags if not tag.startswith("W/")}
