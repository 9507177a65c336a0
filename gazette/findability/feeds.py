"""RSS 2.0 and Atom 1.0 feeds of the whole site, a section, an author and a topic, through
`django.contrib.syndication`.

Each item's summary is the standfirst, then the article's notes (rectificatifs, updates); with
« Articles complets dans les flux » on (FeedSettings), the whole article follows as RSS
`content:encoded` or Atom `content`. The lead image is the
item's enclosure, with its size in bytes and type as both formats require. Dates: `pubDate` /
`published` is the first publication, Atom's `updated` the « Mis à jour le » date shown on the
page. Ids are `urn:uuid:` from the page's translation key, which survives a move or a new slug:
a feed reader never shows an article twice. Every address is absolute, from the Wagtail site.
Every feed holds articles of the site the request is for, and only those every reader may open
(`visible()`): the full text of a private article must not reach a feed reader.

A Feed instance serves every request, so nothing about a request is stored on it: `get_object`
builds a `Channel`, and `items` turns articles into `Entry` values holding all an item needs.
"""

import re
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.models import SiteSettings
from gazette.core.sites import site_or_404
from gazette.core.typography import french_spacing
from gazette.news.corrections import ArticleNote
from gazette.news.models import (
    ArticlePage,
    ArticleTag,
    Author,
    NewsPageQuerySet,
    SectionPage,
    article_pages,
    tagged_pages,
)
from gazette.news.tags import moved_tag

from .metadata import absolute, date_modified, page_url, root_url, share_image
from .models import FeedSettings

ITEMS = 20
URL_ATTRIBUTE = re.compile(r'\b(src|href|poster)="(/(?!/)[^"]*)"')
SRCSET = re.compile(r'\bsrcset="([^"]*)"')


class RssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


FORMATS = {"rss": RssFeed, "atom": AtomFeed}


@dataclass
class Channel:
    request: object
    title: str
    link: str
    description: str
    pages: NewsPageQuerySet  # its site's articles, as rows of the page table: `newest_first()`
    feed_urls: dict[str, str] = field(default_factory=dict)


@dataclass
class Entry:
    title: str
    link: str
    guid: str
    summary: str
    content: str
    published: object
    updated: object
    author: str | None
    author_link: str | None
    categories: list[str]
    enclosure: Enclosure | None


class ArticleFeed(Feed):
    """One class for the four scopes and two formats: `channel` finds what the feed is about
    from the URL's arguments, `feed_format` is a key of FORMATS."""

    language = "fr"

    def __init__(self, channel, feed_format: str):
        self.channel, self.feed_format = channel, feed_format
        self.feed_type = FORMATS[feed_format]

    def __call__(self, request, *args, **kwargs):
        return cache_public(super().__call__(request, *args, **kwargs))

    def get_object(self, request, *args, **kwargs):
        return self.channel(request, **kwargs)

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):
        return channel.description

    def feed_url(self, channel):
        return channel.feed_urls[self.feed_format]

    def author_name(self, channel):
        """Atom wants an author for the feed when an entry has none of its own."""
        return SiteSettings.for_request(channel.request).site_name

    def items(self, channel):
        request = channel.request
        full = FeedSettings.for_request(request).full_content
        articles = ArticlePage.objects.newest(channel.pages, ITEMS).prefetch_related(
            Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag")),
            Prefetch("notes", queryset=ArticleNote.objects.public(), to_attr="public_notes"),
        )
        return [entry(request, article, full=full) for article in articles]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    def item_guid_is_permalink(self, item):
        return False

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.author

    def item_author_link(self, item):
        return item.author_link

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        return [item.enclosure] if item.enclosure else []

    def item_extra_kwargs(self, item):
        return {"content": item.content}


def entry(request, article: ArticlePage, *, full: bool) -> Entry:
    authors = article.writers or article.authors
    image = share_image(article.lead_image)
    return Entry(
        title=french_spacing(article.title),
        link=page_url(request, article),
        guid=f"urn:uuid:{article.translation_key}",
        summary=summary(article),
        content=full_content(request, article) if full else "",
        published=timezone.localtime(article.first_published_at),  # Paris time, as printed
        updated=timezone.localtime(date_modified(article)),
        author=f" {_('and')} ".join(author.name for author in authors) or None,
        author_link=(
            absolute(request, authors[0].get_absolute_url()) if len(authors) == 1 else None
        ),
        categories=[
            *([article.section.title] if article.section else []),
            *(tagged.tag.name for tagged in article.tagged_items.all()),
        ],
        enclosure=(
            Enclosure(absolute(request, image.url), str(image.file.size), "image/jpeg")
            if image
            else None
        ),
    )


