"""A moderator's decision reaches the cached article page on the next request, and only it."""

import pytest

from gazette.comments import services
from gazette.news.tests.factories import make_article
from gazette.news.tests.test_page_cache import get

from .factories import make_comment

pytestmark = pytest.mark.django_db


def test_approving_and_removing_a_comment_refresh_the_article_only(
    article, moderation, moderator, section, django_capture_on_commit_callbacks
):
    other = make_article(section, "Une autre affaire")
    comment = make_comment(article, "Un avis très argumenté.", status="pending")
    paths = [article.url, other.url, "/"]
    for path in paths:
        get(path)
        assert get(path)["cache"] == "hit"
    assert "très argumenté" not in get(article.url)["body"].decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_comment(comment, moderator=moderator)
    page = get(article.url)
    assert page["cache"] == "miss" and "très argumenté" in page["body"].decode()
    assert get(other.url)["cache"] == "hit"
    assert get("/")["cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.trash_comment(comment, moderator=moderator)
    assert "très argumenté" not in get(article.url)["body"].decode()
