"""The client's address, as seen through the proxies the operator says are ours: one function
for comments (rate limit, blocklist, stored address), the audience beacon, login throttling
(`AXES_CLIENT_IP_CALLABLE`) and the request log.

`X-Forwarded-For` is written by whoever sends the request, so it is read only when the direct
peer (`REMOTE_ADDR`) is one of the proxies `GAZETTE_TRUSTED_PROXIES` names:
- their networks (`10.0.0.0/8,127.0.0.1`): walk the header from the right while the address
  is one of ours; the first one that is not is the client;
- or their number (`1` behind one Varnish): each appends the address it saw, so the client is
  that many entries from the right. A number says nothing of where the proxies are, so the
  peer must then be on a loopback or private network (`PRIVATE_NETWORKS`): a client that
  reaches the app port from the Internet cannot choose its own address.
Anything else, or an entry that is not an address, falls back to the peer: a forged header may
then make a client look like the proxy, never like somebody else.
"""

import ipaddress
import socket
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "127.0.0.0/8",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
    )
)
IPV4_MAPPED = bytes(10) + b"\xff\xff"


@lru_cache(maxsize=4)
def parse_trusted_proxies(value: str) -> tuple[int, tuple[Network, ...]]:
    """(number of proxies, or 0 to walk the networks; the networks a peer must be in).
    Called by settings.py at start-up: a typo must stop the site, not silently count every
    reader as one or trust everybody's header."""
    value = value.strip()
    if not value:
        return 0, ()
    if value.isdigit():
        return int(value), PRIVATE_NETWORKS
    try:
        return 0, tuple(
            ipaddress.ip_network(part.strip(), strict=False)
            for part in value.split(",")
            if part.strip()
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            f"GAZETTE_TRUSTED_PROXIES={value!r} : un nombre de proxys ou des réseaux "
            f"séparés par des virgules (10.0.0.0/8,127.0.0.1) sont attendus ({error})."
        ) from None


def client_ip(request) -> str | None:
    return client_ip_from(request.META)


def client_ip_from(meta) -> str | None:
    """The same, from a WSGI environ (the beacon answers before Django builds a request).
    None when not even the peer has an address (a Unix socket without a proxy)."""
    remote = _address(meta.get("REMOTE_ADDR", ""))
    count, networks = parse_trusted_proxies(settings.GAZETTE_TRUSTED_PROXIES)
    if not networks or remote is None or not _in(remote, networks):
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count:
        if len(forwarded) < count:  # not through all our proxies: nothing to trust
            return remote
        return _address(forwarded[-count]) or remote
    client = remote
    for part in reversed(forwarded):
        address = _address(part)
        if address is None:
            break
        client = address
        if not _in(address, networks):
            break
    return client


def network_of(address: str | None) -> str:
    """What one client can hardly multiply: an IPv4 address, or the /64 of an IPv6 one (a
    single home or phone gets a whole /64 and picks any address in it)."""
    if not address or ":" not in address:
        return address or ""
    try:
        packed = socket.inet_pton(socket.AF_INET6, address)
    except (OSError, ValueError):
        return address
    return socket.inet_ntop(socket.AF_INET6, packed[:8] + bytes(8)) + "/64"


def _address(text: str) -> str | None:
    """The address in its canonical form (`2001:DB8::1` and `2001:db8:0::1` are one client,
    `::ffff:192.0.2.1` is `192.0.2.1`), or None. The C functions of `socket` do it ten times
    faster than `ipaddress`, and every beacon asks."""
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    try:
        packed = socket.inet_pton(family, text)
    except (OSError, ValueError):
        return None
    if family == socket.AF_INET6 and packed[:12] == IPV4_MAPPED:
        return socket.inet_ntop(socket.AF_INET, packed[12:])
    return socket.inet_ntop(family, packed)


@lru_cache(maxsize=1024)
def _in(address: str, networks: tuple[Network, ...]) -> bool:
    """Remembered: behind proxies, the same few peers ask on every request."""
    ip = ipaddress.ip_address(address)  # canonical already: cannot fail
    return any(ip in network for network in networks)
