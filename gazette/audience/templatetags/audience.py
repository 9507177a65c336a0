"""« Les + Lus » for templates: `{% load audience %}{% most_read %}`, or
`{% most_read section=page %}` for a section's own list: the piece at /fragments/les-plus-lus/,
stitched in when the page is served (gazette/audience/pieces.py).
"""

from django import template
from django.urls import reverse

from gazette.core import stitching

from ..pieces import cached_ranking, most_read_html, most_read_shown_for

__all__ = ["cached_ranking", "most_read", "most_read_shown"]

register = template.Library()


@register.simple_tag(takes_context=True)
def most_read(context, section=None):
    """The list of the site the request is for, or of `section`: a piece of its own
    (gazette/audience/pieces.py), stitched in when the page is served, so that a new ranking
    purges that piece and not every page (gazette/core/stitching.py)."""
    request = context.get("request")
    src = reverse("most_read_piece") + (f"?rubrique={section.pk}" if section else "")
    return stitching.include_piece(request, src, lambda: most_read_html(request, section))


@register.simple_tag(takes_context=True)
def most_read_shown(context) -> bool:
    """Whether the site's « Les + Lus » has something to show, known before the page's main
    column: the layout opens its second column from the start. Decided by CSS once the list
    was parsed, after the article, a browser that painted earlier showed the article alone,
    then moved it aside (Lighthouse: layout shift). A section's list is part of its site's."""
    return most_read_shown_for(context.get("request"))
