"""Malformed, foreign and hostile files stop the import with their line and write nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from gazette.wordpress.models import WordPressItem

from .conftest import SAMPLE

HEADER = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"'
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
    "<wp:wxr_version>1.2</wp:wxr_version>\n"
)
ITEM = (
    "<item><title>Un titre</title><wp:post_id>5</wp:post_id>"
    "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>\n"
)


def truncated_sample() -> str:
    text = SAMPLE.read_text()
    return text[: text.index("<wp:comment>", 40_000) + 40]


CASES = [
    # name, file content, words the error must contain
    ("cut short", truncated_sample(), ["ligne", "XML mal formé"]),
    (
        "mismatched tag",
        HEADER + "<item><title>Titre</item>\n</channel></rss>",
        ["ligne 5", "<title>", "mismatch"],
    ),
    (
        "undefined entity",
        HEADER + "<item><title>Caf&eacute;</title></item></channel></rss>",
        ["ligne 5", "eacute"],
    ),
    ("empty file", "", ["XML mal formé"]),
    (
        "an HTML page",
        "<html><head><title>Accueil</title></head><body></body></html>",
        ["ligne 1", "pas un export WordPress", "<html>"],
    ),
    (
        "a plain RSS feed",
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Flux</title>\n'
        "<item><title>Un billet</title></item></channel></rss>",
        ["ligne 3", "<wp:wxr_version> manque"],
    ),
    (
        "billion laughs",
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "rire">\n'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">\n'
        "]>\n" + HEADER.split("\n", 1)[1] + "<title>&c;</title></channel></rss>",
        ["ligne 2", "DOCTYPE", "refusé"],
    ),
    (
        "external entity (XXE)",
        '<?xml version="1.0"?>\n<!-- un commentaire -->\n'
        '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        + HEADER.split("\n", 1)[1]
        + "<item><title>&secret;</title></item></channel></rss>",
        ["ligne 3", "DOCTYPE", "XXE"],
    ),
    (
        "external DTD",
        '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/dtd">\n'
        + HEADER.split("\n", 1)[1]
        + "</channel></rss>",
        ["DOCTYPE"],
    ),
    (
        "post without id",
        HEADER + "<item><title>Sans numéro</title></item></channel></rss>",
        ["ligne 5", "<item> sans <wp:post_id>"],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_stops_with_its_line_and_writes_nothing(tmp_path, name, content, words):
    path = tmp_path / "export.xml"
    path.write_text(content)
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", str(path), stdout=StringIO())
    message = str(error.value)
    for word in words:
        assert word in message
    assert "rien n'a été importé" in message
    assert "root:" not in message  # no file content leaks into the message
    assert Page.objects.count() == pages
    assert not WordPressItem.objects.exists()


@pytest.mark.django_db
def test_missing_file_and_missing_uploads_folder(tmp_path):
    with pytest.raises(CommandError, match="fichier introuvable"):
        call_command("import_wordpress", str(tmp_path / "absent.xml"))
    with pytest.raises(CommandError, match="dossier introuvable"):
        call_command("import_wordpress", str(SAMPLE), uploads=tmp_path / "absent")


@pytest.mark.django_db
def test_dry_run_reads_everything_and_writes_nothing(tmp_path):
    out = StringIO()
    call_command(
        "import_wordpress", str(SAMPLE), dry_run=True, report=tmp_path / "r.txt", stdout=out
    )
    assert "articles             20" in out.getvalue()
    assert "--dry-run" in out.getvalue()
    assert not WordPressItem.objects.exists()
    assert not Page.objects.filter(depth__gt=2).exists()


@pytest.mark.django_db
def test_a_huge_post_imports_whole(tmp_path):
    paragraph = "<p>" + "Le canal déborde après trois jours de pluie. " * 40 + "</p>\n"
    body = paragraph * 2_000  # about 3.6 MB
    path = tmp_path / "huge.xml"
    path.write_text(
        HEADER
        + "<item><title>Très long</title><wp:post_id>9</wp:post_id>"
        + "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        + f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>"
    )
    assert path.stat().st_size > 3_000_000
    call_command("import_wordpress", str(path), report=tmp_path / "r.txt", stdout=StringIO())
    from gazette.news.models import ArticlePage

    assert len(ArticlePage.objects.get().body) == 2_000


@pytest.mark.django_db
def test_a_post_twice_in_the_export_is_imported_once(tmp_path):
    from gazette.news.models import ArticlePage

    path = tmp_path / "twice.xml"
    item = ITEM.replace("<wp:status>", "<wp:post_name>deux-fois</wp:post_name><wp:status>")
    path.write_text(HEADER + item + item + "</channel></rss>")
    report = tmp_path / "r.txt"
    call_command("import_wordpress", str(path), report=report, stdout=StringIO())
    assert ArticlePage.objects.count() == 1
    assert "déjà lu plus haut" in report.read_text()
