"""Date archives: a year, a month, on the Paris calendar, paginated, 404 for a period that
cannot be or holds nothing."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import make_article

PARIS = ZoneInfo("Europe/Paris")


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.findall(
        r'class="teaser-title"><a href="[^"]*">([^<]*)</a>', response.content.decode()
    )


@shared
def summer(monde):
    for title, when in [
        ("Fin juin", dt.datetime(2025, 6, 30, 23, 30, tzinfo=PARIS)),  # 21 h 30 UTC
        ("Début juillet", dt.datetime(2025, 7, 1, 0, 30, tzinfo=PARIS)),  # 30 juin, 22 h 30 UTC
        ("Fin juillet", dt.datetime(2025, 7, 31, 23, 30, tzinfo=PARIS)),
        ("Début août", dt.datetime(2025, 8, 1, 0, 30, tzinfo=PARIS)),
        ("Nouvel an", dt.datetime(2026, 1, 1, 0, 5, tzinfo=PARIS)),
    ]:
        make_article(monde, title, first_published_at=when)
    make_article(
        monde,
        "Brouillon de juillet",
        live=False,
        first_published_at=dt.datetime(2025, 7, 10, tzinfo=PARIS),
    )


@pytest.mark.django_db
def test_a_month_holds_its_paris_days_newest_first(client, summer):
    assert titles(client, "/archives/2025/07/") == ["Fin juillet", "Début juillet"]
    assert titles(client, "/archives/2025/06/") == ["Fin juin"]


@pytest.mark.django_db
def test_a_year_holds_its_months_and_the_index_lists_them(client, summer):
    assert titles(client, "/archives/2025/") == [
        "Début août",
        "Fin juillet",
        "Début juillet",
        "Fin juin",
    ]
    assert titles(client, "/archives/2026/") == ["Nouvel an"]
    index = client.get("/archives/").content.decode()
    months = re.findall(r'href="(/archives/\d+/\d+/)">([^<]+)<', index)
    assert months == [
        ("/archives/2026/1/", "janvier"),
        ("/archives/2025/8/", "août"),
        ("/archives/2025/7/", "juillet"),
        ("/archives/2025/6/", "juin"),
    ]
    assert client.get("/archives/2026/1/").status_code == 200


@pytest.mark.django_db
def test_archives_are_paginated(client, summer, settings):
    settings.GAZETTE_PAGE_SIZE = 1
    assert titles(client, "/archives/2025/07/?page=2") == ["Début juillet"]
    assert client.get("/archives/2025/07/?page=3").status_code == 404
    assert client.get("/archives/2025/07/?page=abc").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/archives/2025/13/",
        "/archives/2025/0/",
        "/archives/0/",
        "/archives/99999/",
        "/archives/2025/05/",
        "/archives/2024/",
        "/archives/2025/juillet/",
    ],
)
def test_impossible_or_empty_periods_are_404(client, summer, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_archives_are_public_pages(client, summer):
    response = client.get("/archives/2025/07/")
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert not response.cookies
