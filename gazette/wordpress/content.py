"""A WordPress post's HTML, classic editor or block editor, turned into StreamField blocks.

WordPress stores classic posts without <p> tags (its `wpautop` adds them when it renders) and
block-editor posts as HTML between <!-- wp:name --> comments; the sample exports mix both in
one post. So: block comments are read for what they tell (unknown and dynamic blocks), then
removed; shortcodes are expanded; bare text gets its paragraphs back; the HTML is parsed once
and each top-level element becomes a block. Inline HTML is sanitised with nh3 down to what a
paragraph block accepts.

Nothing is dropped silently: whatever has no block (a table, a plugin's block or shortcode, an
image that is not in the export) stays visible as text or as a link and is reported.
"""

import html
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import nh3
from lxml import etree
from lxml import html as lxml_html

from gazette.news.blocks import EMBED_PROVIDERS

from .shortcodes import expand_shortcodes

ARTICLE_BLOCKS = frozenset({"paragraph", "intertitle", "quote", "image", "embed"})
PAGE_BLOCKS = frozenset({"paragraph", "intertitle", "image"})
INLINE_TAGS = {"a", "b", "i", "sup", "sub", "br"}
LIST_TAGS = INLINE_TAGS | {"ul", "ol", "li"}
RENAMES = {"strong": "b", "em": "i", "cite": "i", "dfn": "i", "var": "i"}
# Compiled once: `sanitise` runs for each paragraph, 60,000 times on a 10,000-post export.
RENAMED_TAG = re.compile(rf"<(/?)({'|'.join(RENAMES)})\b")
# A run of ASCII white space other than one plain space: single spaces, most of a text's,
# stay unmatched instead of each being replaced by itself.
SPACES = re.compile(r" [ \t\n\r\f\v]+|[\t\n\r\f\v][ \t\n\r\f\v]*")
INTERTITLE_MAX, CAPTION_MAX, QUOTE_SOURCE_MAX = 200, 300, 200
# The addresses a link may have, in the body and in what stands for a missing image or iframe.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# Blocks whose HTML we convert, and blocks that only decorate or paginate.
KNOWN_BLOCKS = {
    "paragraph", "heading", "quote", "pullquote", "list", "list-item", "image", "gallery",
    "embed", "html", "group", "columns", "column", "preformatted", "code", "verse",
    "freeform", "shortcode", "video", "audio", "table", "media-text", "cover", "buttons",
    "button", "file",
}  # fmt: skip
DECORATIVE_BLOCKS = {"separator", "spacer", "more", "nextpage"}
BLOCK_COMMENT = re.compile(
    r"<!--\s*(/?)wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(\s+\{.*?\})?\s*(/?)-->", re.S
)
BLOCK_LEVEL = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|iframe|img|section|"
    r"aside|dl|address|form|video|audio|script|style|address)\b",
    re.I,
)
URL_ONLY = re.compile(r"^\s*(https?://\S+)\s*$")

# An image lookup takes the WordPress attachment id (when the HTML gives one) and the src, and
# answers (image pk, caption of the attachment) or None when the image was not imported.
FindImage = Callable[[int | None, str], tuple[int, str] | None]


@dataclass
class Converted:
    blocks: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def embed_url(url: str) -> str | None:
    """The page address of a video or post we know, from a link or an iframe's src."""
    try:
        parts = urlsplit(html.unescape(url.strip()))
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host not in EMBED_PROVIDERS:
        return None
    if host in {"youtube.com", "youtube-nocookie.com"} and parts.path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={parts.path.split('/')[2]}"
    if host == "youtube.com" and parts.path == "/watch" and "v" not in parse_qs(parts.query):
        return None
    return parts.geturl()


