"""How listings read the archive: the same teasers in the same order as the plain teaser query,
and, on SQLite, the query plans that keep them fast at 100,000 articles (bench/pages.py
measures the times; these plans are what a change of query shape would silently lose)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from gazette.core.tests.shared_data import shared
from gazette.news.models import ArticlePage

from .factories import make_article, make_author, make_home, make_section

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's query planner; PostgreSQL plans its own way"
)


@shared
def newsroom():
    """Eleven articles in two sections, by one author, four of them published in the same
    second: the order must then fall back on the page id, as `teasers()` orders it."""
    home = make_home()
    monde, culture = make_section(home, "Monde"), make_section(home, "Culture")
    author = make_author("Claire Vasseur")
    made = [
        make_article(
            monde if n % 2 else culture, f"Article {n}", authors=(author,), tags=("Climat",)
        )
        for n in range(11)
    ]
    same_second = timezone.make_aware(dt.datetime(2026, 3, 1, 9, 30))
    Page.objects.filter(pk__in=[article.pk for article in made[3:7]]).update(
        first_published_at=same_second
    )
    make_article(monde, "Brouillon", authors=(author,), tags=("Climat",), live=False)
    return {"home": home, "monde": monde, "author": author}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (lambda n: n["monde"].url, lambda n: ArticlePage.objects.descendant_of(n["monde"])),
        (
            lambda n: n["author"].get_absolute_url(),
            lambda n: ArticlePage.objects.filter(bylines__author=n["author"]),
        ),
        (lambda n: "/sujets/climat/", lambda n: ArticlePage.objects.filter(tags__slug="climat")),
    ],
    ids=["section", "author", "tag"],
)
def test_each_listing_page_holds_the_plain_teaser_querys_articles_in_its_order(
    client, newsroom, settings, url, expected
):
    settings.GAZETTE_PAGE_SIZE = 3
    wanted = list(expected(newsroom).teasers())
    shown = []
    for number in range(1, len(wanted) // 3 + 2):
        shown += client.get(url(newsroom), {"page": number}).context["articles"].object_list

    assert shown == wanted


def test_la_une_leads_with_the_newest_article_the_page_id_breaking_ties(client, newsroom):
    newest = max(ArticlePage.objects.live(), key=lambda a: (a.first_published_at, a.pk))

    assert client.get("/").context["lead"] == newest


def query_plans(client, url) -> list[dict[int, tuple[int, str]]]:
    """SQLite's plan for each SELECT the page runs, as `EXPLAIN QUERY PLAN` gives it: each
    step's parent step and text, by step id (the root's id is 0)."""
    client.get(url)  # renditions and other first-view work out of the way
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    plans = []
    with connection.cursor() as cursor:
        for query in queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
                plans.append({step: (parent, text) for step, parent, _, text in cursor.fetchall()})
    return plans


def read_under(plan, scope: int) -> str:
    """The text of every step under `scope`, nested subqueries included."""
    return "\n".join(
        text + "\n" + read_under(plan, step)
        for step, (parent, text) in plan.items()
        if parent == scope
    )


def sorts(plan) -> list[str]:
    """For each sort in the plan, what the query or subquery that sorts reads."""
    return [
        read_under(plan, parent)
        for parent, text in plan.values()
        if text.startswith("USE TEMP B-TREE FOR ORDER BY")
    ]


@sqlite_only
@pytest.mark.parametrize("private", [False, True], ids=["all public", "a private section"])
def test_la_une_reads_no_article_it_does_not_show(client, newsroom, private):
    """The lead was picked by sorting every article: « SCAN news_articlepage », then a sort.
    A view restriction adds a condition on each row read, not a sort (`visible()`)."""
    if private:
        PageViewRestriction.objects.create(page=newsroom["monde"], restriction_type="login")
    steps = "\n".join(read_under(plan, 0) for plan in query_plans(client, "/"))

    assert "SCAN news_articlepage" not in steps
    assert "USING INDEX wagtailcore_page_first_published_at" in steps


@sqlite_only
def test_author_page_sorts_ids_from_the_byline_index_and_the_page_table_alone(client, newsroom):
    """Joined to the article table before the sort, each of a prolific author's 2,000 articles
    was read whole from a wide table (41 ms at 100,000 articles on SQLite)."""
    plans = query_plans(client, newsroom["author"].get_absolute_url())
    by_author = [
        read
        for plan in plans
        for read in sorts(plan)
        if "COVERING INDEX news_byline_author_article" in read
    ]

    assert [read for read in by_author if "news_articlepage" not in read]
