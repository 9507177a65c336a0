"""Search indexing of imported articles, and Wagtail's reference index, off the import's path.

Indexing costs about as much as the rest of the import together (each paragraph's rich text is
parsed again for its words): the import enqueues one task per committed batch, and the task
worker (`make demo` and `make serve` run it) makes them searchable shortly after, a batch at a
time (`gazette.findability.indexing`). A batch that was rolled back enqueues nothing: the task
is sent on commit.
"""

from django_tasks import task

from gazette.findability.indexing import index_new_pages, with_relations
from gazette.news.models import ArticlePage


@task()
def index_articles(pks: list[int]) -> int:
    articles = list(with_relations(ArticlePage.objects.filter(pk__in=pks)))
    index_new_pages(articles)
    return len(articles)
