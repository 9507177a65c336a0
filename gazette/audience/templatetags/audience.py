"""« Les + Lus » for templates: `{% load audience %}{% most_read %}`, or
`{% most_read section=page %}` for a section's own list.

The tag reads one cache entry and no database (the ranking carries titles and URLs); only a
missing or stale ranking is computed here, once.
"""

from django import template
from django.utils import timezone

from ..services import most_read as cached_ranking

register = template.Library()


@register.inclusion_tag("audience/tags/most_read.html")
def most_read(section=None):
    ranking = cached_ranking(now=timezone.now())
    lists = ranking.sections.get(section.pk, {}) if section else ranking.site
    return {"section": section, "day": lists.get("day"), "week": lists.get("week")}
