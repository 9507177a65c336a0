from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gazette.news.models import SectionPage

MAX_DAYS = 366


class PeriodForm(forms.Form):
    """The report's period and section, from the query string; empty means the last 30 days
    of the whole site, so that the page and its CSV link always have an answer."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    section = forms.ModelChoiceField(
        SectionPage.objects.live().order_by("path"),
        label=_("Section"),
        required=False,
        empty_label=_("All sections"),
    )

    def __init__(self, data=None, **kwargs):
        today = timezone.localdate()
        defaults = {"start": today - timedelta(days=29), "end": today}
        given = {key: value for key, value in (data or {}).items() if value}
        data = {**{key: value.isoformat() for key, value in defaults.items()}, **given}
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must come before its end."))
        if start and end and (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most a year."))
        return cleaned

    def period(self) -> tuple[date, date]:
        return self.cleaned_data["start"], self.cleaned_data["end"]
