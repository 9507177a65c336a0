"""Whose address it is: a pure function, wide tables."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from gazette.core.network import client_ip, network_of, parse_trusted_proxies


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ("", "203.0.113.7", "", "203.0.113.7"),
        ("", "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # nobody trusted: header ignored
        ("", "2001:DB8:0::1", "", "2001:db8::1"),  # one client, one spelling
        ("", "::ffff:203.0.113.7", "", "203.0.113.7"),  # a dual-stack socket's IPv4 client
        ("", "", "198.51.100.1", None),  # a Unix socket, no proxy: nobody to name
        ("1", "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("1", "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged entry on the left
        ("1", "10.1.2.3", "198.51.100.1", "198.51.100.1"),  # a proxy on a private network
        ("1", "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("2", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        ("2", "127.0.0.1", "198.51.100.1", "127.0.0.1"),  # fewer hops than proxies
        ("1", "127.0.0.1", "not-an-address", "127.0.0.1"),
        ("1", "127.0.0.1", "", "127.0.0.1"),
        # A client on the Internet that reaches the app port itself chooses nothing.
        ("1", "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        ("2", "203.0.113.7", "6.6.6.6, 198.51.100.1", "203.0.113.7"),
        ("10.0.0.0/8,127.0.0.1", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        ("10.0.0.0/8", "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not from our proxy
        ("10.0.0.0/8", "10.0.0.5", "10.0.0.9", "10.0.0.9"),  # only proxies: the farthest one
        ("10.0.0.0/8", "10.0.0.5", "2001:db8::7", "2001:db8::7"),
        ("10.0.0.0/8", "10.0.0.5", "6.6.6.6, garbage", "10.0.0.5"),
        ("198.51.100.0/24", "198.51.100.9", "203.0.113.7", "203.0.113.7"),  # a CDN's network
        ("2001:db8:ff::/48", "2001:db8:ff::1", "203.0.113.7", "203.0.113.7"),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", (0, ())),
        ("1", (1, "private")),
        (" 10.0.0.0/8 , 127.0.0.1 ,", (0, ("10.0.0.0/8", "127.0.0.1/32"))),
        ("10.1.2.3/8", (0, ("10.0.0.0/8",))),  # host bits set: the network meant
        ("::1,fd00::/8", (0, ("::1/128", "fd00::/8"))),
    ],
)
def test_trusted_proxies_forms(value, expected):
    count, networks = parse_trusted_proxies(value)
    expected_count, expected_networks = expected
    assert count == expected_count
    if expected_networks == "private":
        assert "127.0.0.0/8" in {str(network) for network in networks}
    else:
        assert tuple(str(network) for network in networks) == expected_networks


@pytest.mark.parametrize("value", ["one", "10.0.0.0/33", "2,3", "10.0.0.1,varnish", "-1"])
def test_a_bad_trusted_proxies_value_stops_start_up_saying_what_is_expected(value):
    with pytest.raises(ImproperlyConfigured, match=r"GAZETTE_TRUSTED_PROXIES=.* réseaux"):
        parse_trusted_proxies(value)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::ffff", "2001:db8:1:2::/64"),
        ("", ""),
        (None, ""),
    ],
)
def test_network_of_a_client(address, expected):
    assert network_of(address) == expected
