"""The bulk indexing of new pages writes what Wagtail's page-by-page indexing writes."""

import pytest
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from gazette.findability.indexing import index_new_pages, with_relations
from gazette.news.models import ArticleAuthor, ArticlePage, Author
from gazette.news.tests.factories import make_article

pytestmark = pytest.mark.django_db


def entries(articles):
    rows = IndexEntry.objects.filter(object_id__in=[str(a.pk) for a in articles])
    return sorted(rows.values_list("object_id", "title", "autocomplete", "body"))


def references(articles):
    rows = ReferenceIndex.objects.filter(object_id__in=[str(a.pk) for a in articles])
    return sorted(rows.values_list("object_id", "to_object_id", "model_path", "content_path"))


def test_bulk_indexing_writes_what_wagtail_writes_page_by_page(culture):
    author = Author.objects.create(name="Rose Ferrand")
    articles = [
        make_article(culture, f"Les élections de {month}", standfirst="Chevaux et écluses")
        for month in ("mai", "juin")
    ]
    for article in articles:
        ArticleAuthor.objects.create(article=article, author=author)
        article.tags.add("Municipales")
        article.save()
    pages = list(with_relations(ArticlePage.objects.filter(pk__in=[a.pk for a in articles])))
    backend = get_search_backend()
    for page in pages:  # Wagtail's own, as a save does it
        backend.add(page)
        ReferenceIndex.create_or_update_for_object(page)
    expected = entries(pages), references(pages)
    IndexEntry.objects.all().delete()
    ReferenceIndex.objects.all().delete()

    index_new_pages(pages)
    index_new_pages(pages)  # a retried task: nothing doubled

    assert (entries(pages), references(pages)) == expected
    assert any("author" in path for _, _, path, _ in expected[1])
    assert [a.pk for a in ArticlePage.objects.search("élection municipale")] != []
