"""Avatars of the admin drawn from initials, here: Wagtail would otherwise ask Gravatar for each
account shown, on every page, handing a third party a hash of each editor's e-mail address
(reversible for any address one can guess) and a trace of the newsroom's work. A picture an
editor uploaded to their account is still shown: it is served from our own media."""

import zlib
from urllib.parse import quote

from django.utils.html import escape

# Dark enough for white letters (contrast above 4.5:1).
COLOURS = ("#1d4e89", "#0f766e", "#9a3412", "#6b21a8", "#9d174d", "#374151")


def initials(user) -> str:
    names = user.get_full_name().split() or [user.get_username()]
    return "".join(name[0] for name in names[:2]).upper()


def initials_avatar_url(user, size) -> str | None:
    """For Wagtail's `get_avatar_url` hook: an SVG in a `data:` URL, so no request at all.
    None leaves the choice to Wagtail: an uploaded picture, or (no account) its default."""
    profile = getattr(user, "wagtail_userprofile", None)
    if not hasattr(user, "get_full_name") or (profile and profile.avatar):
        return None
    colour = COLOURS[zlib.crc32(user.get_username().encode()) % len(COLOURS)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" '
        f'font-size="40" fill="#fff">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)
