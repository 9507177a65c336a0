"""The proxy in front (Varnish), reached through Wagtail's frontend-cache backends.

Wagtail's HTTP backend sends one PURGE per URL and waits without a time limit. This one gives
up after `TIMEOUT` seconds and stops at the first unreachable proxy (a proxy that is down has
nothing to purge, and a moderator must not wait on it), and adds what a news site needs on top:
`purge_keys`, a PURGE of every object tagged with a surrogate key (`article:12`), whatever its
URL, and `purge_everything`, a BAN of every stored page, for the rare change every page shows.
`deploy/varnish/gazette.vcl` answers all three: a PURGE with `xkey-purge` drops by key (the
xkey vmod), a PURGE without it drops the path with all its query strings, a BAN drops every
page (not static files). docs/caching-keys.md says the same for each kind of proxy.

CDN backends of Wagtail (Cloudflare, CloudFront, Azure) are configured the same way through
`WAGTAILFRONTENDCACHE`; those without `purge_everything` rely on `s-maxage` for the site-wide
changes (see the README, « Mise en production »).
"""

import logging
import re
from textwrap import shorten
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger(__name__)

TIMEOUT = 2
# Bytes of keys in one `xkey-purge` header: Varnish refuses a header over http_req_hdr_len
# (8 KB by default) with a 400, and some load balancers in front stop at 4 or 8 KB.
MAX_KEYS_BYTES = 4000


class Unreachable(Exception):
    pass


class VarnishBackend(HTTPBackend):
    def purge(self, url):
        self._send("PURGE", url)

    def purge_batch(self, urls):
        try:
            for url in urls:
                self._send("PURGE", url)
        except Unreachable:
            pass

    def purge_everything(self, root_url: str) -> None:
        try:
            self._send("BAN", root_url)
        except Unreachable:
            pass

    def purge_keys(self, keys) -> None:
        """Drop every page and fragment whose `Surrogate-Key` names one of `keys`, in as
        many PURGE requests as the header limit asks (a section with its thousand articles)."""
        location = urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""])
        try:
            for chunk in key_chunks(keys):
                self._send("PURGE", location, keys=chunk)
        except Unreachable:
            pass

    def _send(self, method: str, url: str, keys: str = "") -> None:
        parts = urlsplit(url)
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", "", ""])
        headers = {"Host": parts.netloc}
        if keys:
            headers["xkey-purge"] = keys
        what = f"{url} (clés {shorten(keys, 60, placeholder=' …')})" if keys else url
        request = Request(target, method=method, headers=headers)  # noqa: S310
        try:
            with urlopen(request, timeout=TIMEOUT):  # noqa: S310 (the operator's LOCATION)
                pass
        except URLError as error:  # HTTPError included
            logger.error("Purge %s %s refusée par %s : %s", method, what, self.cache_netloc, error)
            if not hasattr(error, "code"):  # unreachable, not merely refused
                raise Unreachable from error
        except OSError as error:  # a time-out
            logger.error(
                "Purge %s %s : %s injoignable (%s)", method, what, self.cache_netloc, error
            )
            raise Unreachable from error


def key_chunks(keys, limit: int = MAX_KEYS_BYTES):
    """The keys, each once, space-separated in strings of at most `limit` bytes. xkey splits
    on spaces and commas the Surrogate-Key it indexes and the keys it purges: split the same
    way, the bytes are counted right. A key no header can carry (not printable ASCII) is
    logged and left out: purges are logged, not raised, as the others are."""
    words = {word for key in keys for word in re.split(r"[ ,]+", key) if word}
    line = ""
    for word in sorted(words):
        if not (word.isascii() and word.isprintable()):
            logger.error("Purge : clé de cache invalide %r laissée de côté", word)
            continue
        if line and len(line) + 1 + len(word) > limit:
            yield line
            line = ""
        line = f"{line} {word}" if line else word
    if line:
        yield line
