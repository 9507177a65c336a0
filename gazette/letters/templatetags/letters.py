"""The subscription form on cached pages: `{% load letters %}{% subscribe_form %}`.

The same bytes for every reader: no token (the script fetches one, or the endpoint hands one
back), no CSRF field, no cookie. Reading the letters records the `letters` key, so a letter
opened or closed reaches every cached page that shows the form.
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

from gazette.core import invalidation

from ..forms import CONSENT_TEXT, SubscribeForm
from ..models import Letter

register = template.Library()

ACTIVE = "gazette:letters:active:v1"


def active_letters() -> list[Letter]:
    """The open letters, kept as the site settings are (gazette/core/cached_settings.py): the
    form is on every page, and the list changes a few times a year. It is kept with the
    `letters` key its rows record, which each page showing it records again, and which saving
    or deleting a letter purges (signal_handlers.py): the kept list goes stale with the pages
    that showed it. One query fewer on every page."""
    return invalidation.cached(
        ACTIVE, lambda: list(Letter.objects.active()), timeout=settings.GAZETTE_SHARED_MAX_AGE
    )


@register.inclusion_tag("letters/tags/subscribe_form.html", takes_context=True)
def subscribe_form(context, letter=None):
    letters = active_letters()
    request = context.get("request")
    chosen = [letter.slug] if letter else [item.slug for item in letters[:1]]
    form = SubscribeForm(initial={"letters": chosen, "source": request.path if request else ""})
    # Its choices made from the kept list, as Django makes them: from its queryset, the field
    # would read the letters again when rendered.
    field = form.fields["letters"]
    choice = field.iterator(field).choice
    field.choices = [choice(item) for item in letters]
    return {"letters": letters, "form": form, "consent_text": CONSENT_TEXT}


@register.simple_tag
def letters_stylesheet() -> str:
    """For the page's <head>, as the comments do: linked in the body beside the form, the
    stylesheet let the browser paint the page without it, then move the form once loaded (a
    layout shift)."""
    return format_html('<link rel="stylesheet" href="{}">', static("letters/letters.css"))
