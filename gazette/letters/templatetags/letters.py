"""The subscription form on cached pages: `{% load letters %}{% subscribe_form %}`.

The same bytes for every reader: no token (the script fetches one, or the endpoint hands one
back), no CSRF field, no cookie. Reading the letters records the `letters` key, so a letter
opened or closed reaches every cached page that shows the form.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from ..forms import CONSENT_TEXT, SubscribeForm
from ..models import Letter

register = template.Library()


@register.inclusion_tag("letters/tags/subscribe_form.html", takes_context=True)
def subscribe_form(context, letter=None):
    letters = list(Letter.objects.active())
    request = context.get("request")
    chosen = [letter.slug] if letter else [item.slug for item in letters[:1]]
    return {
        "letters": letters,
        "form": SubscribeForm(
            initial={"letters": chosen, "source": request.path if request else ""}
        ),
        "consent_text": CONSENT_TEXT,
    }


@register.simple_tag
def letters_stylesheet() -> str:
    """For the page's <head>, as the comments do: linked in the body beside the form, the
    stylesheet let the browser paint the page without it, then move the form once loaded (a
    layout shift)."""
    return format_html('<link rel="stylesheet" href="{}">', static("letters/letters.css"))
