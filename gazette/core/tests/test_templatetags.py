from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText


def render(source: str, **context) -> str:
    return engines["django"].from_string("{% load core %}" + source).render(context)


def fr(expected: str) -> str:
    """Expected strings are written with "_" for U+202F and "~" for U+00A0 to stay readable."""
    return expected.replace("_", "\u202f").replace("~", "\u00a0")


PLAIN_TEXT = [
    ("<script>alert('x')</script> ?", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;_?"),
    ("Tom & Jerry ?", "Tom &amp; Jerry_?"),
    ("l'État paiera", "l’État paiera"),
    ('Il a dit "non"', "Il a dit «_non_»"),
    ('Un écran de 15"', "Un écran de 15&quot;"),
    # spacing before escaping: the ";" of "&lt;" is no semicolon of the text
    ("a <b>; c", "a &lt;b&gt;_; c"),
    ("12 000 < 13 000 ?", "12_000 &lt; 13_000_?"),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN_TEXT)
def test_french_filter_escapes_plain_text(text, expected):
    assert render("{{ text|french }}", text=text) == fr(expected)


def test_french_filter_keeps_safe_html_as_html():
    html = mark_safe('<b title="Quoi ?">Quoi</b>?')
    assert render("{{ html|french }}", html=html) == fr('<b title="Quoi ?">Quoi</b>_?')


def test_french_filter_does_not_escape_with_autoescape_off():
    source = "{% autoescape off %}{{ text|french }}{% endautoescape %}"
    assert render(source, text="<b>Quoi</b>?") == fr("<b>Quoi</b>_?")


RICH_TEXT = [
    (
        mark_safe('<a href="https://x.fr/?a=1&amp;b=2" title="Quoi ?">Quoi?</a>'),
        '<a href="https://x.fr/?a=1&amp;b=2" title="Quoi ?">Quoi_?</a>',
    ),
    (mark_safe("<p>Heure&nbsp;: <code>a?b</code></p>"), "<p>Heure&nbsp;: <code>a?b</code></p>"),
    (RichText("<p>«Non», dit-il.</p>"), "<p>«_Non_», dit-il.</p>"),
    # not marked safe: escaped first, like {{ value }} would be
    ("<script>x()</script>?", "&lt;script&gt;x()&lt;/script&gt;_?"),
]


@pytest.mark.parametrize(("html", "expected"), RICH_TEXT)
def test_french_html_filter_rewrites_text_of_safe_html(html, expected):
    assert render("{{ html|french_html }}", html=html) == fr(expected)


SUMMER = datetime(2025, 7, 8, 12, 30, tzinfo=UTC)

DATE_FILTERS = [
    ("{{ value|long_datetime }}", SUMMER, "le~8~juillet 2025 à~14~h~30"),
    ("{{ value|long_date }}", SUMMER, "le~8~juillet 2025"),
    ("{{ value|short_date }}", SUMMER, "8~juil. 2025"),
    ("{{ value|iso_datetime }}", SUMMER, "2025-07-08T14:30:00+02:00"),
    (
        "{% published_time value %}",
        SUMMER,
        '<time datetime="2025-07-08T14:30:00+02:00">le~8~juillet 2025 à~14~h~30</time>',
    ),
    (
        "{% published_time value %}",
        datetime(2025, 1, 1, 8, 5, tzinfo=UTC),
        '<time datetime="2025-01-01T09:05:00+01:00">le~1er~janvier 2025 à~9~h~05</time>',
    ),
    ("{{ value|long_datetime }}", None, ""),
    ("{{ value|long_date }}", None, ""),
    ("{{ value|short_date }}", None, ""),
    ("{{ value|iso_datetime }}", None, ""),
    ("{% published_time value %}", None, ""),
]


@pytest.mark.parametrize(("source", "value", "expected"), DATE_FILTERS)
def test_date_filters(source, value, expected):
    assert render(source, value=value) == fr(expected)


LOCALIZED = [
    ("{{ value }}", 1234567, "1_234_567"),
    ("{{ value }}", 1234.5, "1_234,5"),
    ("{{ value }}", Decimal("12000.25"), "12_000,25"),
    # an int year is a number too: years go through |date, |unlocalize or stay strings
    ("{{ value }}", 2025, "2_025"),
    ("{% load l10n %}{{ value|unlocalize }}", 1234567, "1234567"),
    ("{{ value|floatformat:2 }}", 1234.5, "1_234,50"),
    ("{{ value|date }}", SUMMER, "8~juillet 2025"),
    ("{{ value|time }}", SUMMER, "14~h~30"),
    ("{{ value }}", SUMMER, "8~juillet 2025 à~14~h~30"),
]


@pytest.mark.parametrize(("source", "value", "expected"), LOCALIZED)
def test_french_formats_group_thousands_with_a_narrow_space(source, value, expected):
    assert render(source, value=value) == fr(expected)
