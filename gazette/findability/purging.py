"""What findability shows of a page or an author, for the purge list of gazette/news/purging.py:
feeds, sitemaps and archives. A sitemap or feed is a path like any page: purging it drops its
pages of results (`?p=2`) too."""

from django.urls import reverse

from gazette.news.models import ArticlePage, Author
from gazette.news.purging import page_path

from .feeds import FORMATS


def paths_for(obj) -> set[str]:
    if isinstance(obj, Author):
        return _feeds("author", obj.slug)
    paths = {reverse("findability:sitemap_index")}
    if not isinstance(obj, ArticlePage):
        return paths | {reverse("findability:sitemap", args=["pages"])}
    paths |= _feeds("site")
    paths |= {
        reverse("findability:sitemap", args=[name]) for name in ("articles", "authors", "topics")
    }
    paths.add(reverse("findability:news_sitemap"))
    for section in obj.get_ancestors().filter(depth__gt=2):  # below la une
        path = page_path(section)
        if path:
            paths |= _feeds("section", path.strip("/"))
    for byline in obj.bylines.all():
        paths |= _feeds("author", byline.author.slug)
    for tag in obj.tags.all():
        paths |= _feeds("tag", tag.slug)
    if obj.first_published_at:
        day = obj.first_published_at
        paths |= {
            reverse("findability:archives"),
            reverse("findability:archive_year", args=[day.year]),
            reverse("findability:archive_month", args=[day.year, day.month]),
        }
    return paths


def _feeds(name: str, *args) -> set[str]:
    return {reverse(f"findability:{name}_{fmt}", args=args) for fmt in FORMATS}
