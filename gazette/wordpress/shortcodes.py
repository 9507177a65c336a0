"""WordPress shortcodes turned into the HTML our converter already understands.

Only the shortcodes WordPress itself ships with a meaning we can keep ([caption], [embed],
[gallery], [audio], [video]) and Jetpack's video ones are rewritten. Any other shortcode stays
in the text exactly as written, where readers and editors will see it, and is reported: a
plugin's [formulaire id=3] cannot be guessed, and dropping it would lose content silently.
"""

import html
import re
from dataclasses import dataclass, field

# [name attrs]content[/name] or [name attrs] — names as WordPress allows them.
_ENCLOSED = r"\[(?P<name>{names})(?P<attrs>(?:\s[^\]]*)?|=[^\]]*)\](?P<body>.*?)\[/(?P=name)\]"
_SINGLE = r"\[(?P<name>{names})(?P<attrs>(?:\s[^\]]*)?|=[^\]]*)\]"
_ANY = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?|=[^\[\]]*)\]")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
_VIDEO_HOSTS = ("youtube", "vimeo", "dailymotion")


@dataclass
class ShortcodeResult:
    html: str
    unknown: list[str] = field(default_factory=list)


def parse_attrs(text: str) -> dict[str, str]:
    text = html.unescape(text or "").strip()
    attrs = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(text)
    }
    if text.startswith("="):  # [youtube=https://...]
        attrs.setdefault("url", text[1:].strip().strip("\"'"))
    elif text and ("=" not in text.split()[0] or text.startswith(("http://", "https://"))):
        attrs["url"] = text.split()[0].strip("\"'")
    return attrs


def _caption(match: re.Match) -> str:
    attrs, body = parse_attrs(match.group("attrs")), match.group("body")
    attachment = re.sub(r"\D", "", attrs.get("id", ""))
    # The caption is the text after the <img> (or its link), or the caption="" attribute.
    parts = re.split(r"(<a\b[^>]*>\s*<img\b[^>]*>\s*</a>|<img\b[^>]*>)", body, maxsplit=1)
    image = parts[1] if len(parts) > 1 else ""
    caption = (parts[2] if len(parts) > 2 else "").strip() or attrs.get("caption", "")
    return (
        f'<figure class="wp-caption" data-attachment="{attachment}">{image}'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _embed(url: str) -> str:
    url = html.escape(html.unescape(url.strip()), quote=True)
    return (
        f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{url}</div></figure>'
    )


def _gallery(match: re.Match) -> str:
    ids = [i for i in re.split(r"[,\s]+", parse_attrs(match.group("attrs")).get("ids", "")) if i]
    return "".join(
        f'<figure class="wp-caption" data-attachment="{int(i)}"></figure>'
        for i in ids
        if i.isdigit()
    )


def _media(match: re.Match) -> str:
    attrs = parse_attrs(match.group("attrs"))
    url = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or attrs.get("url", "")
    return _embed(url) if url.startswith(("http://", "https://")) else match.group(0)


def expand_shortcodes(text: str) -> ShortcodeResult:
    text = re.sub(_ENCLOSED.format(names="caption|wp_caption"), _caption, text, flags=re.S | re.I)
    text = re.sub(
        _ENCLOSED.format(names="embed"),
        lambda m: _embed(m.group("body")),
        text,
        flags=re.S | re.I,
    )
    text = re.sub(
        _SINGLE.format(names="|".join(_VIDEO_HOSTS)),
        lambda m: _embed(parse_attrs(m.group("attrs")).get("url", "")) or m.group(0),
        text,
        flags=re.I,
    )
    text = re.sub(_SINGLE.format(names="gallery"), _gallery, text, flags=re.I)
    text = re.sub(_ENCLOSED.format(names="video|audio"), _media, text, flags=re.S | re.I)
    text = re.sub(_SINGLE.format(names="video|audio"), _media, text, flags=re.I)
    return ShortcodeResult(text, unknown=_unknown(text))


def _unknown(text: str) -> list[str]:
    """Brackets are common in news text (« [sic] », « […] »): only what looks like a real
    shortcode, with attributes or a closing tag, is reported."""
    found = []
    closing = {m.group(2).lower() for m in _ANY.finditer(text) if m.group(1)}
    for match in _ANY.finditer(text):
        slash, name, attrs = match.groups()
        if slash:
            continue
        if attrs.strip() or name.lower() in closing:
            found.append(name)
    return list(dict.fromkeys(found))
