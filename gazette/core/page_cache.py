"""The app's full-page cache: anonymous readers get stored bytes without Django being asked.

Why at the WSGI layer and not as a middleware: a hit must cost about what a static file costs,
and Django's handler (request object, signals, middleware chain) costs several times the hit
itself. `gazette/wsgi.py` wraps Django with `with_page_cache`; what reaches Django is a miss,
a logged-in editor, or something that is not a public page.

What may be stored is decided by the response, not by a list of URLs: a 200 whose
`Cache-Control` says `public` with an `s-maxage` (`cache_public`, the caching invariant of
DESIGN.md), with no cookie set and no `Vary: Cookie`. It is kept `s-maxage` seconds, unless
purged first (`purge_paths`, `purge_everything`): publishing, comments and « Les + Lus » purge
exactly the paths they change (gazette/core/purge.py).

Shape of the store, in the configured cache (in-process by default, Redis when scaled out):
one entry per path, holding its query-string variants (`?page=2`), so that a purge of a path
drops its pages of results too. Entries carry the generation they were stored under: purging
everything is one increment, after which older entries are ignored and replaced. A hit is one
round trip to the cache (the generation and the entry together).

In the embedded shape the cache lives in each process, so a purge made by another process
(the task worker publishing a scheduled article, a second server worker) is written to the
database (`PagePurge`) and each process applies the purges it has not seen, checking at most
once a second (`LOCAL_SYNC_SECONDS`).

Responses are stored uncompressed and gzipped once; a reader gets the gzip copy if it says it
accepts it. Every answer carries a weak ETag (same for both encodings), and a matching
`If-None-Match` gets a 304.
"""

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode

from django.conf import settings
from django.core.cache import cache

PREFIX = "gazette:page:"
GENERATION_KEY = "gazette:page:generation"
MAX_VARIANTS = 32  # query strings kept per path; more are served, not stored
MAX_BODY = 2 * 1024 * 1024
COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "image/svg+xml",
)
LOCAL_SYNC_SECONDS = 1.0
# Answers of a hit that must not be taken from the stored response, or are ours.
SKIPPED_HEADERS = {"content-length", "content-encoding", "etag", "x-gazette-cache"}


@dataclass(frozen=True)
class Entry:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzipped: bytes | None
    etag: str


def with_page_cache(application):
    """Wrap a WSGI application (Django's) with the page cache."""

    def page_cache(environ, start_response):
        if not is_candidate(environ):
            return application(environ, start_response)
        path, query = request_path(environ), normalised_query(environ)
        generation, variants = lookup(path)
        entry = variants.get(query)
        if entry is not None:
            return answer(environ, start_response, entry, "hit")
        entry, status, headers, body = fill(application, environ)
        if entry is None:
            start_response(status, headers)
            return [body]
        store(path, query, generation, entry, headers)
        return answer(environ, start_response, entry, "miss")

    return page_cache


