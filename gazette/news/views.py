"""Author and tag pages: plain views, as neither is a page an editor writes in the tree.

Both list through `teasers()` and `paginate()`, like sections, so they share the section's
fixed query count and its 404 for a page number that is not a page; both are public pages
under the caching invariant, hence `cache_public`.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from gazette.core.cache import cache_public

from .models import ArticlePage, Author, paginate


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = paginate(
        request,
        ArticlePage.objects.teasers().filter(bylines__author=author),
        settings.GAZETTE_PAGE_SIZE,
    )
    response = render(request, "news/author_page.html", {"author": author, "articles": articles})
    return cache_public(response)


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = paginate(
        request,
        ArticlePage.objects.teasers().filter(tagged_items__tag=tag),
        settings.GAZETTE_PAGE_SIZE,
    )
    return cache_public(render(request, "news/tag_page.html", {"tag": tag, "articles": articles}))
