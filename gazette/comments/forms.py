from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from gazette.core.converters import MAX_ID

from .models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, URL_MAX_LENGTH


class CommentTextField(forms.CharField):
    """Browsers send line breaks as CRLF but count them as one character for `maxlength`:
    normalised first, so a text the browser accepted is never refused as too long."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class WebAddressField(forms.URLField):
    """Only web addresses: « javascript: » or « ftp: » would never make a useful link."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class CommentForm(forms.Form):
    """The reader's form. The signed token is not a field: each answer of the submit endpoint
    hands a fresh one, whatever was posted (see views.py)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Your e-mail address will not be published."),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, such as nom@exemple.fr."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = WebAddressField(
        label=_("Website"),
        required=False,
        max_length=URL_MAX_LENGTH,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, such as https://exemple.fr.")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    text = CommentTextField(
        label=_("Comment"),
        max_length=TEXT_MAX_LENGTH,
        error_messages={"required": _("Please write your comment.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden by the stylesheet, named to tempt robots, left empty by people.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article

    def clean_parent(self):
        """A reply goes under a published comment of the same article, or nowhere."""
        pk = self.cleaned_data["parent"]
        if pk is None:
            return None
        parent = MAX_ID >= pk > 0 and self.article.comments.visible().filter(pk=pk).first()
        if not parent:
            raise forms.ValidationError(
                _("The comment you are replying to is no longer available.")
            )
        return parent
