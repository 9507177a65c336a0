"""Failed logins lock the pair (account, client address), and an address after a higher count
whatever the accounts: whoever guesses is stopped, the editor elsewhere is not. The 429 page
says until when, and an administrator can lift a lock from the admin."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from gazette.core.dates import long_datetime
from gazette.news.newsroom import ADMINISTRATOR, WRITER
from gazette.news.tests.factories import fr

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"
A, B = "203.0.113.1", "198.51.100.7"


@pytest.fixture
def staff(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS = 8  # fewer requests; the default is 20
    users = get_user_model().objects
    return [
        users.create_user(name, password=PASSWORD, is_staff=True, is_superuser=True)
        for name in ("claire", "paul")
    ]


def log_in(client, username, password, ip, **headers):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        **headers,
    )
    client.logout()
    return response


def fail(client, username, ip, times):
    for _ in range(times):
        log_in(client, username, "faux", ip)


def test_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(
    client, staff, settings
):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "claire", PASSWORD, B).status_code == 302
    assert log_in(client, "claire", PASSWORD, A).status_code == 429


def test_other_account_from_the_same_address_logs_in_before_the_address_limit(
    client, staff, settings
):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    response = log_in(client, "paul", PASSWORD, A)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_lockout_page_says_in_french_until_when(client, staff, settings):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    response = log_in(client, "claire", PASSWORD, A)
    last = AccessAttempt.objects.latest("attempt_time").attempt_time  # this very request
    until = long_datetime(last + timedelta(minutes=15))
    page = response.content.decode()
    assert response.status_code == 429
    assert fr("Too many login attempts") in page
    assert fr("Logging in to this account from this connection is blocked.") in page
    assert f"Vous pourrez réessayer {until}" in page
    assert response["Retry-After"] == "900"
    assert "no-cache" in response["Cache-Control"]


def test_address_locked_after_its_own_limit_whatever_the_accounts(client, staff, settings):
    for number in range(settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS - 1):
        log_in(client, f"inconnu{number}", "faux", A)
    assert log_in(client, "paul", PASSWORD, A).status_code == 302  # one failure short
    log_in(client, "encore-un", "faux", A)
    locked = log_in(client, "paul", PASSWORD, A)
    assert locked.status_code == 429
    assert fr("Logging in from this connection is blocked for every account.") in (
        locked.content.decode()
    )
    assert log_in(client, "paul", PASSWORD, B).status_code == 302


def test_own_login_does_not_wipe_failures_at_another_account(client, staff, settings):
    """Someone with an account of their own cannot log in between guesses to start again."""
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "paul", PASSWORD, A).status_code == 302
    fail(client, "claire", A, 1)
    assert log_in(client, "claire", PASSWORD, A).status_code == 429


def test_successful_login_resets_its_own_count(client, staff, settings):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "claire", PASSWORD, A).status_code == 302
    fail(client, "claire", A, 1)
    assert log_in(client, "claire", PASSWORD, A).status_code == 302


def test_client_address_read_through_trusted_proxies(client, staff, settings):
    """Behind Varnish every request comes from the proxy: locking its address would lock
    the whole newsroom out, so the reader's address is read as the audience reads it."""
    settings.GAZETTE_TRUSTED_PROXIES = "1"
    for number in range(settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS):
        log_in(client, f"inconnu{number}", "faux", "127.0.0.1", HTTP_X_FORWARDED_FOR=A)
    assert log_in(client, "paul", PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR=B).status_code == 302
    assert log_in(client, "paul", PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR=A).status_code == 429


def user_in(group: str, username: str):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


LOCKOUTS = reverse("operations_lockouts")


def test_an_administrator_sees_and_lifts_a_lockout(client, staff, settings):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    for number in range(settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS):
        log_in(client, f"inconnu{number}", "faux", B)
    client.force_login(user_in(ADMINISTRATOR, "ada"))  # not a superuser
    assert LOCKOUTS in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(LOCKOUTS).content.decode()
    assert fr("Blocked logins") in page and "claire" in page and A in page
    assert fr("every account") in page and B in page

    response = client.post(LOCKOUTS, {"ip_address": A, "username": "claire"}, follow=True)
    assert "Les connexions à claire depuis 203.0.113.1 sont débloquées." in (
        response.content.decode()
    )
    client.post(LOCKOUTS, {"ip_address": B})
    client.logout()
    assert log_in(client, "claire", PASSWORD, A).status_code == 302
    assert log_in(client, "paul", PASSWORD, B).status_code == 302


def test_an_empty_address_unlocks_nothing(client, staff, settings):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    client.force_login(user_in(ADMINISTRATOR, "ada"))
    assert client.post(LOCKOUTS, {"ip_address": ""}).status_code == 400
    client.logout()
    assert log_in(client, "claire", PASSWORD, A).status_code == 429


def test_a_writer_can_neither_see_nor_lift_a_lockout(client, staff, settings):
    fail(client, "claire", A, settings.AXES_FAILURE_LIMIT)
    client.force_login(user_in(WRITER, "rene"))
    assert LOCKOUTS not in client.get(reverse("wagtailadmin_home")).content.decode()
    refused = client.get(LOCKOUTS)  # Wagtail turns the refusal into a redirect home
    assert refused.status_code in {302, 403} and "claire" not in refused.content.decode()
    client.post(LOCKOUTS, {"ip_address": A, "username": "claire"})
    client.logout()
    assert log_in(client, "claire", PASSWORD, A).status_code == 429
