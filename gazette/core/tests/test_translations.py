"""The French catalogue is complete: no empty or fuzzy entry ships, and the compiled `.mo`
matches the `.po` (an edited but uncompiled catalogue would silently show English)."""

from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR, "gazette", "locale", "fr", "LC_MESSAGES", "django.po")


def test_every_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 20
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_plural_forms_make_zero_singular():
    """French says « 0 commentaire », not « 0 commentaires »."""
    assert "plural=(n > 1)" in polib.pofile(str(CATALOGUE)).metadata["Plural-Forms"]


def test_compiled_catalogue_matches_the_source():
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in polib.pofile(str(CATALOGUE)).translated_entries()
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in polib.mofile(str(CATALOGUE.with_suffix(".mo")))
        if e.msgid
    }
    assert compiled == source
