"""Production settings: `check --deploy` is clean behind HTTPS, readers are sent to HTTPS,
and public pages carry their security headers and a Content-Security-Policy (the admin its
own)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from .factories import make_home, make_section

pytestmark = pytest.mark.django_db


@pytest.mark.system
def test_check_deploy_is_clean_with_the_production_settings(tmp_path):
    env = {
        **os.environ,
        "GAZETTE_HTTPS": "1",
        "GAZETTE_DEBUG": "0",
        "GAZETTE_SECRET_KEY": "prod-" + "k3y-Ex4mple-" * 6,
        "GAZETTE_ALLOWED_HOSTS": "www.exemple.fr",
        "GAZETTE_BASE_URL": "https://www.exemple.fr",
        "GAZETTE_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests, never in production
    env.pop("DATABASE_URL", None)  # an empty database: a stored site's address is not settings
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_carry_a_strict_policy_and_the_admin_its_own(client):
    make_section(make_home(), "Monde")
    response = client.get("/monde/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin and "object-src 'none'" in admin


def test_behind_https_readers_are_sent_to_https_and_kept_there(client, settings):
    make_section(make_home(), "Monde")
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    plain = client.get("/monde/")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/monde/"
    secure = client.get("/monde/", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=3600")
