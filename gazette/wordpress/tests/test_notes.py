"""Rectificatifs and updates written into WordPress posts become notes of the article: out of
the body, dated, public only on a public article, shown on the page and on /rectificatifs/;
a paragraph with an impossible date stays in the text and is reported; run again, nothing
moves, and a note changed in WordPress is updated in place."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from gazette.core.typography import NBSP, NNBSP
from gazette.news.corrections import ArticleNote
from gazette.news.models import ArticlePage
from gazette.wordpress.models import WordPressItem

from .conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db
NOTES = FIXTURES / "rectificatifs.xml"
PARIS = ZoneInfo("Europe/Paris")
CORRECTION, UPDATE = ArticleNote.Kind.CORRECTION, ArticleNote.Kind.UPDATE
COL_CORRECTION = (
    "nous avions écrit que les travaux avaient coûté 4 millions d’euros ; ils en ont coûté 2,4."
)


def article_for(wp_id: int) -> ArticlePage:
    row = WordPressItem.objects.get(kind="post", wp_id=wp_id)
    return ArticlePage.objects.get(pk=row.object_id)


def notes_of(article: ArticlePage) -> list[tuple]:
    return list(
        article.notes.order_by("pk").values_list("kind", "text", "live", "first_published_at")
    )


def body_text(article: ArticlePage) -> str:
    return " ".join(str(block.value) for block in article.body)


def text_of(html: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    return text.replace(NBSP, " ").replace(NNBSP, " ").replace("&#x27;", "'")


def row(output: str, label: str) -> list[str]:
    return next(line for line in output.splitlines() if line.startswith(label)).split()[1:]


@pytest.fixture
def imported(tmp_path):
    return run_import(NOTES, report=tmp_path / "rapport.txt"), tmp_path / "rapport.txt"


def test_note_paragraphs_become_dated_notes_and_leave_the_body(imported):
    output, report = imported
    col = article_for(401)
    assert notes_of(col) == [
        (CORRECTION, COL_CORRECTION, True, dt.datetime(2024, 3, 5, 9, 15, tzinfo=PARIS)),
        (
            UPDATE,
            "la préfecture a levé la limitation de tonnage pour les poids lourds.",
            True,
            dt.datetime(2024, 3, 6, 18, 0, tzinfo=PARIS),
        ),
    ]
    body = body_text(col)
    assert "Rectificatif" not in body and "Mise à jour" not in body
    assert "La route départementale a rouvert lundi matin" in body
    assert "Correction des virages : la chaussée" in body  # prose, not a note
    assert col.standfirst.startswith("La route départementale")
    assert col.updated_at == dt.datetime(2024, 3, 6, 18, 0, tzinfo=PARIS)
    assert "4 rectificatifs et mises à jour reconnus" in output
    assert row(output, "notes") == ["4", "0", "0"]


def test_an_undated_note_takes_the_publication_and_an_impossible_date_stays_in_the_text(
    imported,
):
    _, report = imported
    mediatheque = article_for(402)
    published = dt.datetime(2024, 3, 11, 16, 30, tzinfo=dt.UTC)
    assert notes_of(mediatheque) == [
        (
            CORRECTION,
            "la médiathèque rouvrira le 2 avril, et non le 2 mai comme nous l'indiquions.",
            True,
            published,
        )
    ]
    assert mediatheque.first_published_at == mediatheque.updated_at == published
    assert not mediatheque.was_updated  # no date known after the publication: no « Mis à jour »
    body = body_text(mediatheque)
    assert "Rectificatif" not in body
    assert "Mise à jour du 31 février 2024 :" in body
    assert (
        "ligne 61, post 402 « La médiathèque de Mens ferme pour un mois » : mise à jour "
        "« les horaires d'été seront affichés à l'entrée. » : date illisible "
        "(« 31 février 2024 »), paragraphe laissé dans le texte"
    ) in report.read_text().splitlines()


def test_a_draft_keeps_its_note_as_an_undated_draft(imported):
    draft = article_for(403)
    assert not draft.live
    assert notes_of(draft) == [
        (CORRECTION, "l'inauguration aura lieu le vendredi, non le samedi.", False, None)
    ]
    assert draft.updated_at is None
    assert "Rectificatif" not in body_text(draft)


def test_the_article_page_and_the_corrections_page_show_the_rectificatif(imported, client):
    page = text_of(client.get(article_for(401).url).content.decode())
    assert "Rectificatif, le 5 mars 2024 à 9 h 15 : " + COL_CORRECTION in page
    assert "Mis à jour le 6 mars 2024 à 18 h 00" in page
    listing = text_of(client.get("/rectificatifs/").content.decode())
    assert "Le col de la Croix-Haute rouvre après trois semaines de travaux" in listing
    assert COL_CORRECTION in listing
    assert "la médiathèque rouvrira le 2 avril" in listing
    assert "inauguration" not in listing  # a draft's note is nowhere public
    assert "poids lourds" not in listing  # updates are not corrections


def test_an_imported_note_opens_in_the_admin(imported, admin_client):
    note = article_for(401).notes.order_by("pk").first()
    assert admin_client.get(f"/admin/snippets/news/articlenote/edit/{note.pk}/").status_code == 200


def test_running_again_changes_nothing(imported, tmp_path):
    before = list(ArticleNote.objects.order_by("pk").values())
    updated_at = article_for(401).updated_at
    output = run_import(NOTES, report=tmp_path / "2.txt")
    assert list(ArticleNote.objects.order_by("pk").values()) == before
    assert article_for(401).updated_at == updated_at
    assert row(output, "articles") == ["0", "0", "3"]
    assert "4 rectificatifs et mises à jour reconnus" in output


def test_a_note_changed_in_wordpress_is_updated_in_place(imported, tmp_path):
    first = article_for(401).notes.order_by("pk").first()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        NOTES.read_text()
        .replace("le 5 mars 2024 à 9 h 15", "le 5 mars 2024 à 11 h 40")
        .replace("ils en ont coûté 2,4.", "ils en ont coûté 2,6.")
        .replace(  # published in WordPress since: its note too
            "<wp:status><![CDATA[draft]]></wp:status>", "<wp:status><![CDATA[publish]]></wp:status>"
        )
    )
    output = run_import(changed, report=tmp_path / "2.txt")
    assert ArticleNote.objects.count() == 4
    first.refresh_from_db()
    assert (first.text, first.first_published_at, first.amended_at) == (
        COL_CORRECTION.replace("2,4", "2,6"),
        dt.datetime(2024, 3, 5, 11, 40, tzinfo=PARIS),
        None,  # as in WordPress, which dates no amendment
    )
    draft_note = article_for(403).notes.get()
    assert draft_note.live
    assert draft_note.first_published_at == article_for(403).first_published_at
    assert row(output, "articles") == ["0", "2", "1"]
    assert row(output, "notes") == ["0", "2", "1"]


def test_dry_run_reports_the_notes_and_writes_none(tmp_path):
    output = run_import(NOTES, report=tmp_path / "rapport.txt", dry_run=True)
    assert "4 rectificatifs et mises à jour reconnus" in output
    assert row(output, "notes") == ["4", "0", "0"]
    assert not ArticleNote.objects.exists()
    assert "date illisible" in (tmp_path / "rapport.txt").read_text()


def test_a_note_changed_in_gazette_since_is_left_alone_and_reported(imported, tmp_path):
    note = article_for(401).notes.order_by("pk").first()
    latest = note.get_latest_revision_as_object()
    latest.text, latest.reason = COL_CORRECTION.replace(" ; ", " : "), "Ponctuation."
    latest.save_revision().publish()
    changed = tmp_path / "changed.xml"
    changed.write_text(NOTES.read_text().replace("ils en ont coûté 2,4.", "ils en ont coûté 2,6."))
    run_import(changed, report=tmp_path / "2.txt")
    note.refresh_from_db()
    assert note.text == COL_CORRECTION.replace(" ; ", " : ")
    assert ArticleNote.objects.count() == 4
    assert (
        "la note qu'elle remplacerait a été modifiée dans Gazette"
        in (tmp_path / "2.txt").read_text()
    )


def test_a_note_gone_from_wordpress_stays_and_is_reported(imported, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(
        NOTES.read_text().replace(
            "\nRectificatif : la médiathèque rouvrira le 2 avril, et non le 2 mai comme nous "
            "l'indiquions.\n",
            "",
        )
    )
    run_import(changed, report=tmp_path / "2.txt")
    assert article_for(402).notes.get().live
    assert (
        "ligne 61, post 402 « La médiathèque de Mens ferme pour un mois » : 1 note(s) "
        "absente(s) du texte WordPress, gardée(s)"
    ) in (tmp_path / "2.txt").read_text().splitlines()
