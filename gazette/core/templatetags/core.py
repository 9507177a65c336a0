"""French typography and dates for templates: `{% load core %}`.

Filters on dates print nothing for a missing value, as Django's `date` does: a page never
published has no date, and must still render.
"""

from datetime import date, datetime

from django import template
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeData, mark_safe

from gazette.core import dates
from gazette.core.typography import french_spacing, french_spacing_html

register = template.Library()


@register.filter(needs_autoescape=True)
def french(value, autoescape=True):
    """French spacing for plain text such as a title or a standfirst.

    Spacing runs before escaping: run after, it would read "&lt;" as a word followed by ";".
    Its output holds no new markup character, so escaping still escapes everything typed. A
    value already marked safe is HTML, and only its text is rewritten.
    """
    if isinstance(value, SafeData):
        return mark_safe(french_spacing_html(str(value)))  # noqa: S308 - only text changed
    text = french_spacing(str(value))
    return escape(text) if autoescape else text


@register.filter
def french_html(value):
    """French spacing for HTML such as rich text output (a SafeString or a RichText).

    A value not marked safe is escaped first, like `{{ value }}` would be: this filter must
    not become a way to print unreviewed markup.
    """
    return mark_safe(french_spacing_html(conditional_escape(value)))  # noqa: S308 - only text changed


@register.filter
def long_datetime(value: datetime | None) -> str:
    return dates.long_datetime(value) if value else ""


@register.filter
def long_date(value: date | None) -> str:
    return dates.long_date(value) if value else ""


@register.filter
def short_date(value: date | None) -> str:
    return dates.short_date(value) if value else ""


@register.filter
def iso_datetime(value: datetime | None) -> str:
    return dates.iso_datetime(value) if value else ""


@register.simple_tag
def published_time(value: datetime | None) -> str:
    """A `<time>` whose machine-readable instant matches the printed French date."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', dates.iso_datetime(value), dates.long_datetime(value)
    )


@register.simple_tag
def admin_site_name() -> str:
    """The name the admin's tabs end with (`GAZETTE_SITE_NAME`), where Wagtail writes its own."""
    from django.conf import settings

    return settings.WAGTAIL_SITE_NAME
