"""The read beacon in a real browser: one count per page view, deduplicated, behind any cache."""

import pytest

from gazette.audience.models import HourlyCount, ReferrerCount
from gazette.audience.services import flush_counts
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)
DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Safari/537.36"
)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A reader's browser: headless Chromium says « HeadlessChrome », which the crawler list
    rightly counts as a robot."""
    return {**browser_context_args, "user_agent": DESKTOP_CHROME}


def test_an_article_view_sends_one_beacon_and_counts_one_read(live_server, page):
    article = make_article(make_section(make_home(), "Monde"), "La ville tient bon")

    with page.expect_response(lambda r: "/audience/lecture/" in r.url) as beacon:
        page.goto(live_server.url + article.url, referer="https://news.google.com/")
    assert beacon.value.status == 204
    assert beacon.value.request.method == "POST"
    with page.expect_response(lambda r: "/audience/lecture/" in r.url):
        page.reload()  # the same reader, the same day: answered, not counted again
    flush_counts()

    assert HourlyCount.objects.get(article=article).views == 1
    assert list(ReferrerCount.objects.values_list("domain", flat=True)) == ["news.google.com"]
    assert page.context.cookies() == []
