"""Search pages are purged again when Wagtail's index update (a background task) ends: a reader
who searched between the publication's purge and the index update would otherwise keep the
old results in the page cache until the next purge."""

import pytest
from modelsearch.tasks import insert_or_update_object_task

from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.models import ArticlePage
from gazette.news.tests.factories import make_article, make_home, make_section
from gazette.news.tests.test_page_cache import application

pytestmark = pytest.mark.django_db


def search(words: str) -> dict:
    return wsgi_request(application, "/recherche/", query=f"q={words}")


def test_the_end_of_an_index_update_purges_the_search_pages(django_capture_on_commit_callbacks):
    article = make_article(make_section(make_home(), "Monde"), "Sommet à Bruxelles")
    search("sommet")
    assert search("sommet")["cache"] == "hit"
    # The row changed and nothing purged yet: the index task has not run.
    ArticlePage.objects.filter(pk=article.pk).update(title="Sommet à Genève")
    assert search("sommet")["cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        insert_or_update_object_task.enqueue("news", "articlepage", str(article.pk))
    answer = search("sommet")
    assert answer["cache"] == "miss"
    assert "Genève" in answer["body"].decode()


def test_other_tasks_purge_nothing(django_capture_on_commit_callbacks):
    from gazette.news.scheduling import publish_scheduled

    make_article(make_section(make_home(), "Monde"), "Sommet à Bruxelles")
    search("sommet")
    with django_capture_on_commit_callbacks(execute=True):
        publish_scheduled.enqueue()  # nothing is due
    assert search("sommet")["cache"] == "hit"
