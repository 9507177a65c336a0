"""What every kind reads the same way from an export: clean titles and slugs, where an item
is in the file (for the report), validated addresses, and parents before their children."""

import html
import ipaddress
import re
from functools import lru_cache
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from gazette.core.slugs import ascii_slug

from .content import plain_text
from .wxr import Item

email_validator, url_validator = EmailValidator(), URLValidator(schemes=["http", "https"])


def clean_title(raw: str) -> str:
    return " ".join(plain_text(html.unescape(raw or "")).split())


def clean_slug(raw: str) -> str:
    """WordPress stores accented slugs percent-encoded (« %c3%a9conomie »): Gazette's are
    ASCII (« economie »), and the old address answers with a 301 (redirects.py)."""
    return ascii_slug(unquote(raw or ""))[:200]


def where(item: Item) -> str:
    """Called for every item, warning or not: kept cheap (no sanitiser, no Truncator)."""
    title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", item.title)).split())
    title = (title[:49] + "…" if len(title) > 50 else title) or "(sans titre)"
    return f"ligne {item.line}, {item.post_type} {item.wp_id} « {title} »"


def valid(validator, value: str) -> str:
    try:
        validator(value)
    except ValidationError:
        return ""
    return value


@lru_cache(maxsize=4096)
def commenter_address(email: str, url: str) -> tuple[str, str]:
    """A commenter's valid e-mail and website, or "": cached, since regular commenters
    repeat theirs across thousands of comments, and Django's validators cost 15 µs a call."""
    return valid(email_validator, email), valid(url_validator, url)


def ip_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def parents_first(items: list, *, key, parent_key, create) -> dict:
    """`create(item, parent)` for each item, its parent's first, whatever the file's order.
    A parent missing from the export, or a loop, gives None: the item goes to the top."""
    by_key = {key(item): item for item in items}
    placed: dict = {}

    def place(item, seen: frozenset = frozenset()):
        if key(item) not in placed:
            parent_item = by_key.get(parent_key(item))
            parent = None
            if parent_item is not None and parent_key(item) not in seen:
                parent = place(parent_item, seen | {key(item)})
            if key(item) not in placed:  # a loop came back here and placed it already
                placed[key(item)] = create(item, parent)
        return placed[key(item)]

    for item in items:
        place(item)
    return placed