def is_candidate(environ) -> bool:
    """Anonymous GET or HEAD of something that could be a public page."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if not settings.GAZETTE_PAGE_CACHE:
        return False
    path = environ.get("PATH_INFO", "")
    if path.startswith(_excluded_prefixes()):
        return False
    if settings.SECURE_SSL_REDIRECT and not _is_secure(environ):
        return False  # Django answers with the redirect to HTTPS
    cookies = environ.get("HTTP_COOKIE", "")
    if cookies and settings.SESSION_COOKIE_NAME + "=" in cookies:
        return False  # an editor: Wagtail's user bar and previews are theirs alone
    return "HTTP_AUTHORIZATION" not in environ


def _is_secure(environ) -> bool:
    header = settings.SECURE_PROXY_SSL_HEADER
    if header and environ.get(header[0], "").split(",")[0].strip() == header[1]:
        return True
    return environ.get("wsgi.url_scheme") == "https"


def _excluded_prefixes() -> tuple[str, ...]:
    """Paths that are never public pages: the admin, static and media files (their own
    server or WhiteNoise caches them), the counting and comment endpoints, health checks."""
    return tuple(
        prefix
        for prefix in (
            "/" + getattr(settings, "GAZETTE_ADMIN_PATH", "admin/").strip("/") + "/",
            settings.STATIC_URL,
            settings.MEDIA_URL,
            "/audience/",
            "/commentaires/",
            "/documents/",
            "/sante/",
        )
        if prefix.startswith("/")
    )


def request_path(environ) -> str:
    """The path as text: WSGI hands over its UTF-8 bytes as Latin-1 (PEP 3333)."""
    return environ.get("PATH_INFO", "/").encode("latin-1", "replace").decode("utf-8", "replace")


def normalised_path(path: str) -> str:
    """A purge may name « /sujets/élections/ » or « /sujets/%C3%A9lections/ »: one page."""
    return unquote(path)


def normalised_query(environ) -> str:
    """`?b=2&a=1` and `?a=1&b=2` are one page; tracking parameters (utm_…, fbclid) are not
    part of it, or every shared link would be a new copy."""
    raw = environ.get("QUERY_STRING", "")
    if not raw:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(raw, keep_blank_values=True)
        if not name.startswith("utm_") and name not in ("fbclid", "gclid", "xtor")
    ]
    return urlencode(sorted(pairs))


def entry_key(path: str) -> str:
    digest = hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=16)
    return f"{PREFIX}{digest.hexdigest()}"


def lookup(path: str) -> tuple[int, dict]:
    """The current generation and the path's stored variants, in one round trip to the cache.
    Variants stored under an older generation were purged by `purge_everything_now`."""
    if is_local():
        sync_local_purges()
    key = entry_key(path)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or 0
    stored = found.get(key)
    if stored is None or stored[0] != generation:
        return generation, {}
    return generation, stored[1]


def fill(application, environ):
    """Ask Django for the page, uncompressed (one stored copy serves every encoding).
    Returns the entry to store (or None) with what to send if it is not stored."""
    inner = dict(environ)
    inner.pop("HTTP_ACCEPT_ENCODING", None)
    inner.pop("HTTP_IF_NONE_MATCH", None)
    inner.pop("HTTP_IF_MODIFIED_SINCE", None)
    captured = {}

    def capture(status, headers, exc_info=None):
        captured.update(status=status, headers=list(headers))
        return lambda data: None  # the write() callable; Django never uses it

    result = application(inner, capture)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    status, headers = captured["status"], captured["headers"]
    seconds = storable_for(status, headers, body)
    if not seconds:
        return None, status, headers, body
    entry = Entry(
        status=status,
        headers=tuple(
            (name, value) for name, value in headers if name.lower() not in SKIPPED_HEADERS
        ),
        body=body,
        gzipped=compress(body, headers),
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
    )
    return entry, status, headers, body


def storable_for(status: str, headers: list, body: bytes) -> int:
    """Seconds to keep the response, or 0 when it is not a public page."""
    if not status.startswith("200") or len(body) > MAX_BODY:
        return 0
    named = {}
    for name, value in headers:
        named.setdefault(name.lower(), []).append(value)
    if "set-cookie" in named or "content-encoding" in named:
        return 0
    if any("cookie" in value.lower() for value in named.get("vary", [])):
        return 0
    directives = {
        part.strip().split("=", 1)[0].lower(): part.strip().partition("=")[2]
        for value in named.get("cache-control", [])
        for part in value.split(",")
    }
    if "public" not in directives or "private" in directives or "no-store" in directives:
        return 0
    try:
        return max(0, int(directives.get("s-maxage", "0")))
    except ValueError:
        return 0


def compress(body: bytes, headers) -> bytes | None:
    content_type = next((v for n, v in headers if n.lower() == "content-type"), "")
    if len(body) < 200 or not content_type.startswith(COMPRESSIBLE):
        return None
    return gzip.compress(body, compresslevel=6, mtime=0)


def store(path: str, query: str, generation: int, entry: Entry, headers) -> None:
    """Add the variant to the path's entry, under the generation read before the page was
    rendered: if everything was purged meanwhile, the copy is already out of date."""
    key = entry_key(path)
    stored = cache.get(key)
    variants = stored[1] if stored is not None and stored[0] == generation else {}
    if query not in variants and len(variants) >= MAX_VARIANTS:
        return
    variants[query] = entry
    cache.set(key, (generation, variants), timeout=storable_for(entry.status, headers, entry.body))


def answer(environ, start_response, entry: Entry, outcome: str):
    headers = [*entry.headers, ("ETag", entry.etag), ("X-Gazette-Cache", outcome)]
    match = environ.get("HTTP_IF_NONE_MATCH", "")
    if match and (match.strip() == "*" or entry.etag in _etags(match)):
        start_response("304 Not Modified", headers)
        return [b""]
    body = entry.body
    if entry.gzipped is not None:
        headers.append(("Vary", "Accept-Encoding"))
        if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
            body = entry.gzipped
            headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    start_response(entry.status, headers)
    return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def _etags(header: str) -> set[str]:
    """Both `W/"x"` and `"x"` name our weak tag: a proxy may have dropped the `W/`."""
    tags = {tag.strip() for tag in header.split(",")}
    return tags | {"W/" + tag for tag in tags if not tag.startswith("W/")}


# Purging


def purge_paths_now(paths) -> None:
    """Drop the stored copies of these paths (all their query strings), in this process's
    cache and, in the embedded shape, in the others' (through `PagePurge`)."""
    paths = sorted({normalised_path(path) for path in paths})
    if not paths:
        return
    _drop(paths)
    if is_local():
        record_purge("\n".join(paths))


