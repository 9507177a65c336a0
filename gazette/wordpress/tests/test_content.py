"""WordPress HTML, classic or block editor, to StreamField blocks: one row per construct."""

import pytest

from gazette.wordpress.content import PAGE_BLOCKS, convert, plain_text
from gazette.wordpress.shortcodes import expand_shortcodes


def no_image(attachment, src):
    return None


def image_7(attachment, src):
    return (70, "Légende de la médiathèque") if attachment == 7 or "photo" in src else None


def blocks(html, find_image=no_image, **options):
    return [(b["type"], b["value"]) for b in convert(html, find_image=find_image, **options).blocks]


CASES = [
    (
        "gutenberg paragraph",
        "<!-- wp:paragraph -->\n<p>Un <strong>mot</strong> et un <em>autre</em>.</p>\n"
        "<!-- /wp:paragraph -->",
        [("paragraph", "<p>Un <b>mot</b> et un <i>autre</i>.</p>")],
    ),
    (
        "gutenberg heading",
        '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Le point</h3>\n'
        "<!-- /wp:heading -->",
        [("intertitle", "Le point")],
    ),
    (
        "gutenberg list",
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Un</li>\n<!-- /wp:list-item -->"
        "<!-- wp:list-item -->\n<li>Deux</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->",
        [("paragraph", "<ul>\n<li>Un</li>\n<li>Deux</li>\n</ul>")],
    ),
    (
        "gutenberg pullquote",
        '<figure class="wp-block-pullquote"><blockquote><p>Rien ne presse.</p>'
        "<cite>La maire</cite></blockquote></figure>",
        [("quote", {"text": "Rien ne presse.", "source": "La maire"})],
    ),
    (
        "gutenberg youtube embed",
        '<!-- wp:embed {"url":"https://youtu.be/abc","type":"video"} -->\n'
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
        "https://youtu.be/abc\n</div><figcaption>La vidéo</figcaption></figure>\n"
        "<!-- /wp:embed -->",
        [("embed", {"url": "https://youtu.be/abc", "title": "", "caption": "La vidéo"})],
    ),
    (
        "classic paragraphs",
        "Premier paragraphe,\nsur deux lignes.\n\nSecond paragraphe.",
        [
            ("paragraph", "<p>Premier paragraphe,<br/>\nsur deux lignes.</p>"),
            ("paragraph", "<p>Second paragraphe.</p>"),
        ],
    ),
    (
        "french entities",
        "L&rsquo;&eacute;t&eacute; &laquo;&nbsp;br&ucirc;lant&nbsp;&raquo; &amp; sec",
        [("paragraph", "<p>L’été «&nbsp;brûlant&nbsp;» &amp; sec</p>")],
    ),
    (
        "youtube iframe",
        '<iframe src="https://www.youtube.com/embed/xyz" width="560"></iframe>',
        [("embed", {"url": "https://www.youtube.com/watch?v=xyz", "title": "", "caption": ""})],
    ),
    (
        "tweet blockquote",
        '<blockquote class="twitter-tweet"><p>Bonjour</p>&mdash; Mairie '
        '<a href="https://twitter.com/mairie/status/42">1 mars</a></blockquote>',
        [("embed", {"url": "https://twitter.com/mairie/status/42", "title": "", "caption": ""})],
    ),
    (
        "unknown iframe kept as a link",
        '<iframe src="https://cartes.exemple.org/carte"></iframe>',
        [
            (
                "paragraph",
                '<p><a href="https://cartes.exemple.org/carte">https://cartes.exemple.org/carte</a></p>',
            )
        ],
    ),
    (
        "gallery shortcode",
        '[gallery ids="7,8"]',
        [
            ("image", {"image": 70, "caption": "Légende de la médiathèque"}),
        ],
    ),
    (
        "image inside a paragraph with text",
        '<p>Avant <img src="https://ancien.exemple.fr/photo-300x200.jpg" alt="x"> après</p>',
        [
            ("paragraph", "<p>Avant  après</p>"),
            ("image", {"image": 70, "caption": "Légende de la médiathèque"}),
        ],
    ),
    ("separator and empty paragraph", "<!-- wp:separator /-->\n<p>&nbsp;</p>", []),
]