def summary(article: ArticlePage) -> str:
    """The standfirst, then the article's notes, one paragraph each: a reader of the feed
    learns of a correction as a reader of the page does. Both formats read HTML here."""
    standfirst = escape(french_spacing(article.standfirst))
    notes = "".join(f"<p>{escape(french_spacing(n.summary()))}</p>" for n in article.public_notes)
    return f"<p>{standfirst}</p>{notes}" if notes else standfirst


def full_content(request, article: ArticlePage) -> str:
    """The article as its page shows it, with absolute addresses: a feed reader has no page
    address to resolve `/media/…` against."""
    html = render_to_string("findability/feed_content.html", {"page": article}, request)
    root = root_url(request)
    html = URL_ATTRIBUTE.sub(lambda match: f'{match[1]}="{root}{match[2]}"', html)
    return SRCSET.sub(lambda match: f'srcset="{_absolute_srcset(match[1], root)}"', html)


def _absolute_srcset(srcset: str, root: str) -> str:
    candidates = [candidate.strip() for candidate in srcset.split(",")]
    return ", ".join(
        root + candidate
        if candidate.startswith("/") and not candidate.startswith("//")
        else candidate
        for candidate in candidates
    )


def _feed_urls(name: str, *args) -> dict[str, str]:
    return {fmt: reverse(f"findability:{name}_{fmt}", args=args) for fmt in FORMATS}


def _channel(request, *, title, link, description, pages, urls) -> Channel:
    root = root_url(request)
    return Channel(
        request=request,
        title=title,
        link=link,
        description=description,
        pages=pages,
        feed_urls={fmt: root + url for fmt, url in urls.items()},
    )


def site_channel(request) -> Channel:
    invalidation.record("articles")
    settings = SiteSettings.for_request(request)
    return _channel(
        request,
        title=settings.site_name,
        link=root_url(request) + "/",
        description=settings.tagline
        or _("The latest articles of %(site)s") % {"site": settings.site_name},
        pages=article_pages().in_site(site_or_404(request)),
        urls=_feed_urls("site"),
    )


def section_channel(request, section: str) -> Channel:
    """`section` is the section's path under la une, « monde/europe »: as in its own address."""
    site = site_or_404(request)
    page = get_object_or_404(
        SectionPage.objects.visible(), url_path=f"{site.root_page.url_path}{section.strip('/')}/"
    )
    invalidation.record(f"list:section:{page.pk}")
    site_name = SiteSettings.for_request(request).site_name
    return _channel(
        request,
        title=f"{site_name} – {page.title}",
        link=page_url(request, page),
        description=page.intro
        or _("The latest articles of %(site)s in %(section)s")
        % {"site": site_name, "section": page.title},
        pages=article_pages().descendant_of(page),
        urls=_feed_urls("section", section.strip("/")),
    )


def author_channel(request, slug: str) -> Channel:
    author = get_object_or_404(Author, slug=slug)
    invalidation.record(f"list:author:{author.pk}")
    site_name = SiteSettings.for_request(request).site_name
    return _channel(
        request,
        title=f"{site_name} – {author.name}",
        link=absolute(request, author.get_absolute_url()),
        description=_("The latest articles by %(author)s") % {"author": author.name},
        pages=author.article_pages().in_site(site_or_404(request)),
        urls=_feed_urls("author", slug),
    )


class TagFeed(ArticleFeed):
    """A topic's feed; its accented address from before ASCII slugs, still in feed readers,
    answers with a 301 to the new one (gazette/news/tags.py)."""

    def __call__(self, request, *args, slug, **kwargs):
        try:
            return super().__call__(request, *args, slug=slug, **kwargs)
        except Http404:
            moved = moved_tag(slug)
            if moved is None:
                raise
            return redirect(f"findability:tag_{self.feed_format}", moved.slug, permanent=True)


def tag_channel(request, slug: str) -> Channel:
    tag = get_object_or_404(Tag, slug=slug)
    invalidation.record(f"list:tag:{tag.pk}")
    site_name = SiteSettings.for_request(request).site_name
    return _channel(
        request,
        title=f"{site_name} – {tag.name}",
        link=absolute(request, reverse("news:tag", args=[tag.slug])),
        description=_("The latest articles on %(topic)s") % {"topic": tag.name},
        pages=tagged_pages(tag).in_site(site_or_404(request)),
        urls=_feed_urls("tag", slug),
    )
