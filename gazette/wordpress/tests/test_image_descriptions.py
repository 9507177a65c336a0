"""Imported photos carry WordPress's own alt text and credit, or wait in « Images à
compléter »: never an alt text made up from a caption or a file name, never shown with
`alt=""`, and a second run keeps what an editor has written since."""

import re

import pytest

from gazette.core.models import CreditedImage
from gazette.news.models import ArticlePage
from gazette.wordpress.models import WordPressItem

from .conftest import FIXTURES, SAMPLE, items, make_uploads, run_import

PHOTOS = FIXTURES / "photos.xml"
SUMMARY = "{} sans texte alternatif ou sans crédit : à compléter dans Rapports › Images à compléter"


def mapped(kind: str, wp_id: int):
    pk = WordPressItem.objects.get(kind=kind, wp_id=wp_id).object_id
    return (CreditedImage if kind == "attachment" else ArticlePage).objects.get(pk=pk)


@pytest.fixture
def uploads(tmp_path):
    return make_uploads(PHOTOS, tmp_path / "uploads")


@pytest.mark.django_db
def test_alt_text_and_credit_come_from_wordpress_or_the_image_waits(uploads, tmp_path):
    out = run_import(PHOTOS, uploads=uploads, report=tmp_path / "rapport.txt")
    described, bare = mapped("attachment", 301), mapped("attachment", 302)
    assert described.description == "Un chalutier bleu amarré le long du quai, filets relevés"
    assert described.credit == "Yann Le Goff / AFP"
    # Its caption (« La criée, à 5 heures. ») and title (« IMG_2041 ») are not alt text.
    assert (bare.description, bare.credit, bare.credit_unknown) == ("", "", False)
    assert list(CreditedImage.objects.incomplete()) == [bare]
    assert SUMMARY.format("1 image") in out.splitlines()


@pytest.mark.django_db
def test_the_article_shows_no_img_for_the_photo_without_alt_text(uploads, tmp_path, client):
    run_import(PHOTOS, uploads=uploads, report=tmp_path / "rapport.txt")
    article = mapped("post", 401)
    assert article.lead_image == mapped("attachment", 302)
    response = client.get(article.url)
    assert response.status_code == 200
    page = response.content.decode()
    tags = re.findall(r"<(?:img|source)\b[^>]*>", page)
    assert tags and not [tag for tag in tags if "IMG_2041" in tag]
    imgs = re.findall(r"<img\b[^>]*>", page)
    assert [re.search(r'alt="([^"]*)"', tag).group(1) for tag in imgs] == [
        "Un chalutier bleu amarré le long du quai, filets relevés"
    ]
    assert "La criée, à 5 heures." not in page  # its caption went with it


@pytest.mark.django_db
def test_a_second_run_keeps_what_an_editor_wrote_and_fills_only_what_is_missing(uploads, tmp_path):
    run_import(PHOTOS, uploads=uploads, report=tmp_path / "1.txt")
    bare = mapped("attachment", 302)
    bare.description = "Des caisses de poissons alignées sur le sol de la criée"
    bare.save()
    again = run_import(PHOTOS, uploads=uploads, report=tmp_path / "2.txt")
    bare.refresh_from_db()
    assert bare.description == "Des caisses de poissons alignées sur le sol de la criée"
    assert SUMMARY.format("1 image") in again.splitlines()  # its credit is still missing
    images = next(line for line in again.splitlines() if line.startswith("images"))
    assert images.split()[1:] == ["0", "0", "2"]

    # A fresh export, where someone has since described the photo in WordPress too.
    fresh = tmp_path / "fresh.xml"
    fresh.write_text(
        PHOTOS.read_text()
        .replace(
            "<wp:meta_value><![CDATA[2024/05/IMG_2041.jpg]]></wp:meta_value></wp:postmeta>",
            "<wp:meta_value><![CDATA[2024/05/IMG_2041.jpg]]></wp:meta_value></wp:postmeta>"
            "<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>"
            "<wp:meta_value><![CDATA[La criée]]></wp:meta_value></wp:postmeta>",
        )
        .replace('s:6:"credit";s:0:""', 's:6:"credit";s:11:"Anne Martin"')
    )
    third = run_import(fresh, uploads=uploads, report=tmp_path / "3.txt")
    bare.refresh_from_db()
    assert bare.description == "Des caisses de poissons alignées sur le sol de la criée"
    assert bare.credit == "Anne Martin"  # Gazette had none: taken from WordPress
    assert not CreditedImage.objects.incomplete().exists()
    assert "à compléter dans Rapports" not in third
    images = next(line for line in third.splitlines() if line.startswith("images"))
    assert images.split()[1:] == ["0", "1", "1"]
    assert (
        "texte alternatif modifié dans Gazette, gardé tel quel" in (tmp_path / "3.txt").read_text()
    )


@pytest.mark.django_db
def test_the_real_export_gives_each_image_its_wordpress_alt_text(tmp_path):
    uploads = make_uploads(SAMPLE, tmp_path / "uploads")
    out = run_import(SAMPLE, uploads=uploads, report=tmp_path / "rapport.txt")
    attachments = items(SAMPLE, "attachment")
    for attachment in attachments:
        image = mapped("attachment", attachment.wp_id)
        assert image.description == attachment.meta["_wp_attachment_image_alt"]
        assert image.credit == ""  # WordPress kept none: listed, not « crédit inconnu »
    assert CreditedImage.objects.incomplete().count() == len(attachments) == 9
    assert SUMMARY.format("9 images") in out.splitlines()


@pytest.mark.django_db
def test_alt_text_an_earlier_import_made_up_is_named_in_the_report_once(uploads, tmp_path):
    """Imports before this one wrote the caption as alt text, with an empty ledger checksum."""
    run_import(PHOTOS, uploads=uploads, report=tmp_path / "1.txt")
    bare = mapped("attachment", 302)
    bare.description = "La criée, à 5 heures."
    bare.save()
    WordPressItem.objects.filter(kind="attachment").update(checksum="")
    run_import(PHOTOS, uploads=uploads, report=tmp_path / "2.txt")
    run_import(PHOTOS, uploads=uploads, report=tmp_path / "3.txt")
    bare.refresh_from_db()
    assert bare.description == "La criée, à 5 heures."  # left as it is, shown to someone
    warning = "texte alternatif repris de la légende ou du titre par un import précédent"
    assert [line for line in (tmp_path / "2.txt").read_text().splitlines() if warning in line]
    assert warning not in (tmp_path / "3.txt").read_text()
    assert mapped("attachment", 301).description.startswith("Un chalutier")
