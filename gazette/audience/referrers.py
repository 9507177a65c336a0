"""Where readers come from, reduced to the referring site's host name.

The beacon script already sends only the host of `document.referrer` (the page a reader came
from never leaves the browser); the server still accepts nothing but a well-formed public host
name, drops the site's own (a reader moving between articles is no referrer) and folds
`www.` away so that one site is one line.
"""

import re
from urllib.parse import urlsplit

MAX_LENGTH = 253
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def referrer_domain(value: str, *, own_host: str) -> str:
    """The host to count, or "" for none: empty, ours, or not a host name."""
    if "://" in value:
        url = urlsplit(value)
        value = (url.hostname or "") if url.scheme in ("http", "https") else ""
    domain = _bare(value)
    if len(domain) > MAX_LENGTH or not HOST.match(domain):
        return ""
    return "" if domain == _bare(own_host.rsplit(":", 1)[0]) else domain


def _bare(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host.removeprefix("www.")
