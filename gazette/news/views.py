"""Author and tag pages: plain views, as neither is a page an editor writes in the tree.

Both list through `paginate()` and its `TeaserPaginator`, like sections, so they share the
section's fixed query count and its 404 for a page number that is not a page; both are public
pages under the caching invariant, hence `cache_public`. Authors and topics belong to no site:
each site's page lists that site's articles only.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.sites import site_or_404

from .models import Author, TeaserPaginator, paginate, tagged_pages
from .tags import moved_tag


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    invalidation.record(f"list:author:{author.pk}")  # what their next article enters
    articles = paginate(
        request,
        author.article_pages().in_site(site_or_404(request)),
        settings.GAZETTE_PAGE_SIZE,
        paginator_class=TeaserPaginator,
    )
    response = render(request, "news/author_page.html", {"author": author, "articles": articles})
    return cache_public(response)


def tag_page(request, slug):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        moved = moved_tag(slug)  # an accented address from before ASCII slugs
        if moved is None:
            raise Http404(slug)
        return redirect("news:tag", moved.slug, permanent=True)
    invalidation.record(f"list:tag:{tag.pk}")  # what the next article on it enters
    articles = paginate(
        request,
        tagged_pages(tag).in_site(site_or_404(request)),
        settings.GAZETTE_PAGE_SIZE,
        paginator_class=TeaserPaginator,
    )
    return cache_public(render(request, "news/tag_page.html", {"tag": tag, "articles": articles}))
