import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gazette.news.tests.factories import fr

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def staff(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    users = get_user_model().objects
    return [
        users.create_user(name, password=PASSWORD, is_staff=True, is_superuser=True)
        for name in ("claire", "paul")
    ]


def log_in(client, username, password, ip):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_account_locked_after_failures_whoever_tries(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "claire", "faux", "203.0.113.1")
    locked = log_in(client, "claire", PASSWORD, "198.51.100.7")  # right password, other client
    assert locked.status_code == 429
    assert fr("Too many login attempts") in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_account_from_other_client_still_logs_in(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "claire", "faux", "203.0.113.1")
    response = log_in(client, "paul", PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_client_locked_after_failures_whatever_account(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"inconnu{number}", "faux", "203.0.113.9")
    assert log_in(client, "paul", PASSWORD, "203.0.113.9").status_code == 429


def test_client_address_read_through_trusted_proxies(client, staff, settings):
    """Behind Varnish every request comes from the proxy: locking its address would lock
    the whole newsroom out, so the reader's address is read as the audience reads it."""
    settings.GAZETTE_TRUSTED_PROXIES = "1"
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": f"inconnu{number}", "password": "faux"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "paul", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_successful_login_resets_the_count(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "claire", "faux", "203.0.113.1")
    assert log_in(client, "claire", PASSWORD, "203.0.113.1").status_code == 302
    client.logout()
    log_in(client, "claire", "faux", "203.0.113.1")
    assert log_in(client, "claire", PASSWORD, "203.0.113.1").status_code == 302
