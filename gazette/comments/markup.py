"""Comment text, stored as the reader typed it, turned into safe HTML when a page is rendered.

Nothing a reader types is markup: every character is escaped, then only three things are
added, by us: paragraphs at blank lines, <br> at single line breaks, and links on bare web
addresses, which are the reader's and so get rel="nofollow ugc noopener" (search engines give
them no credit, spammers gain nothing). French spacing applies to the text around links.
"""

import re
from urllib.parse import urlsplit

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from gazette.core.typography import french_spacing

# Starts a word; stops at a space, a quote or an angle bracket. Trailing punctuation is
# sentence punctuation (« voir https://exemple.fr. »), except a ")" that closes one in the URL.
URL = re.compile(r"(?<![\w@/.])(?:https?://|www\.)[^\s<>\"«»]+", re.IGNORECASE)
_TRAILING = ".,;:!?'’»"


def find_urls(text: str) -> list[str]:
    return [_trim(match.group()) for match in URL.finditer(text)]


def url_host(url: str) -> str:
    """The host of an address typed with or without its scheme (« www.exemple.fr/page »)."""
    if not re.match(r"[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "//" + url
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def comment_html(text: str) -> SafeString:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return mark_safe(  # noqa: S308 - every piece below is escaped or built by format_html
        "".join(
            "<p>" + "<br>".join(_line_html(line) for line in paragraph.split("\n")) + "</p>"
            for paragraph in paragraphs
            if paragraph.strip()
        )
    )


def _line_html(line: str) -> str:
    out, position = [], 0
    for match in URL.finditer(line):
        url = _trim(match.group())
        out.append(escape(french_spacing(line[position : match.start()])))
        href = url if "://" in url else "https://" + url
        out.append(format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', href, url))
        position = match.start() + len(url)
    out.append(escape(french_spacing(line[position:])))
    return "".join(out)


def _trim(url: str) -> str:
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url
