import time

import pytest

from gazette.core.typography import NBSP, NNBSP, french_spacing, french_spacing_html


def fr(expected: str) -> str:
    """Expected strings are written with "_" for U+202F and "~" for U+00A0 to stay readable."""
    return expected.replace("_", NNBSP).replace("~", NBSP)


def test_space_constants_are_the_french_ones():
    assert (NBSP, NNBSP) == ("\u00a0", "\u202f")


PLAIN_TEXT = [
    # typed spaces before ; ! ? » and after « become one narrow no-break space
    ("Vraiment ?", "Vraiment_?"),
    ("Vraiment   ?", "Vraiment_?"),
    ("Vraiment\u00a0?", "Vraiment_?"),
    ("Vraiment\u2009?", "Vraiment_?"),
    ("Vraiment \u00a0?", "Vraiment_?"),
    ("un ; deux", "un_; deux"),
    ("Stop !", "Stop_!"),
    ("« Non »", "«_Non_»"),
    ("«\u00a0Non\u00a0»", "«_Non_»"),
    # missing ones are inserted
    ("Vraiment?", "Vraiment_?"),
    ("un; deux", "un_; deux"),
    ("Stop!", "Stop_!"),
    ("Yahoo!", "Yahoo_!"),
    ("«Non»", "«_Non_»"),
    ("«Non!»", "«_Non_!_»"),
    ("(sic)!", "(sic)_!"),
    ("&amp; &#8230; &#x2026; &nbsp;", "&amp; &#8230; &#x2026; &nbsp;"),
    ("Et alors…?", "Et alors…_?"),
    # only the first mark of a cluster is spaced
    ("Quoi?!", "Quoi_?!"),
    ("Quoi ?!", "Quoi_?!"),
    ("Non!!!", "Non_!!!"),
    # nested guillemets each get their spaces
    ("« il a dit « non » hier »", "«_il a dit «_non_» hier_»"),
    ("«il a dit «non» hier»", "«_il a dit «_non_» hier_»"),
    # the colon takes a no-break space, but only in place of a typed one
    ("Note : oui", "Note~: oui"),
    ("Note\u202f: oui", "Note~: oui"),
    ("Note   : oui", "Note~: oui"),
    ("Note: oui", "Note: oui"),
    ("Il est 14:30.", "Il est 14:30."),
    ("Score final 3:2", "Score final 3:2"),
    ("Score final 3 : 2", "Score final 3~: 2"),
    # nothing to attach a space to
    ("?", "?"),
    ("", ""),
    ("!important", "!important"),
    ("(?)", "(?)"),
    ("[!]", "[!]"),
    ("«»", "«»"),
    ("Première ligne\n? seconde", "Première ligne\n? seconde"),
    ("Première ligne\n ? seconde", "Première ligne\n ? seconde"),
]

URLS = [
    ("Voir http://a.fr/?x=1", "Voir http://a.fr/?x=1"),
    ("http://a.fr/?x=1;y=2", "http://a.fr/?x=1;y=2"),
    ("Voir https://a.fr/?x=1&y=2 !", "Voir https://a.fr/?x=1&y=2_!"),
    ("Lisez www.a.fr!", "Lisez www.a.fr!"),
    ("www.a.fr/?q=l'x", "www.a.fr/?q=l'x"),
    ("Écrire à mailto:a@b.fr?subject=Oui", "Écrire à mailto:a@b.fr?subject=Oui"),
    ("(https://a.fr/?x)", "(https://a.fr/?x)"),
    ("«https://a.fr/?x»", "«_https://a.fr/?x_»"),
    ("Site : https://a.fr:8080/?x", "Site~: https://a.fr:8080/?x"),
    ("ftp://a.fr/b?c", "ftp://a.fr/b?c"),
]

THOUSANDS = [
    ("12 000 euros", "12_000 euros"),
    ("1 250 000 euros", "1_250_000 euros"),
    ("1\u00a0250\u00a0000 euros", "1_250_000 euros"),
    ("1 250,50 €", "1_250,50 €"),
    ("De 999 à 1 000", "De 999 à 1_000"),
    ("en 2025", "en 2025"),
    ("12000 ou 2025", "12000 ou 2025"),
    ("12 00", "12 00"),
    ("12 0000", "12 0000"),
    ("1234 567", "1234 567"),
    ("12  000", "12  000"),
    ("35 heures", "35 heures"),
]

