"""Which referrer is kept: a pure function, a wide table."""

import pytest

from gazette.audience.referrers import referrer_domain


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
