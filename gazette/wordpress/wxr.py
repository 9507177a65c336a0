"""Streaming reader of WordPress eXtended RSS (WXR 1.0 to 1.2) exports.

An export can be gigabytes: it is read with lxml's `iterparse` and each <item> is turned into a
plain `Item` and then dropped from the tree, so memory stays flat whatever the file's size.

The file comes from outside: a DOCTYPE is refused outright (no WordPress export has one, and
every XML attack, external entities or « billion laughs » expansion, needs one), and the parser
never resolves entities nor touches the network even before that check runs.
"""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# The channel's own fields (title, addresses, version) come before these in every export.
CONTENT_ELEMENTS = {"author", "category", "tag", "term", "item"}
WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$")


class WXRError(Exception):
    """Bad input, with the line of the faulty element so that an operator can open the file
    there."""

    def __init__(self, line: int | None, reason: str):
        super().__init__(f"ligne {line} : {reason}" if line else reason)
        self.line, self.reason = line, reason


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    language: str = ""


@dataclass
class Author:
    wp_id: int
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category or a tag, declared at the top of the export."""

    kind: str  # "category" or "tag"
    wp_id: int
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class Comment:
    wp_id: int
    author: str
    email: str
    url: str
    ip: str
    date_gmt: datetime | None
    content: str
    approved: str
    type: str
    parent: int
    user_id: int = 0


@dataclass
class Item:
    """One post, page, attachment or other post type, as WordPress wrote it."""

    line: int
    wp_id: int = 0
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date_gmt: datetime | None = None
    modified_gmt: datetime | None = None
    comment_status: str = "open"
    slug: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    post_type: str = ""
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)


def _localname(element) -> tuple[str, str]:
    return _split_tag(element.tag)


@lru_cache(maxsize=1024)
def _split_tag(tag: str) -> tuple[str, str]:
    """Cached: an export repeats a few dozen tags over a million elements."""
    qname = etree.QName(tag)
    return qname.namespace or "", qname.localname


def _text(element) -> str:
    return element.text or ""


def _int(element) -> int:
    try:
        return int((element.text or "0").strip() or 0)
    except ValueError:
        raise WXRError(
            element.sourceline, f"<{element.tag}> : nombre attendu, « {element.text} » trouvé"
        ) from None


def parse_date(value: str, *, local_tz: ZoneInfo | None = None) -> datetime | None:
    """WordPress writes « 0000-00-00 00:00:00 » for the GMT date of a draft never saved with
    a date; the local date is then the only one, read in the site's time zone."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        naive = datetime.fromisoformat(value)  # « 2025-01-18 08:59:00 », ten times strptime's speed
    except ValueError:
        return None
    return naive.replace(tzinfo=local_tz or UTC)


