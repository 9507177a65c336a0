"""Highlighted excerpts for search results, computed here rather than by the database: the
same code on SQLite and PostgreSQL, and the words are marked by the very stemmer the search
used, so « élections » is marked when « élection » was asked for.

Text is escaped piece by piece, and only the `<mark>` tags added here are markup: whatever an
article or a query contains, an excerpt cannot inject HTML.
"""

from bisect import bisect_left

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .stemming import WORD, stem

LEAD_IN = 3  # words shown before the first marked word of an excerpt
ELLIPSIS = "…"


def highlight(text: str, stems: frozenset[str], *, words: int | None = None) -> SafeString:
    """`text` escaped, with the words whose stem is in `stems` inside `<mark>`. With `words`,
    only that many words: the stretch holding the most marked words, « … » where cut."""
    tokens = list(WORD.finditer(text))
    hits = [index for index, token in enumerate(tokens) if stem(token.group()) in stems]
    first, last = 0, len(tokens)
    if words is not None and len(tokens) > words:
        first = _densest_window(hits, words, len(tokens))
        last = first + words
    start = tokens[first].start() if first else 0
    end = tokens[last - 1].end() if last < len(tokens) else len(text)
    marked = set(hits)
    parts, position = [], start
    for index in range(first, last):
        token = tokens[index]
        if index in marked:
            parts += [escape(text[position : token.start()]), "<mark>", escape(token.group())]
            parts.append("</mark>")
            position = token.end()
    parts.append(escape(text[position:end]))
    html = "".join(parts).strip()
    if start > 0:
        html = f"{ELLIPSIS} {html}"
    if end < len(text):
        html = f"{html} {ELLIPSIS}"
    return mark_safe(html)  # noqa: S308 - every piece of text escaped above


def _densest_window(hits: list[int], words: int, total: int) -> int:
    """The first token of the `words`-long window with the most hits, starting a few words
    before one of them; the text's start when nothing was hit."""
    best_start, best_count = 0, 0
    for hit in hits:
        start = max(0, min(hit - LEAD_IN, total - words))
        count = bisect_left(hits, start + words) - bisect_left(hits, start)
        if count > best_count:
            best_start, best_count = start, count
    return best_start
