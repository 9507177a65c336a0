"""The correction conventions of WordPress newsrooms, found in a post's HTML: which paragraphs
are notes, of which kind, dated how, and what the body keeps."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gazette.news.corrections import ArticleNote
from gazette.news.note_conventions import find_notes

PARIS = ZoneInfo("Europe/Paris")
PUBLISHED = dt.datetime(2026, 12, 3, 18, 0, tzinfo=PARIS)
CORRECTION, UPDATE = ArticleNote.Kind.CORRECTION, ArticleNote.Kind.UPDATE


def paris(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("paragraph", "kind", "text", "when"),
    [
        ("<strong>Rectificatif :</strong> une erreur.", CORRECTION, "une erreur.", None),
        ("Correction – le nom était faux.", CORRECTION, "le nom était faux.", None),
        ("<em>Mise à jour, le 4 décembre 2026 à 9 h 12 :</em> le bilan.", UPDATE, "le bilan.",
         paris(2026, 12, 4, 9, 12)),
        ("Rectificatif (5/12/2026) : nom.", CORRECTION, "nom.", paris(2026, 12, 5, 12, 0)),
        ("Rectificatif, 2026-12-05 à 10h05 : iso.", CORRECTION, "iso.", paris(2026, 12, 5, 10, 5)),
        ("MISE A JOUR — sans accent.", UPDATE, "sans accent.", None),
        ("Mise à jour 20:30 : le soir même.", UPDATE, "le soir même.", paris(2026, 12, 3, 20, 30)),
        ("Mise à jour 8h : le lendemain.", UPDATE, "le lendemain.", paris(2026, 12, 4, 8, 0)),
        ("Rectificatif du 1er janvier : an neuf.", CORRECTION, "an neuf.", paris(2027, 1, 1, 12)),
        ("Correction du 2 décembre 2026 : avant.", CORRECTION, "avant.", PUBLISHED),
        ("Mise à jour&nbsp;: entités.", UPDATE, "entités.", None),
    ],
)  # fmt: skip
def test_a_note_paragraph_is_found_typed_and_dated(paragraph, kind, text, when):
    notes, body = find_notes(
        f"<p>Premier.</p>\n<p>{paragraph}</p>\n<p>Fin.</p>", published=PUBLISHED
    )
    [note] = notes
    assert (note.kind, note.text, note.published_at) == (kind, text, when)
    assert body == "<p>Premier.</p>\n\n<p>Fin.</p>"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Correction des copies : les enseignants protestent.",
        "Corrections : trois fautes.",
        "La mise à jour : un logiciel.",
        "Rectificatif",
        "Mise à jour du logiciel de vote : les experts sont partagés.",
    ],
)
def test_prose_that_starts_with_the_word_stays(paragraph):
    html = f"<p>{paragraph}</p>"
    assert find_notes(html, published=PUBLISHED) == ([], html)


def test_a_body_without_notes_comes_back_untouched():
    html = "\n<pre>un\n\n\n\ndeux</pre>\n\n\n<p>Fin.</p>\n"
    assert find_notes(html, published=PUBLISHED) == ([], html)


def test_block_editor_comments_go_with_their_paragraph():
    html = (
        "<!-- wp:paragraph --><p>Texte.</p><!-- /wp:paragraph -->\n\n"
        '<!-- wp:paragraph {"className":"note"} -->\n<p class="note">Rectificatif : le '
        "chiffre est 3,5 %.</p>\n<!-- /wp:paragraph -->"
    )
    notes, body = find_notes(html)
    assert [n.text for n in notes] == ["le chiffre est 3,5 %."]
    assert body == "<!-- wp:paragraph --><p>Texte.</p><!-- /wp:paragraph -->"


def test_classic_editor_paragraphs_are_read_between_blank_lines():
    html = "Premier paragraphe.\n\n<em>Rectificatif : une ligne\npuis la suite.</em>\n\nFin."
    notes, body = find_notes(html)
    assert [(n.kind, n.text) for n in notes] == [(CORRECTION, "une ligne puis la suite.")]
    assert body == "Premier paragraphe.\n\nFin."


@pytest.mark.parametrize(
    ("paragraph", "written"),
    [
        ("Correction du 31 février 2026 : impossible.", "31 février 2026"),
        ("<b>Mise à jour le 12/13/2026 à 9 h :</b> treizième mois.", "12/13/2026 à 9 h"),
        ("Mise à jour 25 h 10 : trop tard.", "25 h 10"),
    ],
)
def test_a_date_that_cannot_be_leaves_the_paragraph_in_the_body(paragraph, written):
    html = f"<p>Premier.</p>\n<p>{paragraph}</p>"
    [note], body = find_notes(html, published=PUBLISHED)
    assert (note.unreadable_date, note.published_at) == (written, None)
    assert body == html


def test_several_notes_in_order_and_without_a_publication_date():
    html = "<p>Mise à jour le 4 juin : a.</p><p>Texte.</p><p>Rectificatif : b.</p>"
    notes, body = find_notes(html)
    assert [(n.kind, n.text, n.published_at) for n in notes] == [
        (UPDATE, "a.", None),  # a date without a year needs the publication's
        (CORRECTION, "b.", None),
    ]
    assert body == "<p>Texte.</p>"
