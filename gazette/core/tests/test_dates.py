from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from gazette.core.dates import iso_datetime, long_date, long_datetime, short_date

NEW_YORK = ZoneInfo("America/New_York")


def fr(expected: str) -> str:
    """Expected strings are written with "~" for U+00A0 to stay readable."""
    return expected.replace("~", "\u00a0")


LONG_DATETIMES = [
    (datetime(2025, 7, 8, 12, 30, tzinfo=UTC), "le~8~juillet 2025 à~14~h~30"),
    (datetime(2025, 1, 15, 12, 0, tzinfo=UTC), "le~15~janvier 2025 à~13~h~00"),
    (datetime(2025, 8, 1, 7, 5, tzinfo=UTC), "le~1er~août 2025 à~9~h~05"),
    (datetime(2025, 7, 7, 22, 0, tzinfo=UTC), "le~8~juillet 2025 à~0~h~00"),
    (datetime(2025, 7, 8, 21, 59, tzinfo=UTC), "le~8~juillet 2025 à~23~h~59"),
    (datetime(2025, 7, 31, 23, 30, tzinfo=UTC), "le~1er~août 2025 à~1~h~30"),
    (datetime(2025, 12, 31, 23, 30, tzinfo=UTC), "le~1er~janvier 2026 à~0~h~30"),
    (datetime(2025, 11, 11, 10, 59, 59, 999999, tzinfo=UTC), "le~11~novembre 2025 à~11~h~59"),
    # spring forward, 2025-03-30: 2:00 CET jumps to 3:00 CEST
    (datetime(2025, 3, 30, 0, 30, tzinfo=UTC), "le~30~mars 2025 à~1~h~30"),
    (datetime(2025, 3, 30, 1, 30, tzinfo=UTC), "le~30~mars 2025 à~3~h~30"),
    # fall back, 2025-10-26: 2:30 happens twice, an hour apart
    (datetime(2025, 10, 26, 0, 30, tzinfo=UTC), "le~26~octobre 2025 à~2~h~30"),
    (datetime(2025, 10, 26, 1, 30, tzinfo=UTC), "le~26~octobre 2025 à~2~h~30"),
    (datetime(2025, 10, 26, 2, 30, tzinfo=UTC), "le~26~octobre 2025 à~3~h~30"),
    (
        datetime(2025, 7, 8, 8, 30, tzinfo=NEW_YORK),
        "le~8~juillet 2025 à~14~h~30",
    ),
    # naive datetimes are Paris wall-clock time
    (datetime(2025, 7, 8, 14, 30), "le~8~juillet 2025 à~14~h~30"),
    (datetime(2025, 1, 1, 0, 0), "le~1er~janvier 2025 à~0~h~00"),
]


@pytest.mark.parametrize(("value", "expected"), LONG_DATETIMES)
def test_long_datetime_is_press_style_in_paris_time(value, expected):
    assert long_datetime(value) == fr(expected)


ISO_DATETIMES = [
    (datetime(2025, 7, 8, 12, 30, tzinfo=UTC), "2025-07-08T14:30:00+02:00"),
    (datetime(2025, 1, 15, 12, 0, tzinfo=UTC), "2025-01-15T13:00:00+01:00"),
    (datetime(2025, 7, 8, 12, 30, 15, 123456, tzinfo=UTC), "2025-07-08T14:30:15+02:00"),
    (datetime(2025, 3, 30, 0, 30, tzinfo=UTC), "2025-03-30T01:30:00+01:00"),
    (datetime(2025, 3, 30, 1, 30, tzinfo=UTC), "2025-03-30T03:30:00+02:00"),
    (datetime(2025, 10, 26, 0, 30, tzinfo=UTC), "2025-10-26T02:30:00+02:00"),
    (datetime(2025, 10, 26, 1, 30, tzinfo=UTC), "2025-10-26T02:30:00+01:00"),
    (datetime(2025, 7, 8, 8, 30, tzinfo=NEW_YORK), "2025-07-08T14:30:00+02:00"),
    (datetime(2025, 7, 8, 14, 30), "2025-07-08T14:30:00+02:00"),
    (datetime(2025, 1, 15, 9, 5), "2025-01-15T09:05:00+01:00"),
]