APOSTROPHES = [
    ("l'État", "l’État"),
    ("aujourd'hui", "aujourd’hui"),
    ("jusqu'à l'été", "jusqu’à l’été"),
    ("'texte'", "'texte'"),
    ("5'30", "5'30"),
    ("les années '80", "les années '80"),
]

DOUBLE_QUOTES = [
    ('Il a dit "bonjour".', "Il a dit «_bonjour_»."),
    ('"Oui" et "non"', "«_Oui_» et «_non_»"),
    ('"Quoi?"', "«_Quoi_?_»"),
    ('("entre")', "(«_entre_»)"),
    ('"http://a.fr/?x"', "«_http://a.fr/?x_»"),
    # inside « », the French inner quotes
    ('« Il a dit "non" hier »', "«_Il a dit “non” hier_»"),
    ('«Il a dit "non"»', "«_Il a dit “non”_»"),
    # any quote that does not pair up leaves them all as typed
    ('Un écran de 15" et "mal"', 'Un écran de 15" et "mal"'),
    ('a"b"c', 'a"b"c'),
    ('" espace "', '" espace "'),
    ('""', '""'),
]

ALL_PLAIN_TEXT = PLAIN_TEXT + URLS + THOUSANDS + APOSTROPHES + DOUBLE_QUOTES


@pytest.mark.parametrize(("text", "expected"), PLAIN_TEXT)
def test_spacing_around_punctuation(text, expected):
    assert french_spacing(text) == fr(expected)


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_urls_are_left_intact(text, expected):
    assert french_spacing(text) == fr(expected)


@pytest.mark.parametrize(("text", "expected"), THOUSANDS)
def test_typed_thousands_groups_get_a_narrow_space(text, expected):
    assert french_spacing(text) == fr(expected)


@pytest.mark.parametrize(("text", "expected"), APOSTROPHES)
def test_apostrophe_between_letters_is_curly(text, expected):
    assert french_spacing(text) == fr(expected)


@pytest.mark.parametrize(("text", "expected"), DOUBLE_QUOTES)
def test_paired_double_quotes_become_french_quotes(text, expected):
    assert french_spacing(text) == fr(expected)


@pytest.mark.parametrize("text", [text for text, _ in ALL_PLAIN_TEXT])
def test_plain_text_spacing_is_idempotent(text):
    once = french_spacing(text)
    assert french_spacing(once) == once


