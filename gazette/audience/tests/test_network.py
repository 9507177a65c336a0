"""Whose address counts, and which referrer is kept: pure functions, wide tables."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from gazette.audience.network import client_ip, parse_trusted_proxies
from gazette.audience.referrers import referrer_domain


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ("", "203.0.113.7", "", "203.0.113.7"),
        ("", "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # nobody trusted: header ignored
        ("1", "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("1", "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged entry on the left
        ("2", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        ("2", "127.0.0.1", "198.51.100.1", "127.0.0.1"),  # fewer hops than proxies
        ("1", "127.0.0.1", "not-an-address", "127.0.0.1"),
        ("1", "127.0.0.1", "", "127.0.0.1"),
        ("10.0.0.0/8,127.0.0.1", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        ("10.0.0.0/8", "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not from our proxy
        ("10.0.0.0/8", "10.0.0.5", "10.0.0.9", "10.0.0.9"),  # only proxies: the farthest one
        ("10.0.0.0/8", "10.0.0.5", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.mark.parametrize("value", ["one", "10.0.0.0/33", "2,3"])
def test_a_bad_trusted_proxies_value_stops_start_up(value):
    with pytest.raises(ImproperlyConfigured, match="GAZETTE_TRUSTED_PROXIES"):
        parse_trusted_proxies(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("news.google.com", "news.google.com"),
        ("www.Qwant.com", "qwant.com"),
        ("https://www.facebook.com/some/post?id=42", "facebook.com"),
        ("gazette.example", ""),  # the site itself
        ("www.gazette.example", ""),
        ("", ""),
        ("localhost", ""),
        ("192.168.0.1", ""),
        ("android-app://com.google.android.gm", ""),
        ("<script>.com", ""),
        ("a" * 250 + ".com", ""),
    ],
)
def test_referrer_domain_keeps_only_another_sites_host(value, expected):
    assert referrer_domain(value, own_host="gazette.example:8000") == expected
