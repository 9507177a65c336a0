"""Search indexing of imported articles, and Wagtail's reference index, off the import's path.

Indexing costs about as much as the rest of the import together (each paragraph's rich text is
parsed again for its words): the import enqueues one task per committed batch, and the task
worker (`make demo` and `make serve` run it) makes them searchable shortly after. A batch that
was rolled back enqueues nothing: the task is sent on commit.
"""

from django_tasks import task
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from gazette.news.models import ArticlePage


@task()
def index_articles(pks: list[int]) -> int:
    articles = list(ArticlePage.objects.filter(pk__in=pks))
    for backend in get_search_backends():
        backend.add_bulk(ArticlePage, articles)
    for article in articles:  # « Usage » of images and pages in the admin
        ReferenceIndex.create_or_update_for_object(article)
    return len(articles)