HTML = [
    (
        '<a href="https://x.fr/?a=1&amp;b=2" title="Quoi ?">Quoi?</a>',
        '<a href="https://x.fr/?a=1&amp;b=2" title="Quoi ?">Quoi_?</a>',
    ),
    ("<img alt='Quoi ?' src=\"a.jpg\">Quoi ?", "<img alt='Quoi ?' src=\"a.jpg\">Quoi_?"),
    ('<a title="a > b ?">Quoi?</a>', '<a title="a > b ?">Quoi_?</a>'),
    ("<a title='Quoi ?' href=x?y>x?y</a>", "<a title='Quoi ?' href=x?y>x_?y</a>"),
    ('<a href="https://a.fr/?x=1">https://a.fr/?x=1</a>', None),
    # elements whose text is not prose
    ('<script>if (a ? b : c) { d = "x"; }</script>', None),
    (
        "<script>document.write('<p>Quoi ?</p>')</script>Quoi ?",
        "<script>document.write('<p>Quoi ?</p>')</script>Quoi_?",
    ),
    ('<style>a::before { content: "?" }</style>', None),
    ("<pre>Quoi ?</pre>", None),
    ("<PRE>Quoi ?</PRE>", None),
    ("<pre><b>Quoi ?</b> l'État</pre>", None),
    ("<code>a?b</code> <kbd>Ctrl ?</kbd> <samp>Erreur !</samp>", None),
    ("<textarea>Quoi ?</textarea>", None),
    ("<svg><text>Quoi ?</text></svg>", None),
    ("<pre>Quoi ?</pre>Quoi ?", "<pre>Quoi ?</pre>Quoi_?"),
    ("<p>Tapez <code>ls</code> ?</p>", "<p>Tapez <code>ls</code>_?</p>"),
    ("<!-- Quoi ? -->Quoi ?", "<!-- Quoi ? -->Quoi_?"),
    # text runs on across inline elements, not across blocks
    ("<p>«<em>Non</em>»</p>", "<p>«_<em>Non</em>_»</p>"),
    ("<p><strong>Attention</strong>!</p>", "<p><strong>Attention</strong>_!</p>"),
    ("<p>Quoi<!-- x -->?</p>", "<p>Quoi<!-- x -->_?</p>"),
    ('<p>"<em>texte</em>"</p>', "<p>«_<em>texte</em>_»</p>"),
    ("<p>l'<a href='/e'>État</a></p>", "<p>l’<a href='/e'>État</a></p>"),
    ("<p>Quoi<em> </em>?</p>", "<p>Quoi<em>_</em>?</p>"),
    ("<p>Quoi</p><p>?</p>", None),
    ("<p>Quoi<br>?</p>", None),
    ("<li>«</li><li>Non</li>", None),
    # character references: decoded for the rules, written back as typed unless changed
    ("Tom &amp; Jerry ?", "Tom &amp; Jerry_?"),
    ("Heure&nbsp;: 14 h", None),
    ("Heure&#160;: 14 h", None),
    ("Heure &#xa0;: 14 h", "Heure~: 14 h"),
    ("Quoi&nbsp;?", "Quoi_?"),
    ("Quoi&#8239;?", None),
    ("Et alors&#8230;?", "Et alors&#8230;_?"),
    ("l&#39;&Eacute;tat", "l’&Eacute;tat"),
    ("&laquo;Non&raquo;", "&laquo;_Non_&raquo;"),
    ("&quot;texte&quot;", "«_texte_»"),
    ("12&nbsp;000 &amp; 12 000", "12_000 &amp; 12_000"),
    ("a &NotEqualTilde; b ?", "a &NotEqualTilde; b_?"),
    ("R&D ; &unknown; ?", "R&D_; &unknown;_?"),
    ("&amp ;", "&amp_;"),
    ("a < b ?", "a < b_?"),
    # malformed markup is read as browsers read it
    ('<a "x>Quoi ?', '<a "x>Quoi_?'),
    ('<a title="Quoi ?>Quoi ?', None),
    ("Quoi ?<b Quoi ?", "Quoi_?<b Quoi ?"),
    ("Quoi ?<!-- Quoi ?", "Quoi_?<!-- Quoi ?"),
    ("Quoi ?</ Quoi ?>Quoi ?", "Quoi_?</ Quoi ?>Quoi_?"),
    ("<p>Prix : 12 000 €</p>", "<p>Prix~: 12_000 €</p>"),
]


@pytest.mark.parametrize(("html", "expected"), HTML)
def test_html_text_nodes_only_are_rewritten(html, expected):
    """None means the fragment must come back unchanged."""
    assert french_spacing_html(html) == (html if expected is None else fr(expected))


@pytest.mark.parametrize("html", [html for html, _ in HTML])
def test_html_spacing_is_idempotent(html):
    once = french_spacing_html(html)
    assert french_spacing_html(once) == once


def test_html_with_nothing_to_change_is_byte_identical():
    html = (
        "<!DOCTYPE html><?xml-stylesheet x?>\n"
        "<div class='a' data-x=\"1 000 ?\" data-y=b:c  hidden>\n"
        '  <p id="p1">Tom &amp; Jerry&nbsp;&#8239;&hellip; déjà vu.</p>\n'
        '  <img src="/a.jpg?w=10&amp;h=5" alt="«Non»">\n'
        "  <![CDATA[ Quoi ? ]]><!-- « commentaire » -->\n"
        '  <SCRIPT type="module">let a = b ? \'c\' : "d";</SCRIPT>\n'
        "</div>"
    )
    assert french_spacing_html(html) == html


def test_plain_text_function_matches_html_function_on_text():
    text = '« il a dit "non" ; l\'État paiera 12 000 euros ! » Quoi ? Note : oui'
    assert french_spacing_html(text) == french_spacing(text)


@pytest.mark.parametrize(
    "html",
    [
        '<a "' + '>x"<a "' * 20_000,
        '<a ="' + '><a ="' * 20_000,
        "<a " * 20_000,
        "< Quoi ?" * 20_000,
    ],
)
def test_malformed_markup_is_cut_in_linear_time(html):
    """Linear takes a few hundredths of a second here; a quadratic scan, minutes. Counted in
    this thread's CPU time: on a loaded machine the wall clock also counts other processes."""
    started = time.thread_time()
    french_spacing_html(html)
    assert time.thread_time() - started < 2
