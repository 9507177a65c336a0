"""What pages show of live coverage: entry times, and the « EN DIRECT » badge on teasers."""

from django import template
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from gazette.core import dates, invalidation

from .. import schema
from ..models import live_key, running_live_pages

register = template.Library()


@register.simple_tag
def entry_time(value, newest_day=None):
    """« 14 h 32 » on the day of the newest entry; the full date on an earlier day, whose
    « 14 h 32 » would read as today's. Relative to the newest entry, not to the clock: the
    same bytes whenever a cached copy is served."""
    local = timezone.localtime(value, timezone.get_default_timezone())
    text = dates.clock_time(local)
    if newest_day is not None and local.date() != newest_day:
        text = dates.long_datetime(local)
    return format_html('<time datetime="{}">{}</time>', dates.iso_datetime(value), text)


# What the badge's template renders for a page that is not live: its closing newline. Most
# teasers are not live: answered without rendering the template (2 ms of a page of 20 teasers).
NOT_RUNNING = "\n"


@register.simple_tag(takes_context=True)
def live_badge(context, article):
    """On a teaser: « EN DIRECT » and the time of the latest entry while the page runs.

    The running live pages are read once per response (one query, kept on the request), so
    that a page of 20 teasers costs what a page of 2 costs. Only a teaser showing the badge
    records `live:<id>`: a new entry purges the lists that show that teaser, and no other."""
    request = context.get("request")
    running = getattr(request, "_gazette_live_running", None)
    if running is None:
        running = running_live_pages()
        if request is not None:
            request._gazette_live_running = running
    if article.pk not in running:
        return NOT_RUNNING
    invalidation.record(live_key(article.pk))
    badge = get_template("live/tags/badge.html")
    return badge.render({"running": True, "latest": running[article.pk]})


@register.simple_tag(takes_context=True)
def live_blog_fields(context, page, entries):
    """`{% live_blog_fields page entries as fields %}{% article_metadata page fields %}`."""
    return schema.live_blog_fields(context["request"], page, entries)


@register.simple_tag(takes_context=True)
def live_feed_url(context, page):
    """Absolute, from the page's site, as the site's feed links are."""
    site_id, root, path = page.get_url_parts(context["request"])
    return root + reverse("live:feed", args=[page.pk])
