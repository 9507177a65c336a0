"""Login throttling counts the client's address as comments and the audience do
(`AXES_CLIENT_IP_CALLABLE` is `core.network.client_ip`): through trusted proxies the reader's,
and from anybody else the peer's own, whatever `X-Forwarded-For` it invents."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db


def fail_login(client, number, *, peer, forwarded):
    client.post(
        reverse("wagtailadmin_login"),
        {"username": f"inconnu{number}", "password": "faux"},
        REMOTE_ADDR=peer,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.parametrize(
    ("trusted", "peer", "recorded"),
    [
        ("127.0.0.1", "127.0.0.1", {"198.51.100.0", "198.51.100.1", "198.51.100.2"}),
        ("1", "127.0.0.1", {"198.51.100.0", "198.51.100.1", "198.51.100.2"}),
        ("10.0.0.0/8", "203.0.113.9", {"203.0.113.9"}),  # a forger on the Internet
        ("1", "203.0.113.9", {"203.0.113.9"}),
        ("", "127.0.0.1", {"127.0.0.1"}),
    ],
)
def test_failed_logins_are_counted_against_the_client_address(
    client, settings, trusted, peer, recorded
):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    for number in range(3):
        fail_login(client, number, peer=peer, forwarded=f"198.51.100.{number}")

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == recorded
