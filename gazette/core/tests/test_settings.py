"""Every environment variable the settings read is documented, and a bad value stops start-up
with a message naming it (datasette's test_docs.py taught us the first)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

README = Path(settings.BASE_DIR, "README.md").read_text()


def test_every_setting_read_from_the_environment_is_in_the_readme():
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", README, flags=re.MULTILINE))
    assert settings.ENV_NAMES, "settings.py records no variable: env() is not used"
    assert sorted(settings.ENV_NAMES - documented) == []
    assert sorted(documented - settings.ENV_NAMES) == []


@pytest.mark.system
@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GAZETTE_DEBUG", "peut-être"),
        ("GAZETTE_PAGE_SIZE", "vingt"),
        ("GAZETTE_HTTPS", "2"),
        ("GAZETTE_TRUSTED_PROXIES", "10.0.0.0/33,127.0.0.1"),
        ("GAZETTE_EMAIL_URL", "smtp://smtp.exemple.fr:587?tls=peut-être"),
        ("GAZETTE_DKIM_DOMAIN", "exemple.fr"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(name, value, tmp_path):
    env = {**os.environ, name: value, "GAZETTE_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert name in result.stderr


def test_french_and_paris_by_default():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
