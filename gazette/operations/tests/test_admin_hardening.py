import importlib
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.urls import clear_url_caches, reverse
from django.utils import timezone

import gazette.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_path(settings):
    """The URLconf reads the admin path when imported: import it again around the test."""
    original = django_settings.GAZETTE_ADMIN_PATH
    settings.GAZETTE_ADMIN_PATH = "redaction-7f3/"
    importlib.reload(gazette.urls)
    clear_url_caches()
    yield settings.GAZETTE_ADMIN_PATH
    settings.GAZETTE_ADMIN_PATH = original
    importlib.reload(gazette.urls)
    clear_url_caches()


def test_admin_path_is_configurable(client, admin_path):
    assert reverse("wagtailadmin_login") == "/redaction-7f3/login/"
    assert client.get("/redaction-7f3/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404
    assert "Disallow: /redaction-7f3/" in client.get("/robots.txt").content.decode()


def test_staff_session_ends_with_the_browser_and_expires(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    get_user_model().objects.create_user("claire", password="x", is_staff=True, is_superuser=True)
    response = client.post(reverse("wagtailadmin_login"), {"username": "claire", "password": "x"})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone with the browser
    assert cookie["httponly"]
    session = client.session
    assert session.get_expiry_date() <= timezone.now() + timedelta(hours=8)