@pytest.mark.parametrize(("value", "expected"), ISO_DATETIMES)
def test_iso_datetime_carries_the_paris_offset(value, expected):
    assert iso_datetime(value) == expected


LONG_DATES = [
    (date(2025, 8, 1), "le~1er~août 2025"),
    (date(2025, 7, 8), "le~8~juillet 2025"),
    (date(2024, 2, 29), "le~29~février 2024"),
    (datetime(2025, 7, 31, 23, 30, tzinfo=UTC), "le~1er~août 2025"),
    (datetime(2025, 7, 31, 21, 30, tzinfo=UTC), "le~31~juillet 2025"),
    (datetime(2025, 12, 31, 23, 30, tzinfo=UTC), "le~1er~janvier 2026"),
    (datetime(2025, 12, 31, 22, 59, tzinfo=UTC), "le~31~décembre 2025"),
    (datetime(2025, 7, 31, 23, 30), "le~31~juillet 2025"),
]


@pytest.mark.parametrize(("value", "expected"), LONG_DATES)
def test_long_date_counts_the_paris_day(value, expected):
    assert long_date(value) == fr(expected)


SHORT_DATES = [
    (date(2025, 7, 8), "8~juil. 2025"),
    (date(2025, 2, 1), "1er~févr. 2025"),
    (datetime(2025, 6, 30, 22, 30, tzinfo=UTC), "1er~juil. 2025"),
    (datetime(2025, 6, 30, 21, 30, tzinfo=UTC), "30~juin 2025"),
]


@pytest.mark.parametrize(("value", "expected"), SHORT_DATES)
def test_short_date_abbreviates_the_month(value, expected):
    assert short_date(value) == fr(expected)


MONTHS = [
    (1, "janvier", "janv."),
    (2, "février", "févr."),
    (3, "mars", "mars"),
    (4, "avril", "avr."),
    (5, "mai", "mai"),
    (6, "juin", "juin"),
    (7, "juillet", "juil."),
    (8, "août", "août"),
    (9, "septembre", "sept."),
    (10, "octobre", "oct."),
    (11, "novembre", "nov."),
    (12, "décembre", "déc."),
]


@pytest.mark.parametrize(("month", "name", "abbreviation"), MONTHS)
def test_every_month_is_named_in_french(month, name, abbreviation):
    assert long_date(date(2025, month, 15)) == fr(f"le~15~{name} 2025")
    assert short_date(date(2025, month, 15)) == fr(f"15~{abbreviation} 2025")


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_month_names_stay_french_whatever_the_active_language(language):
    value = datetime(2025, 8, 1, 7, 5, tzinfo=UTC)
    with translation.override(language):
        assert long_datetime(value) == fr("le~1er~août 2025 à~9~h~05")
        assert short_date(value) == fr("1er~août 2025")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York", "UTC"])
def test_paris_time_whatever_the_active_time_zone(zone):
    value = datetime(2025, 7, 8, 12, 30, tzinfo=UTC)
    with timezone.override(ZoneInfo(zone)):
        assert long_datetime(value) == fr("le~8~juillet 2025 à~14~h~30")
        assert iso_datetime(value) == "2025-07-08T14:30:00+02:00"
        assert long_date(datetime(2025, 7, 31, 23, 30, tzinfo=UTC)) == fr("le~1er~août 2025")


def test_long_datetime_may_only_wrap_before_the_year_and_before_a():
    words = long_datetime(datetime(2025, 7, 8, 12, 30, tzinfo=UTC)).split(" ")
    assert words == [fr("le~8~juillet"), "2025", fr("à~14~h~30")]
