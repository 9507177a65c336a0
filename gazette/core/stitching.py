"""Pieces stitched into cached pages when they are served, not when they are rendered (ESI).

Why: « Les + Lus » is on every page and changes every few minutes. Rendered into each page, a
new ranking purged every page of the site. Kept apart, at its own address with its own keys, a
new ranking purges that one piece; the pages around it stay cached, and the piece is put in
their place at serve time:
- by Varnish, which announces `Surrogate-Capability: …="ESI/1.0"` (deploy/varnish/gazette.vcl)
  and assembles `<esi:include src="…"/>` itself when the page says `Surrogate-Control:
  content="ESI/1.0"`;
- by the app's own page cache otherwise (gazette/core/page_cache.py), which asks for the piece
  as for any page (a hit, usually) and keeps the assembled copy until the page or a piece
  changes.
Without either (the page cache off, no Varnish), the piece is rendered in place: the same
bytes a reader gets stitched.

A template asks `include_piece(request, src, render)`; the view at `src` answers `render()`.
"""

import re

from django.utils.safestring import mark_safe

CAPABILITY = "HTTP_SURROGATE_CAPABILITY"
STITCHER = "gazette.stitch"  # set by the page cache on the requests it will stitch
CONTROL = ("Surrogate-Control", 'content="ESI/1.0"')
INCLUDE = re.compile(rb'<esi:include src="([^"<>]+)"\s*/>')
_FLAG = "_gazette_includes"


def esi_capable(environ) -> bool:
    return "ESI/1.0" in environ.get(CAPABILITY, "")


def include_piece(request, src: str, render) -> str:
    """The include tag when something will stitch this response, else the piece itself."""
    if request is None:
        return render()
    environ = request.META
    if environ.get(STITCHER) or esi_capable(environ):
        setattr(request, _FLAG, True)
        return mark_safe(f'<esi:include src="{src}"/>')  # noqa: S308 (our own path)
    return render()


def has_includes(request) -> bool:
    """The response must say so (`CONTROL`): Varnish assembles only what asks for it."""
    return getattr(request, _FLAG, False)


def includes_of(body: bytes) -> tuple:
    """The (start, end, src) of each include of a stored page, found once when stored."""
    if b"<esi:include" not in body:
        return ()
    return tuple(
        (match.start(), match.end(), match.group(1).decode("ascii", "replace"))
        for match in INCLUDE.finditer(body)
    )


def assemble(body: bytes, includes, pieces: list[bytes]) -> bytes:
    parts, position = [], 0
    for (start, end, _src), piece in zip(includes, pieces, strict=True):
        parts += [body[position:start], piece]
        position = end
    parts.append(body[position:])
    return b"".join(parts)
