"""Dates as French newspapers print them, on the newsroom's clock.

Month names come from the table below, not from gettext or `date_format`: a printed date is
part of the article, and must read the same in every context where an article is rendered,
including one that activated another language (the English admin of an editor previewing a
page, a task with no language). The 12 words will not change; a table is also one lookup
where `translation.override` would swap the active catalog for each date of a home page.

Times are Paris times, whatever time zone a request or a test activated: the site reports on
events in France, and one article must not show two hours to two readers, nor to the cache
serving them. A naive datetime is taken as Paris wall-clock time, as Django does when it
saves one with USE_TZ on.

Spaces: U+00A0 keeps "le 8 juillet" and "à 14 h 30" on one line; a line may only break
before the year and before "à".
"""

from datetime import date, datetime

from django.utils import timezone

from gazette.core.typography import NBSP

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_ABBREVIATED = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def long_datetime(value: datetime) -> str:
    """« le 8 juillet 2025 à 14 h 30 »: Django's fr formats would print « 8 juillet 2025 14:30 »."""
    local = _in_paris(value)
    return f"{long_date(local)} à{NBSP}{clock_time(local)}"


def clock_time(value: datetime) -> str:
    """« 14 h 32 », the time of day alone (live entries of the same day)."""
    local = _in_paris(value)
    return f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"


def long_date(value: date) -> str:
    """« le 1er août 2025 »; a datetime counts on the Paris day, not the UTC one."""
    day = _in_paris(value) if isinstance(value, datetime) else value
    return f"le{NBSP}{_day_number(day)}{NBSP}{MONTHS[day.month - 1]} {day.year}"


def short_date(value: date) -> str:
    """« 8 juil. 2025 », for teasers and lists where the long form takes a line of its own."""
    day = _in_paris(value) if isinstance(value, datetime) else value
    return f"{_day_number(day)}{NBSP}{MONTHS_ABBREVIATED[day.month - 1]} {day.year}"


def iso_datetime(value: datetime) -> str:
    """For `<time datetime>`: seconds and the Paris offset, so it says the same instant as the
    printed date next to it (2025-07-08T14:30:00+02:00)."""
    return _in_paris(value).isoformat(timespec="seconds")


def _in_paris(value: datetime) -> datetime:
    paris = timezone.get_default_timezone()
    if timezone.is_naive(value):
        return timezone.make_aware(value, paris)
    return timezone.localtime(value, paris)


def _day_number(value: date) -> str:
    return "1er" if value.day == 1 else str(value.day)
