"""French typography applied when a page is rendered, to plain text or to the text of HTML.

Editors type on ordinary keyboards, and imported articles carry whatever their old CMS stored,
so the spaces French wants around punctuation are fixed here, at render time, never in the
database: a rule that changes shows on every article at once, and the stored text stays what
the editor typed.

Every rule rewrites only what it is sure about and leaves the rest as typed, and each rule's
output satisfies that same rule, so running the whole twice gives the result of running it once.
"""

import re
from collections.abc import Iterator
from html import unescape

NBSP = "\u00a0"
NNBSP = "\u202f"

_TYPED_SPACES = " \u00a0\u2009\u202f"
_SPACE_RUN = f"[{_TYPED_SPACES}]"

# Each character of the text being rewritten, with the markup it is written back as: the
# character itself, a character reference such as "&nbsp;", or, for tags and comments inside
# the text, markup standing for no character at all ("").
_Item = tuple[str, str]
# Replace the characters start:end by new; an insertion (start == end) hugs the previous
# character when hug_left is true, so "«<em>Non" becomes "« <em>Non", not "«<em> Non".
_Edit = tuple[int, int, str, bool]

_URL = re.compile(
    r"""(?<![^\s«»"(\[])(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s«»"<>]*""",
    re.IGNORECASE,
)
# What every URL above holds: a text without it is not scanned for URLs (see `_rewrite`).
_URL_MARK = re.compile(r"://|www\.|mailto:", re.IGNORECASE)
# The quote first, the letter before it checked after: a pattern opening on a look-behind is
# tried at every character of the text, ten times slower on a paragraph.
_APOSTROPHE = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
_GROUPED_NUMBER = re.compile(rf"(?<!\w)[0-9]{{1,3}}(?:[ {NBSP}{NNBSP}][0-9]{{3}})+(?![0-9])")
_AFTER_OPENING_GUILLEMET = re.compile(f"«({_SPACE_RUN}*)")
_BEFORE_HIGH_PUNCTUATION = re.compile(f"({_SPACE_RUN}*)([;!?»])")
_BEFORE_COLON = re.compile(f"({_SPACE_RUN}+):")
_REFERENCE_NAME = re.compile(r"&#?[a-zA-Z0-9]+\Z")


def french_spacing(text: str) -> str:
    """Fix spaces, apostrophes and quotation marks of plain text, in the French way.

    - U+202F (narrow no-break space) before ; ! ? » and after «, U+00A0 before :. Typed spaces
      there (ordinary, no-break, thin) become that one space. A missing one is inserted before
      ; ! ? » and after «, not before ":", which also writes times (14:30), scores (3:2) and
      references. Only the first mark of "?!" gets the space; a mark after a line break, "(" or
      "[" keeps its place, and so does the ";" ending something like "&amp;" or "&#8230;",
      which is more likely a character reference left in the text than a semicolon.
    - Nothing changes inside a URL ("https://a.fr/?x=1", "www.a.fr!", "mailto:…").
    - Digits grouped by 3 with a typed space ("12 000", "1 250 000") get U+202F between groups.
      "12000" or "2025" stay as typed: a year, an identifier and a count cannot be told apart.
    - A straight apostrophe between two letters becomes ’ (l'État → l’État); other straight
      single quotes are left alone, they may be quotation marks or primes.
    - Straight double quotes change only when every one of them in the text pairs up as an
      opening quote (at the start of a word) followed by a closing one (at the end of a word):
      the pair becomes « … », or “ … ” when it sits inside « », the French inner quotes. A
      single stray quote (an inch mark, a typo) leaves them all as typed: guessing which ones
      pair would turn prose inside out.
    """
    return _rewrite(text, text, _edit_text)


def french_spacing_html(html: str) -> str:
    """Apply `french_spacing` to the text of an HTML fragment, such as rich text output.

    Tags, attribute values, comments, and the content of script, style, pre, code, kbd, samp
    (and the other elements whose text is not prose) are written back byte for byte, as is
    any character reference the rules do not change (&amp;, &nbsp;, &#8230;): the fragment is
    cut into pieces that, put end to end, are the input, so nothing outside rewritten text can
    move. `html.parser` was not used: it hands end tags over by name only and keeps no offsets,
    so writing its input back byte for byte would mean working them out again.

    Text is read across inline elements (a, em, strong, span…), so "<em>Non</em>!" or
    "«<a …>Non</a>»" get their spaces, and character references are decoded first, so
    "&nbsp;:" is the typed space it stands for. Other elements (p, li, br, img…) end a run of
    text: the "?" of "<p>Quoi</p><p>?</p>" is not the end of "Quoi". A space inserted after «
    stays beside it, one inserted before a mark stays beside the mark: "«\u202f<em>Non</em>".
    """
    out: list[str] = []
    run: list[tuple[str, str]] = []
    for kind, markup in _pieces(html):
        if kind == _APART:
            out.append(_rewrite_run(run))
            out.append(markup)
            run = []
        else:
            run.append((kind, markup))
    out.append(_rewrite_run(run))
    return "".join(out)


