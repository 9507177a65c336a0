"""The middleware that collects a response's keys while it renders and names them in its
`Surrogate-Key` header (gazette/core/invalidation.py says what keys are and who reads them).

Only public responses get the header (`Cache-Control: public`): nothing else is kept by any
cache. The page cache reads it, indexes the stored page by it and removes it before readers
see it, unless `GAZETTE_SURROGATE_KEYS` says a proxy in front reads it (Varnish with xkey, a
CDN); the proxy removes it in turn.

A response with pieces to stitch in (gazette/core/stitching.py) says so in `Surrogate-Control`,
for Varnish; the page cache stitches them itself for readers.

A page that showed too many keys to name them in a header (a sitemap of thousands of
articles) names their groups instead (`articles` for every `article:…`): a purge of one key of
a group purges the group too (`invalidation.purge_now`), so the page is purged when it must.
"""

from . import invalidation, stitching

LIMIT = 4000  # bytes: Varnish refuses header lines past 8 KB by default


class SurrogateKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with invalidation.collecting() as keys:
            response = self.get_response(request)
        if keys and _is_public(response) and not response.streaming:
            response[invalidation.HEADER] = invalidation.header_value(fitting(keys))
        if stitching.has_includes(request):
            response[stitching.CONTROL[0]] = stitching.CONTROL[1]
        return response


def _is_public(response) -> bool:
    return "public" in response.get("Cache-Control", "")


def fitting(keys, limit: int = LIMIT) -> set[str]:
    """The keys, or, past `limit` bytes, the biggest kinds replaced by their group."""
    keys = set(keys)
    while len(invalidation.header_value(keys)) > limit:
        kinds: dict[str, int] = {}
        for key in keys:
            kind = key.partition(":")[0]
            if kind in invalidation.GROUPS and ":" in key:
                kinds[kind] = kinds.get(kind, 0) + 1
        if not kinds:
            break
        kind = max(kinds, key=kinds.get)
        keys = {key for key in keys if not key.startswith(kind + ":")}
        keys.add(invalidation.GROUPS[kind])
    return keys