def _strip_block_comments(text: str, warnings: list[str]) -> str:
    def replace(match: re.Match) -> str:
        closing, name, _attributes, self_closing = match.groups()
        short = name.removeprefix("core/")
        if short.startswith("core-embed/"):
            short = "embed"
        if closing:
            return "\n\n"
        if short in DECORATIVE_BLOCKS:
            return "\n\n"
        if self_closing or short not in KNOWN_BLOCKS:
            warnings.append(f"bloc Gutenberg « wp:{name} » non converti, gardé en texte")
            if self_closing:  # a dynamic block: no HTML at all, so say where it was
                return f"\n\n<p>(Bloc WordPress non converti : {html.escape(name)}.)</p>\n\n"
        return "\n\n"

    return BLOCK_COMMENT.sub(replace, text)


def autop(text: str) -> str:
    """WordPress's `wpautop`, reduced to what matters for conversion: text between blank lines
    is a paragraph, a single line break inside it is a <br>, block-level HTML is left alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if BLOCK_LEVEL.match(chunk) or chunk.strip().startswith("<!--"):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


class _Builder:
    def __init__(self, *, find_image: FindImage, allowed: frozenset, seed: str):
        self.find_image, self.allowed, self.seed = find_image, allowed, seed
        self.result = Converted()

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)

    def add(self, kind: str, value) -> None:
        if kind not in self.allowed:
            kind, value = "paragraph", self._as_paragraph(kind, value)
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.seed}/{len(self.result.blocks)}"))
        self.result.blocks.append({"type": kind, "value": value, "id": block_id})

    def _as_paragraph(self, kind: str, value) -> str:
        if kind == "quote":
            source = f" — {html.escape(value['source'])}" if value["source"] else ""
            return f"<p><i>« {html.escape(value['text'])} »</i>{source}</p>"
        return _link(value["url"], value.get("caption") or value["url"])

    # Inline content -------------------------------------------------------------------

    def inline_html(self, element) -> str:
        inner = html.escape(element.text or "", quote=False) + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in element
        )
        return self.sanitise(inner, INLINE_TAGS)

    def sanitise(self, markup: str, tags: set[str]) -> str:
        markup = RENAMED_TAG.sub(lambda m: f"<{m[1]}{RENAMES[m[2]]}", markup)
        cleaned = nh3.clean(
            markup,
            tags=tags,
            attributes={"a": {"href"}},
            url_schemes=set(LINK_SCHEMES),
            link_rel=None,
            strip_comments=True,
        ).strip()
        # Wagtail's editor reads <br/> and fails on the <br> that html5ever writes.
        return cleaned.replace("<br>", "<br/>")

    def paragraph(self, element) -> None:
        images = list(element.iter("img"))
        for img in images:
            self._detach(img)
        text = self.inline_html(element)
        plain = squash(element.text_content())
        if plain:
            url = URL_ONLY.match(plain)
            embed = embed_url(url.group(1)) if url else None
            if embed:
                self.add("embed", {"url": embed, "title": "", "caption": ""})
            elif re.sub(r"<br\s*/?>", "", text).strip():
                self.add("paragraph", f"<p>{text}</p>")
        for img in images:
            self.image(img, caption="")

    def _detach(self, element) -> None:
        """Remove an element and the link around it, keeping the text that followed."""
        target = element
        parent = element.getparent()
        if parent is not None and parent.tag == "a" and not (parent.text or "").strip():
            if len(parent) == 1:
                target = parent
        parent = target.getparent()
        if parent is None:
            return
        tail = target.tail or ""
        previous = target.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(target)

    # Blocks ---------------------------------------------------------------------------

    def image(self, img, *, caption: str, attachment: int | None = None) -> None:
        src = img.get("src", "") if img is not None else ""
        if attachment is None and img is not None:
            match = re.search(r"\bwp-image-(\d+)\b", img.get("class", ""))
            attachment = int(match.group(1)) if match else None
        found = self.find_image(attachment, src)
        if found is None:
            label = src or f"pièce jointe {attachment}"
            self.warn(f"image introuvable dans l'import, gardée en lien : {label}")
            alt = (img.get("alt", "") if img is not None else "") or caption or "Image"
            if src:
                self.add("paragraph", _link(src, alt))
            return
        pk, default_caption = found
        caption = squash(caption or default_caption)
        if len(caption) > CAPTION_MAX:
            self.warn(f"légende raccourcie à {CAPTION_MAX} caractères")
            caption = caption[: CAPTION_MAX - 1] + "…"
        self.add("image", {"image": pk, "caption": caption})

    def figure(self, element) -> None:
        classes = element.get("class", "")
        caption_el = element.find(".//figcaption")
        caption = squash(caption_el.text_content()) if caption_el is not None else ""
        if caption_el is not None:
            caption_el.getparent().remove(caption_el)
        if "wp-block-embed" in classes:
            wrapper = element.text_content().strip()
            self.embed(wrapper, caption=caption)
            return
        quote = element.find(".//blockquote")
        if quote is not None:
            self.blockquote(quote)
            return
        if element.find(".//table") is not None:
            self.as_text(element, "tableau")
            return
        images = list(element.iter("img"))
        attachment = element.get("data-attachment")
        if not images and attachment:
            self.image(None, caption=caption, attachment=int(attachment))
            return
        for img in images:
            self.image(
                img,
                caption=caption,
                attachment=int(attachment) if attachment and len(images) == 1 else None,
            )
        if not images:
            self.container(element)

    def embed(self, url: str, *, caption: str = "") -> None:
        url = url.strip()
        target = embed_url(url)
        if target:
            self.add("embed", {"url": target, "title": "", "caption": caption[:CAPTION_MAX]})
        elif url.startswith(("http://", "https://")):
            self.warn(f"contenu intégré d'un site inconnu, gardé en lien : {url}")
            self.add("paragraph", _link(url, caption or url))

    def blockquote(self, element) -> None:
        classes = element.get("class", "")
        if "twitter-tweet" in classes or "instagram-media" in classes:
            links = [a.get("href", "") for a in element.iter("a") if a.get("href")]
            if links:
                self.embed(links[-1])
                return
        cite = element.find(".//cite")
        source = ""
        if cite is not None:
            source = squash(cite.text_content()).lstrip("—– ").strip()
            self._detach(cite)
        footer = element.find(".//footer")
        if footer is not None and not source:
            source = squash(footer.text_content()).lstrip("—– ").strip()
            self._detach(footer)
        parts = [
            squash(p.text_content()) for p in element.iter("p") if p.text_content().strip()
        ] or [squash(element.text_content())]
        text = "\n\n".join(parts).strip()
        if not text:
            return
        if len(source) > QUOTE_SOURCE_MAX:
            source = source[: QUOTE_SOURCE_MAX - 1] + "…"
        self.add("quote", {"text": text, "source": source})

    def heading(self, element) -> None:
        text = squash(element.text_content())
        if not text:
            return
        if len(text) > INTERTITLE_MAX:
            self.warn(f"intertitre de plus de {INTERTITLE_MAX} caractères gardé en paragraphe")
            self.add("paragraph", f"<p><b>{html.escape(text)}</b></p>")
        else:
            self.add("intertitle", text)

    def as_text(self, element, what: str) -> None:
        self.warn(f"{what} sans équivalent dans Gazette, gardé en texte")
        rows = [
            " | ".join(squash(c.text_content()) for c in row) for row in element.iter("tr")
        ] or [squash(element.text_content())]
        lines = [html.escape(r) for r in rows if r.strip()]
        if lines:
            self.add("paragraph", "<p>" + "<br/>".join(lines) + "</p>")

    def iframe(self, element) -> None:
        src = element.get("src", "")
        if embed_url(src):
            self.embed(src)
        else:
            self.warn(f"iframe retirée, gardée en lien : {src or '(sans adresse)'}")
            if src:
                self.add("paragraph", _link(src, src))

    def container(self, element) -> None:
        if (element.text or "").strip():
            self.loose_text(element.text)
        for child in element:
            self.element(child)
            if (child.tail or "").strip():
                self.loose_text(child.tail)

    def loose_text(self, text: str) -> None:
        paragraph = lxml_html.fragment_fromstring(
            "<p>" + html.escape(text.strip(), quote=False) + "</p>"
        )
        self.paragraph(paragraph)

    def element(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            return
        if tag == "p":
            self.paragraph(element)
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading(element)
        elif tag == "blockquote":
            self.blockquote(element)
        elif tag in {"ul", "ol"}:
            text = self.sanitise(
                etree.tostring(element, encoding="unicode", with_tail=False), LIST_TAGS
            )
            if text:
                self.add("paragraph", text)
        elif tag == "figure":
            self.figure(element)
        elif tag == "img":
            self.image(element, caption="")
        elif tag == "a" and element.find(".//img") is not None:
            for img in element.iter("img"):
                self.image(img, caption="")
        elif tag == "iframe":
            self.iframe(element)
        elif tag in {"div", "section", "article", "aside", "main", "header", "footer", "span"}:
            self.container(element)
        elif tag in {"hr", "br"}:
            return
        elif tag in {"script", "style", "noscript", "form", "object", "embed"}:
            self.warn(f"élément <{tag}> retiré (HTML non sûr)")
        elif tag == "table":
            self.as_text(element, "tableau")
        elif tag in {"pre", "code"}:
            text = element.text_content().strip()
            if text:
                self.add("paragraph", "<p>" + html.escape(text).replace("\n", "<br/>") + "</p>")
        elif tag in {"video", "audio"}:
            source = element.get("src") or next(
                (s.get("src") for s in element.iter("source") if s.get("src")), ""
            )
            self.embed(source)
        else:
            self.warn(f"élément <{tag}> sans équivalent, gardé en texte")
            self.paragraph(element)


def squash(text: str) -> str:
    """Runs of ordinary white space become one space; the no-break spaces of French
    typography (« : », « ! ») stay, as WordPress stored them. Most texts have nothing to
    squash: two scans in C tell, before the pattern's slower one."""
    if text.isprintable() and "  " not in text:  # no tab, no line break, no double space
        return text.strip()
    return SPACES.sub(" ", text).strip()