@pytest.mark.parametrize(("name", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conversion(name, html, expected):
    assert blocks(html, find_image=image_7) == expected


def test_a_missing_gallery_image_is_reported():
    result = convert('[gallery ids="8"]', find_image=no_image)
    assert result.blocks == []
    assert result.warnings == ["image introuvable dans l'import, gardée en lien : pièce jointe 8"]


def test_simple_pages_turn_quotes_and_embeds_into_paragraphs():
    html = "<blockquote><p>Une devise.</p><cite>Nous</cite></blockquote>\n\nhttps://youtu.be/abc"
    assert blocks(html, allowed=PAGE_BLOCKS) == [
        ("paragraph", "<p><i>« Une devise. »</i> — Nous</p>"),
        ("paragraph", '<p><a href="https://youtu.be/abc">https://youtu.be/abc</a></p>'),
    ]


def test_block_ids_are_stable_between_runs():
    html = "Un.\n\nDeux."
    first = convert(html, find_image=no_image, seed="site/12").blocks
    assert first == convert(html, find_image=no_image, seed="site/12").blocks
    assert first != convert(html, find_image=no_image, seed="site/13").blocks


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("[sic] et […] ne sont pas des shortcodes", []),
        ('[contact-form-7 id="3"]', ["contact-form-7"]),
        ("[note]Une note[/note]", ["note"]),
        ("[embed]https://vimeo.com/1[/embed]", []),
    ],
)
def test_unknown_shortcodes_are_named(text, unknown):
    assert expand_shortcodes(text).unknown == unknown


def test_plain_text_strips_markup_and_keeps_french_spaces():
    assert plain_text("<p>Oui&nbsp;!</p><p>Non <b>merci</b></p>") == "Oui\u00a0!\nNon merci"


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Bravo  >  merci\n\n\n\n\tLucie ", "Bravo > merci\n\nLucie"),  # no markup: kept
        ("Deux\r\nlignes\x00", "Deux\nlignes"),  # control characters: the sanitiser's way
        ("a &lt; b", "a < b"),
    ],
)
def test_plain_text_of_text_without_markup(text, plain):
    assert plain_text(text) == plain


@pytest.mark.parametrize(
    "html",
    [
        '<p><img src="javascript:alert(1)" alt="Piège"></p>',
        '<img src=" JaVa&#10;Script:alert(1)" alt="Piège">',
        '<figure><img src="data:text/html;base64,PHNjcmlwdD4=" alt="Piège"></figure>',
        '<figure class="wp-caption"><img src="vbscript:msgbox(1)"><figcaption>Piège'
        "</figcaption></figure>",
        '<iframe src="javascript:alert(1)"></iframe>',
        '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    ],
)
def test_links_kept_for_what_was_not_imported_are_http_https_or_mailto_only(html):
    """Like the body's sanitiser: a missing image or an unknown iframe stays visible, as a
    link only when its address is one a reader may follow."""
    result = convert(html, find_image=no_image)
    assert result.blocks and result.warnings
    for block in result.blocks:
        assert "href" not in block["value"] and "<a" not in block["value"], block["value"]


@pytest.mark.parametrize(
    ("src", "link"),
    [
        ("https://exemple.fr/photo.jpg", '<a href="https://exemple.fr/photo.jpg">'),
        ("http://exemple.fr/a.png", '<a href="http://exemple.fr/a.png">'),
        ("/wp-content/uploads/a.jpg", '<a href="/wp-content/uploads/a.jpg">'),
    ],
)
def test_a_missing_image_at_a_web_address_stays_a_link(src, link):
    [(kind, value)] = blocks(f'<img src="{src}" alt="Le port">')
    assert kind == "paragraph" and value == f"<p>{link}Le port</a></p>"
