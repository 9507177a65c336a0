from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


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
