"""Stored values as the admin shows them to a newsroom.

Wagtail prints what Python prints: « None », « False », « [] », and a datetime in UTC when a
template formats it before converting it (the inspect view's `|localize`), an hour off the
public page. Here, nothing is « — », booleans are « Oui » / « Non », lists are joined, and
times are Paris times written as the site writes them."""

from datetime import datetime

from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel

from .dates import long_datetime
from .typography import NBSP


def shown(value):
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return long_datetime(value).removeprefix(f"le{NBSP}")
    if isinstance(value, list | tuple):
        return " ; ".join(str(item) for item in value)
    return value


class ShownFieldPanel(FieldPanel):
    """A field shown as above when read-only."""

    def format_value_for_display(self, value):
        return shown(super().format_value_for_display(value))
