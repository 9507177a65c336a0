import importlib

import pytest
from django.conf import settings as django_settings
from django.urls import clear_url_caches

import gazette.urls


@pytest.fixture
def admin_path(settings):
    """The admin moved, as README « Protéger l'administration » advises. The URLconf reads
    the path when imported: import it again around the test."""
    original = django_settings.GAZETTE_ADMIN_PATH
    settings.GAZETTE_ADMIN_PATH = "redaction-7f3/"
    importlib.reload(gazette.urls)
    clear_url_caches()
    yield settings.GAZETTE_ADMIN_PATH
    settings.GAZETTE_ADMIN_PATH = original
    importlib.reload(gazette.urls)
    clear_url_caches()