def _rewrite_run(run: list[tuple[str, str]]) -> str:
    """One run of text and the inline markup inside it. Text alone, with no character
    reference, is plain text: each character is written back as itself."""
    if not run:
        return ""
    if len(run) == 1 and run[0][0] == _TEXT and "&" not in run[0][1]:
        return french_spacing(run[0][1])
    items: list[_Item] = []
    for kind, markup in run:
        if kind == _TEXT:
            items.extend(_decode(markup))
        else:
            items.append(("", markup))
    items = _rewrite(items, "".join([char for char, _ in items]), _edit_items)
    return "".join([source for _, source in items])


def _rewrite(kept, text: str, edit):
    """Run the rules in order, each on the text as the rules before it left it. `kept` is
    what the caller writes back: the text itself, or its characters with their markup;
    `edit(kept, edits)` returns it edited, and the text it now reads.

    A rule runs only when the character it acts on is in the text, and the text is scanned
    for URLs only once a rule runs: most titles need one rule or none, and that scan, made for
    each rule, was most of a page's typography (bench/RESULTS.md, 2026-12-03)."""
    urls = None
    for rule, wanted in _RULES:
        if not wanted.search(text):
            continue
        if urls is None:
            urls = _url_positions(text)
        edits = rule(text, urls)
        if edits:
            kept, text = edit(kept, edits)
            urls = None
    return kept


def _url_positions(text: str) -> set[int]:
    if not _URL_MARK.search(text):
        return set()
    return {index for match in _URL.finditer(text) for index in range(*match.span())}


def _edit_text(text: str, edits: list[_Edit]) -> tuple[str, str]:
    """`_apply` for plain text, where every character is its own markup."""
    out: list[str] = []
    copied = 0
    for start, end, new, _ in sorted(edits):
        out.append(text[copied:start])
        out.append(new)
        copied = end
    out.append(text[copied:])
    text = "".join(out)
    return text, text


def _edit_items(items: list[_Item], edits: list[_Edit]) -> tuple[list[_Item], str]:
    items = _apply(items, edits)
    return items, "".join([char for char, _ in items])


def _apply(items: list[_Item], edits: list[_Edit]) -> list[_Item]:
    """Apply non-overlapping edits, keeping every markup item where it was."""
    positions = [index for index, (char, _) in enumerate(items) if char]
    positions.append(len(items))
    out: list[_Item] = []
    copied = 0
    for start, end, new, hug_left in sorted(edits):
        if start == end and hug_left:
            at = positions[start - 1] + 1 if start else 0
        else:
            at = positions[start]
        out.extend(items[copied:at])
        out.extend((char, char) for char in new)
        copied = at
        if end > start:
            copied = positions[end - 1] + 1
            out.extend(item for item in items[at:copied] if not item[0])
    out.extend(items[copied:])
    return out


def _double_quotes(text: str, urls: set[int]) -> list[_Edit]:
    positions = [index for index, char in enumerate(text) if char == '"' and index not in urls]
    if len(positions) % 2:
        return []
    edits: list[_Edit] = []
    for opening, closing in zip(positions[::2], positions[1::2], strict=True):
        if not (_opens_quote(text, opening) and _closes_quote(text, closing)):
            return []
        inner = text.count("«", 0, opening) > text.count("»", 0, opening)
        edits.append((opening, opening + 1, "“" if inner else "«" + NNBSP, False))
        edits.append((closing, closing + 1, "”" if inner else NNBSP + "»", False))
    return edits


def _opens_quote(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1 : index + 2]
    return (before.isspace() or before in "([«") and after not in ("", '"') and not after.isspace()


def _closes_quote(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1 : index + 2] or " "
    return not before.isspace() and before != '"' and (after.isspace() or after in ".,;:!?)]»…")


def _apostrophes(text: str, urls: set[int]) -> list[_Edit]:
    return [
        (match.start(), match.end(), "’", False)
        for match in _APOSTROPHE.finditer(text)
        if match.start() not in urls
    ]


def _thousands(text: str, urls: set[int]) -> list[_Edit]:
    return [
        (index, index + 1, NNBSP, False)
        for match in _GROUPED_NUMBER.finditer(text)
        if match.start() not in urls
        for index in range(match.start(), match.end())
        if text[index] in (" ", NBSP)
    ]


def _after_opening_guillemet(text: str, urls: set[int]) -> list[_Edit]:
    edits: list[_Edit] = []
    for match in _AFTER_OPENING_GUILLEMET.finditer(text):
        start, end = match.span(1)
        if start < end:
            if text[start:end] != NNBSP:
                edits.append((start, end, NNBSP, False))
        elif text[end : end + 1] not in ("", "»") and not text[end].isspace():
            edits.append((start, end, NNBSP, True))
    return edits


