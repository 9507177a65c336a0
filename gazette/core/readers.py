"""Who is an anonymous reader: the one rule the page cache, the read replica and the kept
fragments apply, and deploy/varnish/gazette.vcl repeats (a test holds them together).

An anonymous reader's request is a GET or HEAD outside the admin, without the session cookie.
Only such a request may be answered from a copy made for everyone, or read from a replica that
lags: an editor (signed in: the session cookie) must see their own change at once, and
Wagtail's user bar and previews are theirs alone. The cookie is looked for in the raw header,
without parsing it: a reader never has one.

Tracking parameters (`utm_…`, `fbclid`…) do not make another page: every shared link would
otherwise be a new copy.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed

READ_METHODS = ("GET", "HEAD")
TRACKING_PREFIX = "utm_"
TRACKING = ("fbclid", "gclid", "xtor")


@dataclass(frozen=True)
class Rule:
    admin_prefix: str
    session_cookie: str  # "sessionid=", as it appears in the Cookie header


_rule: Rule | None = None


def rule() -> Rule:
    """Read from the settings once per process (a setting read costs a microsecond or two)."""
    global _rule
    if _rule is None:
        admin = "/" + getattr(settings, "GAZETTE_ADMIN_PATH", "admin/").strip("/") + "/"
        _rule = Rule(admin_prefix=admin, session_cookie=settings.SESSION_COOKIE_NAME + "=")
    return _rule


def is_anonymous_read(method: str, path: str, cookie_header: str | None) -> bool:
    current = _rule or rule()
    return (
        method in READ_METHODS
        and not path.startswith(current.admin_prefix)
        and not (cookie_header and _has_cookie(cookie_header, current.session_cookie))
    )


def _has_cookie(header: str, named: str) -> bool:
    """`named` ("sessionid=") starts one of the header's cookies: what the VCL's
    `(^|;\\s*)sessionid=` matches, without a regular expression on every request."""
    return header.startswith(named) or f"; {named}" in header or f";{named}" in header


def is_tracking(name: str) -> bool:
    return name.startswith(TRACKING_PREFIX) or name in TRACKING


def _forget(**kwargs) -> None:
    global _rule
    _rule = None


setting_changed.connect(_forget)