def purge_everything_now() -> None:
    _bump_generation()
    if is_local():
        from .models import PagePurge

        record_purge(PagePurge.EVERYTHING)


def record_purge(paths: str) -> None:
    """For the other processes; this one has applied it already and will skip it."""
    from .models import PagePurge

    _own_purges.add(PagePurge.objects.record(paths))


def _drop(paths) -> None:
    cache.delete_many([entry_key(path) for path in paths])


def _bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: start one, past the implicit 0
        if not cache.add(GENERATION_KEY, 1, timeout=None):
            cache.incr(GENERATION_KEY)


def is_local() -> bool:
    """True when the cache is this process's memory: purges must reach the other processes
    another way."""
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


_sync_lock = threading.Lock()
_last_seen = {"id": None, "checked": 0.0}
_own_purges: set[int] = set()


def forget_local_state() -> None:
    """As in a new process (tests: the purge table is emptied between them)."""
    _last_seen.update(id=None, checked=0.0)
    _own_purges.clear()


def sync_local_purges() -> None:
    """Apply the purges other processes wrote since the last look, at most once a second."""
    now = time.monotonic()
    if now - _last_seen["checked"] < LOCAL_SYNC_SECONDS or not _sync_lock.acquire(blocking=False):
        return
    try:
        _last_seen["checked"] = now
        from .models import PagePurge

        if _last_seen["id"] is None:  # a new process: its cache is empty, nothing to drop
            _last_seen["id"] = PagePurge.objects.latest_id()
            return
        for purge_id, paths in PagePurge.objects.since(_last_seen["id"]):
            if purge_id in _own_purges:
                _own_purges.discard(purge_id)
            elif paths == PagePurge.EVERYTHING:
                _bump_generation()
            elif paths == PagePurge.FRAGMENTS:
                from . import fragments

                fragments.bump_local()
            else:
                _drop(paths.split("\n"))
            _last_seen["id"] = purge_id
    except Exception:  # noqa: BLE001 (a database hiccup must not fail a reader's page)
        _last_seen["checked"] = now
    finally:
        _sync_lock.release()
