"""The proxy in front (Varnish), reached through Wagtail's frontend-cache backends.

Wagtail's HTTP backend sends one PURGE per URL and waits without a time limit. This one gives
up after `TIMEOUT` seconds and stops at the first unreachable proxy (a proxy that is down has
nothing to purge, and a moderator must not wait on it), and adds what a news site needs on top:
`purge_everything`, a BAN of every stored page, for the rare change every page shows (the
site-wide « Les + Lus », the site settings). `deploy/varnish/gazette.vcl` answers both: a
PURGE drops the path with all its query strings, a BAN drops every page (not static files).

CDN backends of Wagtail (Cloudflare, CloudFront, Azure) are configured the same way through
`WAGTAILFRONTENDCACHE`; those without `purge_everything` rely on `s-maxage` for the site-wide
changes (see the README, « Mise en production »).
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger(__name__)

TIMEOUT = 2


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

    def _send(self, method: str, url: str) -> None:
        parts = urlsplit(url)
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", "", ""])
        request = Request(target, method=method, headers={"Host": parts.netloc})  # noqa: S310
        try:
            with urlopen(request, timeout=TIMEOUT):  # noqa: S310 (the operator's LOCATION)
                pass
        except URLError as error:  # HTTPError included
            logger.error("Purge %s %s refusée par %s : %s", method, url, self.cache_netloc, error)
            if not hasattr(error, "code"):  # unreachable, not merely refused
                raise Unreachable from error
        except OSError as error:  # a time-out
            logger.error("Purge %s %s : %s injoignable (%s)", method, url, self.cache_netloc, error)
            raise Unreachable from error
