"""WordPress's accented slugs become ASCII ones; the old permalink answers with a 301."""

from urllib.parse import quote, unquote

import pytest

from gazette.news.models import ArticlePage, SectionPage
from gazette.wordpress.items import clean_slug
from gazette.wordpress.models import WordPressItem

from .conftest import EDGE_CASES, run_import


def test_percent_encoded_slugs_become_ascii():
    assert clean_slug("%c3%a0-gen%c3%a8ve-l%e2%80%99%c5%93il") == "a-geneve-loeil"
    assert clean_slug("%c3%a9conomie") == "economie"


@pytest.mark.django_db
def test_an_accented_wordpress_permalink_redirects_to_the_ascii_address(client, tmp_path):
    accented = "%c3%a0-gen%c3%a8ve-l%e2%80%99%c5%93il"
    export = tmp_path / "accents.xml"
    export.write_text(
        EDGE_CASES.read_text()
        .replace(
            "<wp:post_name><![CDATA[fete-des-ecluses]]>", f"<wp:post_name><![CDATA[{accented}]]>"
        )
        .replace(
            "<link>http://ancien.exemple.fr/2024/03/02/fete-des-ecluses/</link>",
            f"<link>http://ancien.exemple.fr/2024/03/02/{accented}/</link>",
        )
    )
    run_import(export, report=tmp_path / "rapport.txt")
    article = ArticlePage.objects.get(
        pk=WordPressItem.objects.get(kind="post", wp_id=201).object_id
    )
    assert article.slug == "a-geneve-loeil"
    for old, new in [
        (f"/2024/03/02/{quote(unquote(accented))}/", article.url),  # as a browser asks
        ("/category/%C3%A9conomie/", SectionPage.objects.get(slug="economie").url),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
