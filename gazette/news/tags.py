"""Topics (taggit's tags) with ASCII addresses, and the way from an old accented one.

Until 2026-12 taggit made accented slugs (« élections »); migration 0004 rewrote them, and
`tag_page` answers an old address with a 301 to the new one, so links already shared keep
working without a redirect row per topic.
"""

from taggit.models import Tag

from gazette.core.slugs import ascii_slug

from .bulk import unique_slug

MAX_LENGTH = 100  # taggit's Tag.slug
FALLBACK = "sujet"


def ascii_tag_slug(text: str, *, taken: set[str] | None = None) -> str:
    """An ASCII slug for a new topic, not yet taken (`taken`: the slugs already used, when
    the caller creates many at once and reads them once)."""
    base = (ascii_slug(text) or FALLBACK)[: MAX_LENGTH - 4].strip("-")
    if taken is None:
        taken = set(Tag.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    return unique_slug(base, taken)


def moved_tag(slug: str) -> Tag | None:
    """The topic an old accented address named, now at its ASCII slug."""
    new = ascii_slug(slug)
    if new == slug:
        return None
    return Tag.objects.filter(slug=new).first()
