"""What a reader or an editor meets on a page, and the English that must not be in it: shared
by the public pages' test and the admin crawl, which scan the same text the same way."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR, "gazette", "locale", "fr", "LC_MESSAGES", "django.po")
ENGLISH_UI = re.compile(
    r"\b(Click|Read more|Comments?|Reply|Share|Next|Previous|Search|Skip|Published|Updated|"
    r"Posted|Leave a|Follow|Home|Not found|Error|Author|Subscribe|Log ?in|Loading|Back to|"
    r"Powered by|Page \d+ of|[Tt]he|and|of|by|with|to|min read)\b"
)
SPOKEN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class VisibleText(HTMLParser):
    """Text nodes and the attributes read aloud, outside scripts, styles and `hidden` elements;
    `attributes` widens the latter (the admin's tooltips live in data attributes)."""

    def __init__(self, attributes=SPOKEN_ATTRIBUTES):
        super().__init__()
        self.parts, self._skip, self._attributes = [], 0, attributes
        self._hidden: list[str] = []  # the hidden element's tag, once per nested same tag

    def handle_starttag(self, tag, attrs):
        nested = self._hidden and tag == self._hidden[0]
        if nested or not self._hidden and "hidden" in dict(attrs) and tag not in VOID:
            self._hidden.append(tag)
        if tag in {"script", "style"}:
            self._skip += 1
        if not self._hidden:
            self.parts += [v.strip() for k, v in attrs if k in self._attributes and v and v.strip()]

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1
        if self._hidden and tag == self._hidden[0]:
            self._hidden.pop()

    def handle_data(self, data):
        if not self._skip and not self._hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str, attributes=SPOKEN_ATTRIBUTES) -> list[str]:
    parser = VisibleText(attributes)
    parser.feed(html)
    return parser.parts


def english_msgids(catalogue: Path = CATALOGUE) -> list[str]:
    """The catalogue's English sentences (a space, more than 3 characters) that French changes."""
    return [
        entry.msgid
        for entry in polib.pofile(str(catalogue))
        if entry.msgstr != entry.msgid and len(entry.msgid) > 3 and " " in entry.msgid
    ]
