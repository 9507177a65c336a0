"""The search form: every field optional, every bad value a message rather than an error page."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gazette.news.models import SectionPage

from .search import MAX_QUERY_LENGTH

EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


class SectionChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        """Digits only, and few of them: SQLite cannot even compare a number past 2⁶³ and
        raises where Django expects a miss."""
        if value not in self.empty_values and not re.fullmatch(r"[0-9]{1,18}", str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def label_from_instance(self, section):
        """Nested sections indented under their parent, as in the site's tree."""
        return "\u2014 " * (section.depth - 3) + section.title


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    rubrique = SectionChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),  # the site's: see __init__
        required=False,
        empty_label=_("All sections"),
    )
    du = forms.DateField(label=_("From date"), required=False, widget=DateInput())
    au = forms.DateField(label=_("To date"), required=False, widget=DateInput())

    def __init__(self, data, *, site):
        """The sections of `site` that every reader may open: the one searched belongs to it."""
        super().__init__(data)
        sections = SectionPage.objects.in_site(site).visible().order_by("path")
        self.fields["rubrique"].queryset = sections

    def clean_q(self):
        """Truncated, not refused: a pasted paragraph still searches its first words."""
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def _clean_date(self, name):
        """Dates a datetime can take in any time zone: year 1 in Paris is before year 1 in UTC."""
        value = self.cleaned_data[name]
        if value and not EARLIEST <= value <= LATEST:
            raise ValidationError(_("Enter a date between 1900 and 2999."))
        return value

    def clean_du(self):
        return self._clean_date("du")

    def clean_au(self):
        return self._clean_date("au")
