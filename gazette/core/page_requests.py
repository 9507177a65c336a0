"""Which requests the page cache answers, and under which name it keeps their pages.

The rules of gazette/core/page_cache.py about the request alone, read once per process from
the settings: whether it is an anonymous reader's (`readers.py`, the rule the replica, the
fragments and the VCL share) for something that could be a public page; which site it is for,
as Wagtail resolves it; its path and query string as the cache names them (tracking parameters
dropped, parameters sorted). And the keys header, which never reaches a reader unless a proxy
in front reads it (`GAZETTE_SURROGATE_KEYS`).
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.http.request import split_domain_port, validate_host

from . import invalidation, readers, site_match
from .page_memory import PageMemory


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


def strip_keys(headers) -> list:
    """The keys are for the caches, not for readers (nor for a proxy that does not read them)."""
    if (_rules or _load_rules()).expose_keys:
        return headers
    name = invalidation.HEADER.lower()
    return [(key, value) for key, value in headers if key.lower() != name]


def without_keys(start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, strip_keys(headers), exc_info)

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


def rules() -> Rules:
    return _rules or _load_rules()


def _forget_rules(**kwargs) -> None:
    """Tests that change settings get rules made from the new ones."""
    global _rules
    _rules = None


setting_changed.connect(_forget_rules)
