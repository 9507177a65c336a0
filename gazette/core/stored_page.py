"""A page as the page cache keeps it: the response's parts, its keys, and the header lists of
its answers made once, when stored or fetched from Redis, not at each hit.

What may be stored is decided by the response, not by a list of URLs (`storable_for`): a 200
whose `Cache-Control` says `public` with an `s-maxage` (`cache_public`, the caching invariant
of DESIGN.md), with no cookie set and no `Vary: Cookie`. Responses are stored uncompressed and
gzipped once; every answer carries a weak ETag (the same for both encodings).
"""

import gzip
import hashlib
import time

from . import invalidation, page_requests, stitching

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


class StoredPage:
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
        if keys and page_requests.rules().expose_keys:
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
        return StoredPage, (*parts, self.keys, self.sequence)


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
    page = StoredPage(
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
