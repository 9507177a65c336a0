"""The French catalogues are complete: no empty or fuzzy entry ships, and the compiled `.mo`
matches the `.po` (an edited but uncompiled catalogue would silently show English). The
catalogue of Wagtail's words overrides only msgids Wagtail or Django still has: after an
upgrade renames one, the override would silently stop applying."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR, "gazette", "locale", "fr", "LC_MESSAGES", "django.po")
OVERRIDES = Path(settings.BASE_DIR, "gazette", "locale_wagtail", "fr", "LC_MESSAGES", "django.po")


@pytest.mark.parametrize("catalogue", [CATALOGUE, OVERRIDES], ids=["gazette", "wagtail"])
def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    entries = polib.pofile(str(catalogue))
    assert len(entries) > 20
    assert [e.msgid for e in entries.untranslated_entries()] == []
    assert [e.msgid for e in entries.fuzzy_entries()] == []


@pytest.mark.parametrize("catalogue", [CATALOGUE, OVERRIDES], ids=["gazette", "wagtail"])
def test_plural_forms_make_zero_singular(catalogue):
    """French says « 0 commentaire », not « 0 commentaires »."""
    assert "plural=(n > 1)" in polib.pofile(str(catalogue)).metadata["Plural-Forms"]


@pytest.mark.parametrize("catalogue", [CATALOGUE, OVERRIDES], ids=["gazette", "wagtail"])
def test_compiled_catalogue_matches_the_source(catalogue):
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in polib.pofile(str(catalogue)).translated_entries()
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in polib.mofile(str(catalogue.with_suffix(".mo")))
        if e.msgid
    }
    assert compiled == source


def test_overrides_are_of_msgids_wagtail_or_django_has():
    upstream = set()
    folders = [Path(app.path, "locale") for app in apps.get_app_configs()]
    folders.append(Path(apps.get_app_config("admin").path).parent.parent / "conf" / "locale")
    for folder in folders:
        for po in folder.glob("fr/LC_MESSAGES/django.po"):
            if not po.is_relative_to(Path(settings.BASE_DIR, "gazette")):
                upstream.update(entry.msgid for entry in polib.pofile(str(po)))
    assert [e.msgid for e in polib.pofile(str(OVERRIDES)) if e.msgid not in upstream] == []