def _link(url: str, text: str) -> str:
    """A paragraph linking to what could not be imported; with an address of another scheme
    (`javascript:`, `data:`…), the text alone. The scheme is read as a browser reads it:
    spaces and control characters around and inside it do not count."""
    scheme = urlsplit(re.sub(r"[\x00-\x20]", "", url)).scheme.lower()
    if scheme and scheme not in LINK_SCHEMES:
        return f"<p>{html.escape(text)}</p>"
    return f'<p><a href="{html.escape(url, quote=True)}">{html.escape(text)}</a></p>'


def convert(
    text: str,
    *,
    find_image: FindImage,
    allowed: frozenset = ARTICLE_BLOCKS,
    seed: str = "",
) -> Converted:
    """`seed` makes block ids stable, so that a second import of the same post writes the same
    body and is recognised as unchanged."""
    builder = _Builder(find_image=find_image, allowed=allowed, seed=seed)
    text = _strip_block_comments(text or "", builder.result.warnings)
    expanded = expand_shortcodes(text)
    for name in expanded.unknown:
        builder.warn(f"shortcode [{name}] inconnu, gardé tel quel dans le texte")
    text = autop(expanded.html)
    if text.strip():
        root = lxml_html.fragment_fromstring(text, create_parent="div")
        builder.container(root)
    return builder.result


def plain_text(text: str) -> str:
    """Text with no markup, for standfirsts and comments (stored as typed, escaped at render).

    Text without a tag, an entity or a control character but line breaks and tabs (most
    comments) would come back from the sanitiser and `unescape` as it went in: it skips
    them, which was a third of a comment's import."""
    if not text:
        return ""
    if "<" in text or "&" in text or not text.replace("\n", "").replace("\t", "").isprintable():
        text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.I)
        text = html.unescape(nh3.clean(text, tags=set(), strip_comments=True))
    lines = [squash(line) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
