from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Letter

# Shown beside every subscription form and stored, word for word, with each request: the
# proof of consent is the text the reader saw, not the one the site shows today.
CONSENT_TEXT = _(
    "We will send you an e-mail to confirm: nothing is sent before you click its link. Your "
    "address is used for these letters only, never passed on, and every letter has a link "
    "to unsubscribe in one click. Your rights: « Personal data », at the foot of the page."
)


class LetterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SubscribeForm(forms.Form):
    """The reader's form. Like the comment form, its signed token is not a field: the page
    that shows it is cached, and each answer of the endpoint hands a fresh one (views.py)."""

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, such as nom@exemple.fr."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    letters = LetterChoiceField(
        label=_("Newsletters"),
        queryset=Letter.objects.active(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one newsletter."),
            "invalid_choice": _("This newsletter is no longer offered."),
            "invalid_pk_value": _("This newsletter is no longer offered."),
        },
    )
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    # The honeypot: hidden by the stylesheet, named to tempt robots, left empty by people.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, auto_id="lettre-%s", **kwargs):
        super().__init__(*args, auto_id=auto_id, **kwargs)


class PreferencesForm(forms.Form):
    letters = LetterChoiceField(
        label=_("Newsletters"),
        queryset=Letter.objects.active(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
