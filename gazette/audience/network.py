"""The reader's address, as seen through the proxies the operator says are ours.

`X-Forwarded-For` is written by whoever sends the request, so it is read only as far as
`GAZETTE_TRUSTED_PROXIES` allows: either a count of proxies in front of the app (each appends
the address it saw, so the client is that many entries from the right), or the networks of
those proxies (walk from the right while the address is one of ours). Anything else, or an
entry that is not an address, falls back to REMOTE_ADDR: a forged header may then make a
reader look like the proxy, never like somebody else.
"""

import ipaddress
import socket
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=4)
def parse_trusted_proxies(value: str) -> int | tuple[Network, ...]:
    value = value.strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    try:
        return tuple(
            ipaddress.ip_network(part.strip(), strict=False)
            for part in value.split(",")
            if part.strip()
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            f"GAZETTE_TRUSTED_PROXIES={value!r} : un nombre de proxys ou des réseaux "
            f"séparés par des virgules (10.0.0.0/8,127.0.0.1) sont attendus ({error})."
        ) from None


def check_trusted_proxies() -> None:
    """At start-up: a typo must stop the site, not silently count every reader as one."""
    parse_trusted_proxies(settings.GAZETTE_TRUSTED_PROXIES)


def client_ip(request) -> str:
    return client_ip_from(request.META)


def client_ip_from(meta) -> str:
    """The same, from a WSGI environ (the beacon answers before Django builds a request)."""
    remote = meta.get("REMOTE_ADDR", "")
    trusted = parse_trusted_proxies(settings.GAZETTE_TRUSTED_PROXIES)
    if not trusted:
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if isinstance(trusted, int):
        if len(forwarded) < trusted:  # not through all our proxies: nothing to trust
            return remote
        return _address(forwarded[-trusted]) or remote
    if not _in(remote, trusted):
        return remote
    client = remote
    for part in reversed(forwarded):
        address = _address(part)
        if address is None:
            break
        client = address
        if not _in(address, trusted):
            break
    return client


def _address(text: str) -> str | None:
    """The address in its canonical form (`2001:DB8::1` and `2001:db8:0::1` are one reader),
    or None. The C functions of `socket` do it ten times faster than `ipaddress`, and every
    beacon asks."""
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    try:
        return socket.inet_ntop(family, socket.inet_pton(family, text))
    except (OSError, ValueError):
        return None


def _in(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)
