"""Author and tag pages: plain views, as neither is a page an editor writes in the tree.

Both list through `paginate()` and its `TeaserPaginator`, like sections, so they share the
section's fixed query count and its 404 for a page number that is not a page; both are public
pages under the caching invariant, hence `cache_public`. Their articles are picked by id from
the byline and tag tables, which the page table is then filtered on: no join to the article
table before the sort (see `newest_first()`).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag
from wagtail.models import Page

from gazette.core.cache import cache_public

from .models import ArticleTag, Author, TeaserPaginator, paginate


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = paginate(
        request,
        Page.objects.filter(pk__in=author.bylines.values("article_id")),
        settings.GAZETTE_PAGE_SIZE,
        paginator_class=TeaserPaginator,
    )
    response = render(request, "news/author_page.html", {"author": author, "articles": articles})
    return cache_public(response)


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = paginate(
        request,
        Page.objects.filter(pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id")),
        settings.GAZETTE_PAGE_SIZE,
        paginator_class=TeaserPaginator,
    )
    return cache_public(render(request, "news/tag_page.html", {"tag": tag, "articles": articles}))
