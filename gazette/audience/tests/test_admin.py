"""The audience pages of the admin: who sees them, what they show, what the CSV holds."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from gazette.audience.models import HourlyCount, ReferrerCount
from gazette.news.newsroom import ADMINISTRATOR, EDITOR, MODERATOR, WRITER
from gazette.news.tests.factories import fr, make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(monde, sport):
    """Two articles read over the last days, one signed by two authors."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    claire, paul = make_author("Claire Vasseur"), make_author("Paul Martin")
    front = make_article(monde, "=Une formule", authors=(claire, paul))
    match = make_article(sport, "Le match", authors=(paul,))
    for days_ago, views in ((0, 7), (1, 3), (3, 5)):
        HourlyCount.objects.create(article=front, hour=now - timedelta(days=days_ago), views=views)
    HourlyCount.objects.create(article=match, hour=now, views=4)
    ReferrerCount.objects.create(day=timezone.localdate(), domain="news.google.com", views=6)
    return front, match


def logged_in(client, django_user_model, group):
    user = django_user_model.objects.create_user(f"user-{group}", password="x" * 20)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("group", "allowed"),
    [(EDITOR, True), (ADMINISTRATOR, True), (WRITER, False), (MODERATOR, False)],
)
def test_editors_and_administrators_see_the_audience(
    client, django_user_model, home, group, allowed
):
    logged_in(client, django_user_model, group)

    report = client.get(reverse("audience_report"))
    export = client.get(reverse("audience_export"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert (report.status_code == 200) is allowed
    assert (export.status_code == 200) is allowed
    assert (reverse("audience_report") in dashboard) is allowed


def test_the_report_draws_an_accessible_chart_and_its_table(client, django_user_model, figures):
    logged_in(client, django_user_model, EDITOR)

    html = client.get(reverse("audience_report")).content.decode()

    assert 'role="img" aria-labelledby="audience-chart-title audience-chart-desc"' in html
    assert '<title id="audience-chart-title">' in html and '<desc id="audience-chart-desc">' in html
    assert html.count("<rect ") == 30  # one bar a day, days without reads included
    assert "<table" in html and "=Une formule" in html and "Le match" in html
    assert "news.google.com" in html
    assert "Paul Martin" in html and "Claire Vasseur" in html


def test_the_report_filters_by_section(client, django_user_model, figures, sport):
    logged_in(client, django_user_model, EDITOR)

    html = client.get(reverse("audience_report"), {"section": sport.pk}).content.decode()

    assert "Le match" in html and "=Une formule" not in html


def test_a_backwards_period_is_an_error_not_a_crash(client, django_user_model, figures):
    logged_in(client, django_user_model, EDITOR)
    period = {"start": "2025-05-10", "end": "2025-05-01"}

    response = client.get(reverse("audience_report"), period)

    assert response.status_code == 200
    assert fr("The start of the period must come before its end.") in response.content.decode()
    assert client.get(reverse("audience_export"), period).status_code == 400


def test_csv_export_has_a_french_header_and_a_line_per_article_and_day(
    client, django_user_model, figures
):
    logged_in(client, django_user_model, EDITOR)
    today = timezone.localdate()

    response = client.get(
        reverse("audience_export"),
        {"start": (today - timedelta(days=6)).isoformat(), "end": today.isoformat()},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == [fr(w) for w in ("Day", "Article", "Section", "Authors", "Views", "URL")]
    by_day = {(row[0], row[1]): row for row in rows[1:]}
    front = by_day[(today.isoformat(), "'=Une formule")]  # no formula for Excel to run
    assert front[2:5] == ["Monde", "Claire Vasseur, Paul Martin", "7"]
    assert front[5].endswith("/monde/une-formule/")
    assert sum(int(row[4]) for row in rows[1:]) == 7 + 3 + 5 + 4


def test_the_dashboard_panel_shows_the_week(client, django_user_model, figures):
    logged_in(client, django_user_model, EDITOR)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert fr("Audience over the last 7 days") in html
    assert "=Une formule" in html and "Le match" in html
