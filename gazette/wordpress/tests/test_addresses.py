"""WordPress's accented slugs become ASCII ones; the old permalink answers with a 301."""

from gazette.wordpress.items import clean_slug


def test_percent_encoded_slugs_become_ascii():
    assert clean_slug("%c3%a0-gen%c3%a8ve-l%e2%80%99%c5%93il") == "a-geneve-loeil"
    assert clean_slug("%c3%a9conomie") == "economie"
