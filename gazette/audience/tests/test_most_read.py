"""« Les + Lus »: windows, sections, the cache the widget reads, and the change signal."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone
from wagtail.models import PageViewRestriction

from gazette.audience.models import HourlyCount
from gazette.audience.services import MOST_READ_KEY, compute_most_read, refresh_most_read
from gazette.audience.signals import most_read_changed
from gazette.audience.templatetags.audience import cached_ranking
from gazette.news.tests.factories import fr, make_article

pytestmark = pytest.mark.django_db


def add_views(article, views, *, hours_ago=1, now=None):
    hour = (now or timezone.now()).replace(minute=0, second=0, microsecond=0)
    HourlyCount.objects.create(article=article, hour=hour - timedelta(hours=hours_ago), views=views)


def titles(entries) -> list[str]:
    return [entry.title for entry in entries]


def render(template="{% load audience %}{% most_read %}", **context) -> str:
    return Template(template).render(Context(context))


def test_24_hours_and_7_days_rank_each_their_own_window(monde):
    yesterday = make_article(monde, "Lu hier soir")
    this_morning = make_article(monde, "Lu ce matin")
    last_week = make_article(monde, "Lu la semaine dernière")
    add_views(yesterday, 50, hours_ago=30)
    add_views(this_morning, 10, hours_ago=2)
    add_views(last_week, 500, hours_ago=8 * 24)

    ranking = compute_most_read(now=timezone.now())

    assert titles(ranking.site["day"]) == ["Lu ce matin"]
    assert titles(ranking.site["week"]) == ["Lu hier soir", "Lu ce matin"]


def test_the_current_hour_counts_and_the_25th_does_not(monde):
    now = timezone.now()
    edge = make_article(monde, "Il y a 24 heures")
    current = make_article(monde, "Cette heure-ci")
    add_views(edge, 9, hours_ago=24, now=now)
    add_views(current, 1, hours_ago=0, now=now)

    assert titles(compute_most_read(now=now).site["day"]) == ["Cette heure-ci"]


def test_a_list_holds_five_articles_most_read_first(monde):
    for views in range(1, 8):
        add_views(make_article(monde, f"Lu {views} fois"), views)

    day = compute_most_read(now=timezone.now()).site["day"]

    assert titles(day) == [f"Lu {views} fois" for views in (7, 6, 5, 4, 3)]


def test_a_section_lists_its_own_articles_and_its_subsections(monde, europe, sport):
    add_views(make_article(monde, "Monde"), 3)
    add_views(make_article(europe, "Europe"), 2)
    add_views(make_article(sport, "Sport"), 10)

    sections = compute_most_read(now=timezone.now()).sections

    assert titles(sections[monde.pk]["day"]) == ["Monde", "Europe"]
    assert titles(sections[europe.pk]["day"]) == ["Europe"]
    assert titles(sections[sport.pk]["day"]) == ["Sport"]


def test_only_live_public_articles_are_listed(home, monde):
    private = make_section_with_restriction(home)
    add_views(make_article(monde, "Publié"), 1)
    add_views(make_article(monde, "Dépublié", live=False), 10)
    add_views(make_article(private, "Réservé aux abonnés"), 10)

    assert titles(compute_most_read(now=timezone.now()).site["week"]) == ["Publié"]


def make_section_with_restriction(home):
    from gazette.news.tests.factories import make_section

    section = make_section(home, "Coulisses")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    return section


def test_the_widget_reads_no_database_when_the_ranking_is_cached(
    article, django_assert_num_queries
):
    add_views(article, 4)
    refresh_most_read(now=timezone.now())

    with django_assert_num_queries(0):
        html = render()

    assert f'<a href="{article.url}">La ville tient bon</a>' in html


def test_a_cold_widget_computes_once_then_reads_the_cache(article, django_assert_num_queries):
    add_views(article, 4)
    assert "La ville tient bon" in render()  # computes and caches

    with django_assert_num_queries(0):
        render()


def test_a_stale_ranking_is_computed_again(monde, settings):
    first = make_article(monde, "Premier")
    add_views(first, 1)
    refresh_most_read(now=timezone.now() - timedelta(seconds=settings.GAZETTE_MOST_READ_SECONDS))
    add_views(make_article(monde, "Second"), 5)
    now = timezone.now() + timedelta(seconds=61)

    assert titles(cached_ranking(now=now).site["day"]) == ["Second", "Premier"]


def test_pages_show_the_site_list_and_sections_their_own(client, monde, sport):
    add_views(make_article(monde, "Lu à l'étranger"), 3)
    add_views(make_article(sport, "Lu au stade"), 5)

    home_html = client.get("/").content.decode()
    aside = home_html[home_html.index('<aside class="most-read"') :]
    aside = aside[: aside.index("</aside>")]
    assert fr("Most read") in aside and fr("Last 24 hours") in aside
    assert aside.index("Lu au stade") < aside.index("Lu à l’étranger")  # typography applied

    section_html = client.get(monde.url).content.decode()
    section_aside = section_html[section_html.index('<aside class="most-read"') :]
    section_aside = section_aside[: section_aside.index("</aside>")]
    own, site_wide = section_aside.split("</section>", 1)
    assert fr("Most read in %(section)s") % {"section": "Monde"} in own
    assert "Lu au stade" not in own and "Lu au stade" in site_wide
    for html in [home_html, section_html]:  # the column opens before the article, not after
        assert '<div class="layout with-most-read">' in html


def test_without_figures_the_aside_is_empty_and_hidden(client, article):
    html = client.get(article.url).content.decode()

    assert f'<aside class="most-read" aria-label="{fr("Most read")}"></aside>' in html
    assert '<div class="layout">' in html


def test_an_unpublished_article_leaves_the_list_at_once(
    client, article, django_capture_on_commit_callbacks
):
    add_views(article, 3)
    assert "La ville tient bon" in render()

    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert cache.get(MOST_READ_KEY) is None
    assert "La ville tient bon" not in render()


def test_the_change_signal_names_what_changed_and_only_when_it_did(monde, sport):
    calls = []

    def receiver(sender, site_wide, sections, **kwargs):
        calls.append((site_wide, sections))

    most_read_changed.connect(receiver)
    try:
        add_views(make_article(sport, "Sport"), 5)
        now = timezone.now()
        refresh_most_read(now=now)
        refresh_most_read(now=now + timedelta(minutes=5))  # same figures: no signal
        add_views(make_article(monde, "Monde"), 9)
        refresh_most_read(now=now + timedelta(minutes=10))
    finally:
        most_read_changed.disconnect(receiver)

    assert calls == [(True, {sport.pk}), (True, {monde.pk})]


def test_a_ranking_made_before_an_article_became_private_is_not_shown(
    article, django_capture_on_commit_callbacks
):
    add_views(article, 4)
    refresh_most_read(now=timezone.now())
    assert "La ville tient bon" in render()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="abonnés"
        )

    assert "La ville tient bon" not in render()
