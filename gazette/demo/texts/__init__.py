"""Our own demo texts, written for Gazette: original French articles, as data.

One module per section keeps each file readable; this one gathers them and the site around.
"""

from . import culture, economie, france, monde, sciences, sport
from .live import LIVES
from .site import (
    AUTHORS,
    FEATURED,
    FOLLOW_URLS,
    FOOTER_PAGES,
    LEAD_STORY,
    SECTIONS,
    SIMPLE_PAGES,
    SITE_NAME,
    TAGLINE,
)

ARTICLES = (
    *monde.ARTICLES,
    *france.ARTICLES,
    *economie.ARTICLES,
    *culture.ARTICLES,
    *sport.ARTICLES,
    *sciences.ARTICLES,
)
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}

__all__ = [
    "ARTICLES",
    "AUTHORS",
    "FEATURED",
    "FOLLOW_URLS",
    "FOOTER_PAGES",
    "LEAD_STORY",
    "LIVES",
    "SECTIONS",
    "SECTION_BY_SLUG",
    "SIMPLE_PAGES",
    "SITE_NAME",
    "TAGLINE",
]