def _before_high_punctuation(text: str, urls: set[int]) -> list[_Edit]:
    edits: list[_Edit] = []
    for match in _BEFORE_HIGH_PUNCTUATION.finditer(text):
        start, end = match.span(1)
        mark = match.group(2)
        before = text[start - 1] if start else ""
        if end in urls or before.isspace():
            continue
        if start < end:
            if text[start:end] != NNBSP:
                edits.append((start, end, NNBSP, False))
        elif (
            before
            and before not in "([{"
            and before not in ("«" if mark == "»" else ";!?«")
            and not (mark == ";" and _REFERENCE_NAME.search(text, max(start - 32, 0), start))
        ):
            edits.append((start, end, NNBSP, False))
    return edits


def _before_colon(text: str, urls: set[int]) -> list[_Edit]:
    edits: list[_Edit] = []
    for match in _BEFORE_COLON.finditer(text):
        start, end = match.span(1)
        before = text[start - 1] if start else ""
        if before.isspace():
            continue
        if text[start:end] != NBSP:
            edits.append((start, end, NBSP, False))
    return edits


# Quotes come first: the guillemets they produce then get the same treatment as typed ones.
# Each rule with what a text must hold for it to change anything.
_RULES = (
    (_double_quotes, re.compile('"')),
    (_apostrophes, re.compile("'")),
    (_thousands, re.compile(f"[0-9][ {NBSP}{NNBSP}][0-9]")),
    (_after_opening_guillemet, re.compile("«")),
    (_before_high_punctuation, re.compile("[;!?»]")),
    (_before_colon, re.compile(":")),
)

_TEXT, _INSIDE_TEXT, _APART = "text", "inside text", "apart"

# As in browsers: a quote opens an attribute value only after "=", and whatever is left open
# (tag, value, comment) runs to the end of the fragment, which is also what keeps the scan
# linear on malformed imports: every attempt consumes all it reads.
_MARKUP = re.compile(
    r"""
    <!--.*?(?:-->|\Z)
    | <!\[CDATA\[.*?(?:\]\]>|\Z)
    | <(?:[!?]|/(?![a-zA-Z]))[^>]*(?:>|\Z)
    | </?(?P<name>[a-zA-Z][^\s/>]*)(?:=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))|[^>])*+(?:>|\Z)
    """,
    re.DOTALL | re.VERBOSE,
)
# Elements the parser reads as raw text: their content may hold "<" that opens no tag.
_RAW_TEXT_ENDS = {
    name: re.compile(rf"</{name}(?=[\s/>])[^>]*>?", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
}
_NOT_PROSE = frozenset({"pre", "code", "kbd", "samp", "svg", "math"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins",
        "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    }
)  # fmt: skip
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _pieces(html: str) -> Iterator[tuple[str, str]]:
    """Cut the fragment into text, markup inside a run of text, and markup that ends one."""
    position = scan = not_prose_depth = 0
    while (start := html.find("<", scan)) != -1:
        scan = start + 1
        if not (match := _MARKUP.match(html, start)):
            continue
        if start > position:
            yield (_APART if not_prose_depth else _TEXT), html[position:start]
        tag, name = match.group(), (match.group("name") or "").lower()
        end = match.end()
        if name in _RAW_TEXT_ENDS and not tag.startswith("</"):
            closing = _RAW_TEXT_ENDS[name].search(html, end)
            end = closing.end() if closing else len(html)
            yield _APART, html[start:end]
        elif name in _NOT_PROSE:
            if tag.startswith("</"):
                not_prose_depth = max(not_prose_depth - 1, 0)
            elif not tag.endswith("/>"):
                not_prose_depth += 1
            yield _APART, tag
        elif not not_prose_depth and (name in _INLINE or tag.startswith("<!--")):
            yield _INSIDE_TEXT, tag
        else:
            yield _APART, tag
        position = scan = end
    if position < len(html):
        yield (_APART if not_prose_depth else _TEXT), html[position:]


def _decode(text: str) -> list[_Item]:
    """Characters of an HTML text node, each with the markup it was written as.

    A reference standing for several characters (a handful of named ones) becomes U+FFFC, an
    opaque character no rule touches; one that names nothing stays as its literal characters.
    """
    items: list[_Item] = []
    position = 0
    for match in _CHARACTER_REFERENCE.finditer(text):
        before = text[position : match.start()]
        items.extend(zip(before, before, strict=True))
        reference = match.group()
        decoded = unescape(reference)
        if decoded == reference:
            items.extend((char, char) for char in reference)
        else:
            items.append((decoded if len(decoded) == 1 else "\ufffc", reference))
        position = match.end()
    rest = text[position:]
    items.extend(zip(rest, rest, strict=True))
    return items
