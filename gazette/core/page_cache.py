"""The app's full-page cache: anonymous readers get stored bytes without Django being asked.

Why at the WSGI layer and not as a middleware: a hit must cost about what a static file costs,
and Django's handler (request object, signals, middleware chain) costs several times the hit
itself. `gazette/wsgi.py` wraps Django with `with_page_cache`; what reaches Django is a miss,
a logged-in editor, or something that is not a public page.

What may be stored is decided by the response, not by a list of URLs: a 200 whose
`Cache-Control` says `public` with an `s-maxage` (`cache_public`, the caching invariant of
DESIGN.md), with no cookie set and no `Vary: Cookie`. It is kept `s-maxage` seconds, unless
purged first: the response names what it showed in its `Surrogate-Key` header (recorded while
it rendered, gazette/core/invalidation.py), each stored page is indexed by those keys, and a
change purges the keys of what changed. The header is kept for the proxy in front when
`GAZETTE_SURROGATE_KEYS` says one reads it, and never reaches readers otherwise.

Whose pages. A page is stored under its path, then under its site and query string: the
site the request is for as Wagtail resolves it (`site_key`), never the `Host` header itself.
A purge drops every page that carried one of its keys, on every site.

Where pages are kept. Each process keeps ready answers in its memory (`page_memory.py`: no
pickling, header lists built once), looked up by path, then by query string (`?page=2`), so
that a purge of a path drops its pages of results too.
- Embedded shape (Django's cache in memory): that memory is the store. A purge made by another
  process (the task worker publishing a scheduled article, a second server worker) is written
  to the database (`PagePurge`, the keys purged); each process applies those it has not seen,
  checking at most once a second (`LOCAL_SYNC_SECONDS`).
- With Redis: the memory sits in front of Redis, where every process stores what it renders,
  one entry per path holding its variants, each with its keys and the purge counter read
  before it was rendered: a variant one of whose keys was purged since is ignored
  (`invalidation.is_fresh`). A purge's keys are published to every process
  (`purge_channel.py`); a process whose subscription is not alive serves from Redis, two
  round trips a hit, until it is back.

Responses are stored uncompressed and gzipped once; a reader gets the gzip copy if it says it
accepts it. Every answer carries a weak ETag (same for both encodings), and a matching
`If-None-Match` gets a 304.
"""

import gzip
import hashlib
import math
import os
import sys
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.http.request import split_domain_port, validate_host

from . import invalidation, readers, site_match, stitching
from .page_memory import PageMemory
from .purge_channel import PurgeListener, publish

PREFIX = "gazette:page:v3:"  # v3: pages carry their keys and purge counter
PATHS = "gazette:keys:paths:"  # with Redis: the paths that carried a key (the path fallback)
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
MAX_STITCHED = 256  # assembled copies kept per process, about 10 MB (gazette/core/stitching.py)
# Answers of a hit that must not be taken from the stored response, or are ours.
# A request's id (gazette/operations/requestlog.py) is its reader's alone.
SKIPPED_HEADERS = {
    "content-length",
    "content-encoding",
    "etag",
    "x-gazette-cache",
    "x-request-id",
    invalidation.HEADER.lower(),  # kept apart, as `keys`; sent back only to a proxy
}
HIT, MISS = ("X-Gazette-Cache", "hit"), ("X-Gazette-Cache", "miss")


class Page:
    """A stored response with its answers' header lists made once, when stored or fetched
    from Redis, not at each hit. Pickled (for Redis) as its parts alone."""

    __slots__ = (
        "body",
        "etag",
        "expires",
        "gzipped",
        "headers",
        "includes",
        "keys",
        "not_modified",
        "plain",
        "sequence",
        "status",
        "zipped",
    )

    def __init__(self, status, headers, body, gzipped, etag, expires, keys, sequence):
        self.status, self.headers, self.body, self.gzipped = status, headers, body, gzipped
        self.etag, self.expires = etag, expires  # expires: time.time() of the end of s-maxage
        self.keys, self.sequence = keys, sequence  # what it showed; the purge counter before
        self.includes = stitching.includes_of(body)  # pieces stitched in when served
        common = (*headers, ("ETag", etag))
        if keys and (_rules or _load_rules()).expose_keys:
            common = (*common, (invalidation.HEADER, invalidation.header_value(keys)))
        self.not_modified = (*common, HIT)
        if gzipped is None:
            self.plain = (*common, ("Content-Length", str(len(body))), HIT)
            self.zipped = None
        else:
            vary = ("Vary", "Accept-Encoding")
            self.plain = (*common, vary, ("Content-Length", str(len(body))), HIT)
            zipped_length = ("Content-Length", str(len(gzipped)))
            self.zipped = (*common, vary, ("Content-Encoding", "gzip"), zipped_length, HIT)

    def __reduce__(self):
        parts = (self.status, self.headers, self.body, self.gzipped, self.etag, self.expires)
        return Page, (*parts, self.keys, self.sequence)