class _Reader:
    def __init__(self, path: Path, local_tz: ZoneInfo):
        self.path, self.local_tz = path, local_tz
        self.channel = Channel()
        self.channel_sent = False

    def __iter__(self) -> Iterator[object]:
        _refuse_doctype(self.path)
        # With no DOCTYPE no entity can be declared, so only XML's five and character
        # references remain; lxml reports an undefined one with its line, which it does not
        # when `resolve_entities` is off.
        context = etree.iterparse(
            str(self.path),
            events=("start", "end"),
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        depth = 0
        last_tag = "?"
        try:
            for event, element in context:
                if event == "start":
                    depth += 1
                    last_tag = element.tag
                    if depth == 1:
                        self._check_root(element)
                    elif depth == 3 and not self.channel_sent:
                        if _localname(element)[1] in CONTENT_ELEMENTS:
                            yield from self._channel_once(element)
                    continue
                depth -= 1
                if depth == 2:  # a child of <channel> is complete
                    yield from self._channel_child(element)
                    # Drop what is read: memory stays flat on a file of gigabytes.
                    parent = element.getparent()
                    element.clear()
                    if parent is not None:
                        while element.getprevious() is not None:
                            del parent[0]
        except etree.XMLSyntaxError as error:
            reason = error.msg or str(error)
            near = _tag_before(self.path, *error.position) or _short(last_tag)
            raise WXRError(error.lineno, f"XML mal formé près de <{near}> : {reason}") from None
        if not self.channel_sent:
            yield from self._channel_once(None)

    def _check_root(self, root) -> None:
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            raise WXRError(1, DOCTYPE_REFUSED)
        if _localname(root) != ("", "rss"):
            raise WXRError(
                root.sourceline,
                f"pas un export WordPress (WXR) : l'élément racine est <{_short(root.tag)}>, "
                "<rss> attendu",
            )

    def _channel_once(self, element) -> Iterator[Channel]:
        if self.channel_sent:
            return
        self.channel_sent = True
        if not self.channel.wxr_version:
            line = element.sourceline if element is not None else None
            raise WXRError(
                line,
                "pas un export WordPress (WXR) : <wp:wxr_version> manque dans <channel>",
            )
        yield self.channel

    def _channel_child(self, element) -> Iterator[object]:
        namespace, name = _localname(element)
        if namespace == "" and name == "item":
            yield self._item(element)
        elif WP_NS.match(namespace):
            if name == "wxr_version":
                self.channel.wxr_version = _text(element).strip()
            elif name in {"base_site_url", "base_blog_url"}:
                setattr(self.channel, name, _text(element).strip())
            elif name == "author":
                yield self._author(element)
            elif name in {"category", "tag"}:
                yield self._term(element, name)
        elif namespace == "" and name in {"title", "link", "language"}:
            setattr(self.channel, name, _text(element).strip())

    def _fields(self, element) -> dict[str, object]:
        return {_localname(child)[1]: child for child in element}

    def _author(self, element) -> Author:
        f = self._fields(element)
        get = lambda key: _text(f[key]).strip() if key in f else ""  # noqa: E731
        return Author(
            wp_id=_int(f["author_id"]) if "author_id" in f else 0,
            login=get("author_login"),
            email=get("author_email"),
            display_name=html.unescape(get("author_display_name")),
            first_name=html.unescape(get("author_first_name")),
            last_name=html.unescape(get("author_last_name")),
        )

    def _term(self, element, kind: str) -> Term:
        f = self._fields(element)
        get = lambda key: _text(f[key]).strip() if key in f else ""  # noqa: E731
        if kind == "category":
            slug, name, parent = get("category_nicename"), get("cat_name"), get("category_parent")
            description = get("category_description")
        else:
            slug, name, parent = get("tag_slug"), get("tag_name"), ""
            description = get("tag_description")
        if not slug:
            raise WXRError(element.sourceline, f"<wp:{kind}> sans slug")
        return Term(
            kind=kind,
            wp_id=_int(f["term_id"]) if "term_id" in f else 0,
            slug=slug,
            name=html.unescape(name) or slug,
            parent_slug=parent,
            description=html.unescape(description),
        )

    def _item(self, element) -> Item:
        item = Item(line=element.sourceline or 0)
        local_date = None
        local_modified = None
        for child in element:
            namespace, name = _localname(child)
            if namespace == "":
                if name == "title":
                    item.title = _text(child)
                elif name == "link":
                    item.link = _text(child).strip()
                elif name == "guid":
                    item.guid = _text(child).strip()
                elif name == "category":
                    item.categories.append(
                        (child.get("domain", ""), child.get("nicename", ""), _text(child))
                    )
            elif namespace == CONTENT_NS and name == "encoded":
                item.content = _text(child)
            elif EXCERPT_NS.match(namespace) and name == "encoded":
                item.excerpt = _text(child)
            elif namespace.endswith("/dc/elements/1.1/") and name == "creator":
                item.creator = _text(child).strip()
            elif WP_NS.match(namespace):
                local_date, local_modified = self._wp_field(
                    item, child, name, local_date, local_modified
                )
        if not item.wp_id:
            raise WXRError(item.line, "<item> sans <wp:post_id>")
        item.date_gmt = item.date_gmt or local_date
        item.modified_gmt = item.modified_gmt or local_modified or item.date_gmt
        return item

    def _wp_field(self, item: Item, child, name: str, local_date, local_modified):
        text = _text(child)
        if name == "post_id":
            item.wp_id = _int(child)
        elif name == "post_date":
            local_date = parse_date(text, local_tz=self.local_tz)
        elif name == "post_date_gmt":
            item.date_gmt = parse_date(text)
        elif name == "post_modified":
            local_modified = parse_date(text, local_tz=self.local_tz)
        elif name == "post_modified_gmt":
            item.modified_gmt = parse_date(text)
        elif name == "post_name":
            item.slug = text.strip()
        elif name in {"status", "post_type", "comment_status", "post_password"}:
            setattr(item, "password" if name == "post_password" else name, text.strip())
        elif name == "attachment_url":
            item.attachment_url = text.strip()
        elif name == "post_parent":
            item.parent = _int(child)
        elif name == "menu_order":
            item.menu_order = _int(child)
        elif name == "is_sticky":
            item.is_sticky = text.strip() == "1"
        elif name == "postmeta":
            f = self._fields(child)
            if "meta_key" in f:
                item.meta[_text(f["meta_key"])] = (
                    _text(f["meta_value"]) if "meta_value" in f else ""
                )
        elif name == "comment":
            item.comments.append(self._comment(child))
        return local_date, local_modified

    def _comment(self, element) -> Comment:
        f = self._fields(element)
        get = lambda key: _text(f[key]) if key in f else ""  # noqa: E731
        date = parse_date(get("comment_date_gmt")) or parse_date(
            get("comment_date"), local_tz=self.local_tz
        )
        return Comment(
            wp_id=_int(f["comment_id"]) if "comment_id" in f else 0,
            author=html.unescape(get("comment_author").strip()),
            email=get("comment_author_email").strip(),
            url=get("comment_author_url").strip(),
            ip=get("comment_author_IP").strip(),
            date_gmt=date,
            content=get("comment_content"),
            approved=get("comment_approved").strip(),
            type=get("comment_type").strip(),
            parent=_int(f["comment_parent"]) if "comment_parent" in f else 0,
            user_id=_int(f["comment_user_id"]) if "comment_user_id" in f else 0,
        )


PROLOG_LIMIT = 1 << 20
_PROLOG_SKIP = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
DOCTYPE_REFUSED = (
    "le fichier déclare un DOCTYPE (entités XML) : refusé, un export WordPress "
    "n'en contient pas et c'est la forme des attaques XXE et « billion laughs »"
)


def _refuse_doctype(path: Path) -> None:
    """Read the prolog, before the parser sees anything: a DOCTYPE is refused before any of
    its declarations can be processed."""
    with path.open("rb") as file:
        head = file.read(PROLOG_LIMIT)
    position = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while match := _PROLOG_SKIP.match(head, position):
        position = match.end()
    if head[position : position + 9].upper() == b"<!DOCTYPE":
        line = head[:position].count(b"\n") + 1
        raise WXRError(line, DOCTYPE_REFUSED)


OPENING_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")


def _tag_before(path: Path, line: int, column: int) -> str:
    """The last tag opened on the error's line before its column, as the file writes it
    (« wp:post_id »), or "" if there is none. Read from the file rather than taken from the
    parser's last event: lxml 6.2 reports an error found in its first block of input before
    it hands out any event (a small file is one block), where 6.1 handed them out first."""
    try:
        with open(path, encoding="utf-8", errors="replace") as lines:
            for number, text in enumerate(lines, start=1):
                if number == line:
                    tags = OPENING_TAG.findall(text[: max(column, 0)])
                    return tags[-1] if tags else ""
    except OSError:
        pass
    return ""


def _short(tag: str) -> str:
    """« {http://wordpress.org/export/1.2/}post_id » reads « wp:post_id » in messages."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        if WP_NS.match(namespace + ("" if namespace.endswith("/") else "/")):
            return f"wp:{name}"
        if namespace == CONTENT_NS:
            return f"content:{name}"
        return name
    return tag


def read_wxr(path: str | Path, *, local_tz: ZoneInfo | None = None) -> Iterator[object]:
    """Yield the `Channel` first, then `Author`, `Term` and `Item` objects in file order.

    `local_tz` reads dates WordPress wrote without a GMT twin (drafts)."""
    return iter(_Reader(Path(path), local_tz or ZoneInfo("Europe/Paris")))
