"""Which Wagtail site a host name and port are for, from a list of the sites kept in memory:
Wagtail asks the database on every request (`get_site_for_hostname`), and the page cache
must know the site before Django is asked, without a query.

Why a list and not a cache entry per host and port: a reader chooses the `Host` header (any
name `ALLOWED_HOSTS` lets through, any port), and an entry per pair would let one client
multiply entries, and in the embedded shape evict the ones that matter. The list holds the
configured sites only; whatever a request says, it ends on one of them (or on none).
"""

from typing import NamedTuple

# Wagtail's order of preference (wagtail/models/sites.py)
_HOSTNAME_PORT, _HOSTNAME_DEFAULT, _DEFAULT, _HOSTNAME = range(4)


class Known(NamedTuple):
    pk: int
    hostname: str
    port: int
    is_default_site: bool


def matching(sites, hostname: str, port) -> int | None:
    """The primary key of the site Wagtail's `Site.find_for_request` would choose for this
    host name and port (its same rules, in the same order), or None."""
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None
    ranked = []
    for site in sites:
        if site.hostname == hostname and site.port == port:
            rank = _HOSTNAME_PORT
        elif site.hostname == hostname and site.is_default_site:
            rank = _HOSTNAME_DEFAULT
        elif site.is_default_site:
            rank = _DEFAULT
        elif site.hostname == hostname:
            rank = _HOSTNAME
        else:
            continue
        ranked.append((rank, site.pk))
    if not ranked:
        return None
    ranked.sort(key=lambda pair: pair[0])  # stable, as the database's order among equals
    if len(ranked) == 1 or ranked[0][0] in (_HOSTNAME_PORT, _HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == _DEFAULT:
        return ranked[len(ranked) == 2][1]
    return None