def with_page_cache(application):
    """Wrap a WSGI application (Django's) with the page cache."""

    def page_cache(environ, start_response):
        if not is_candidate(environ):
            if (_rules or _load_rules()).expose_keys:
                return application(environ, start_response)
            return application(environ, _without_keys(start_response))
        process, now = _process or _start_process(), time.time()
        shared = process.listener is not None
        if shared:
            trusted = process.listener.healthy
        else:
            sync_local_purges(process.memory)
            trusted = True
        site = site_key(environ, process.memory, trusted)
        if site is None:  # a host Django refuses (400)
            return application(environ, _without_keys(start_response))
        path, query = request_path(environ), f"{site}?{normalised_query(environ)}"
        if trusted:
            page = process.memory.get(path, query, now)
            if page is not None:
                if page.includes and not stitching.esi_capable(environ):
                    page = stitched(page_cache, environ, page, process)
                return answer(environ, start_response, page, HIT)
        purges = process.memory.purges  # read before the fetch: see PageMemory
        if shared:
            sequence, variants = lookup(path)
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
        if page is None:
            start_response(status, _strip_keys(headers))
            return [body]
        # A purge that came in during the render, perhaps of this page: the render may be older.
        if not trusted or process.memory.purges == purges:
            if shared:
                store(path, query, page)
            if trusted:
                process.memory.put(path, query, page, purges=purges)
        if page.includes and not stitching.esi_capable(environ):
            page = stitched(page_cache, environ, page, process)
        return answer(environ, start_response, page, MISS)

    return page_cache


@dataclass(frozen=True)
class Rules:
    """What `is_candidate` needs from the settings, read once: through `LazySettings` each
    read costs a microsecond or two, several per request."""

    enabled: bool
    excluded: tuple[str, ...]
    https_only: bool
    allowed_hosts: tuple[str, ...]
    forwarded_port: bool
    expose_keys: bool


_rules: Rules | None = None


def _load_rules() -> Rules:
    global _rules  # per process, dropped when a test changes settings
    _rules = Rules(
        enabled=settings.GAZETTE_PAGE_CACHE,
        excluded=_excluded_prefixes(),
        https_only=settings.SECURE_SSL_REDIRECT,
        allowed_hosts=tuple(
            settings.ALLOWED_HOSTS
            or (settings.DEBUG and (".localhost", "127.0.0.1", "[::1]"))
            or ()
        ),
        forwarded_port=settings.USE_X_FORWARDED_PORT,
        expose_keys=settings.GAZETTE_SURROGATE_KEYS,
    )
    return _rules


def _strip_keys(headers) -> list:
    """The keys are for the caches, not for readers (nor for a proxy that does not read them)."""
    if (_rules or _load_rules()).expose_keys:
        return headers
    name = invalidation.HEADER.lower()
    return [(key, value) for key, value in headers if key.lower() != name]


def _without_keys(start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, _strip_keys(headers), exc_info)

    return start


def is_candidate(environ) -> bool:
    """An anonymous reader's request (`readers.py`, the rule the replica, the fragments and the
    VCL share) for something that could be a public page."""
    rules = _rules or _load_rules()
    if not rules.enabled:
        return False
    path = environ.get("PATH_INFO", "")
    if not readers.is_anonymous_read(
        environ.get("REQUEST_METHOD", ""), path, environ.get("HTTP_COOKIE")
    ):
        return False
    if path.startswith(rules.excluded):
        return False
    if rules.https_only and not _is_secure(environ):
        return False  # Django answers with the redirect to HTTPS
    return "HTTP_AUTHORIZATION" not in environ


def _is_secure(environ) -> bool:
    header = settings.SECURE_PROXY_SSL_HEADER
    if header and environ.get(header[0], "").split(",")[0].strip() == header[1]:
        return True
    return environ.get("wsgi.url_scheme") == "https"


