"""The subscription form on cached pages: `{% load letters %}{% subscribe_form %}`.

The same bytes for every reader: no token (the script fetches one, or the endpoint hands one
back), no CSRF field, no cookie. Reading the letters records the `letters` key, so a letter
opened or closed reaches every cached page that shows the form.
"""

from django import template

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