def _excluded_prefixes() -> tuple[str, ...]:
    """Paths that are never public pages besides the admin (`readers.py`): static and media
    files (their own server or WhiteNoise caches them), the counting and comment endpoints,
    health checks."""
    return tuple(
        prefix
        for prefix in (
            settings.STATIC_URL,
            settings.MEDIA_URL,
            "/audience/",
            "/commentaires/",
            "/documents/",
            "/sante/",
        )
        if prefix.startswith("/")
    )


def site_key(environ, memory: PageMemory, trusted: bool) -> int | None:
    """The site the request is for, as Wagtail resolves it (the same host name, port and
    rules, `site_match.py`): its primary key, 0 for no site, None for a host name that
    `ALLOWED_HOSTS` refuses. Pages are stored per site, so that a second site is not served
    the first one's pages, and under the site and not the `Host` header, so that a name or
    port the reader chose can neither poison an entry nor add one.

    The configured sites are read once per process and kept with its pages: saving a site
    purges everything, which empties that memory and the list with it."""
    rules = _rules or _load_rules()
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    hostname = split_domain_port(host)[0]
    if not hostname or not validate_host(hostname, rules.allowed_hosts):
        return None
    port = environ.get("SERVER_PORT")
    if rules.forwarded_port and "HTTP_X_FORWARDED_PORT" in environ:
        port = environ["HTTP_X_FORWARDED_PORT"]
    sites = memory.sites if trusted else None
    if sites is None:
        purges = memory.purges  # a site saved meanwhile: its purge empties the list again
        sites = known_sites()
        if trusted and memory.purges == purges:
            memory.sites = sites
    return site_match.matching(sites, hostname, port) or 0


def known_sites() -> tuple:
    from wagtail.models import Site

    return tuple(
        site_match.Known(*row)
        for row in Site.objects.values_list("pk", "hostname", "port", "is_default_site")
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
    raw = environ.get("QUERY_STRING")
    if not raw:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(raw, keep_blank_values=True)
        if not readers.is_tracking(name)
    ]
    return urlencode(sorted(pairs))


def entry_key(path: str) -> str:
    digest = hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=16)
    return f"{PREFIX}{digest.hexdigest()}"


def lookup(path: str) -> tuple[int, dict]:
    """The purge counter (for a render that may follow) and the path's variants in Redis, in
    one round trip. A variant is good only if none of its keys was purged since it was
    rendered: the caller asks `invalidation.is_fresh`."""
    key = entry_key(path)
    found = cache.get_many([invalidation.SEQUENCE, key])
    return found.get(invalidation.SEQUENCE) or 0, found.get(key) or {}


def fill(application, environ, sequence: int):
    """Ask Django for the page, uncompressed (one stored copy serves every encoding).
    Returns the page to store (or None) with what to send if it is not stored."""
    inner = dict(environ)
    inner[stitching.STITCHER] = "1"  # pieces as includes: this cache stitches them when served
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
    header = invalidation.HEADER.lower()
    keys = frozenset(
        key for name, value in headers if name.lower() == header for key in value.split()
    )
    page = Page(
        status,
        tuple((name, value) for name, value in headers if name.lower() not in SKIPPED_HEADERS),
        body,
        compress(body, headers),
        'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        time.time() + seconds,
        keys,
        sequence,
    )
    return page, status, headers, body


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


def store(path: str, query: str, page: Page) -> None:
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


def stitched(page_cache, environ, page: Page, process) -> Page:
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
    ready = Page(
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


def answer(environ, start_response, page: Page, outcome):
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


# This process's memory and, with Redis, its purge listener


class Process:
    def __init__(self):
        self.memory = PageMemory(settings.GAZETTE_PAGE_MEMORY_MB * 1024 * 1024)
        self.stitched: dict[tuple, Page] = {}  # (page ETag, pieces' ETags) -> assembled
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


def _on_setting_changed(**kwargs) -> None:
    """Tests that change settings get rules, and a memory, made from the new ones."""
    global _rules, _process
    _rules = None
    if kwargs["setting"] in ("CACHES", "GAZETTE_PAGE_MEMORY_MB") and _process is not None:
        _process.stop()
        _process = None


setting_changed.connect(_on_setting_changed)


# Purging


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
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


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
