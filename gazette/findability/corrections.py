"""/rectificatifs/, every correction of the site, newest first, with its RSS and Atom feeds;
and the purge when a note changes.

Only corrections are listed: an update adds to a story, a correction admits an error, and
this page is the newsroom's public record of those. A withdrawn correction stays, as its trace
(docs/rectificatifs.md). Corrections of unpublished or private articles are left out, as the
articles are.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.signals import published

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.models import SiteSettings
from gazette.core.typography import french_spacing
from gazette.news.corrections import ArticleNote, NoteSettings
from gazette.news.models import ArticlePage, paginate

from .feeds import FORMATS, ITEMS, ArticleFeed, Channel, Entry
from .metadata import page_url, root_url


def public_corrections():
    """Published corrections of live, public articles, newest first."""
    return (
        ArticleNote.objects.public()
        .corrections()
        .filter(article__in=ArticlePage.objects.live().public())
        .select_related("article")
        .order_by("-first_published_at", "-pk")
    )


KEY = "corrections"  # the corrections page and its feeds: the list a new note enters


def corrections_page(request):
    invalidation.record(KEY)
    context = {
        "notes": paginate(request, public_corrections(), settings.GAZETTE_PAGE_SIZE),
        "policy": NoteSettings.for_request(request).policy,
    }
    return cache_public(render(request, "findability/corrections.html", context))


def corrections_channel(request) -> Channel:
    invalidation.record(KEY)
    site_name = SiteSettings.for_request(request).site_name
    root = root_url(request)
    return Channel(
        request=request,
        title=f"{site_name} – {_('Corrections')}",
        link=root + reverse("findability:corrections"),
        description=_("The corrections of %(site)s, newest first") % {"site": site_name},
        pages=ArticlePage.objects.none(),
        feed_urls={fmt: root + reverse(f"findability:corrections_{fmt}") for fmt in FORMATS},
    )


class CorrectionFeed(ArticleFeed):
    """The corrections page as a feed: each item links to the note on its article's page, and
    is updated when the note is amended or withdrawn."""

    def items(self, channel):
        return [correction_entry(channel.request, note) for note in public_corrections()[:ITEMS]]


def correction_entry(request, note: ArticleNote) -> Entry:
    link = f"{page_url(request, note.article)}#{note.anchor}"
    return Entry(
        title=french_spacing(note.article.title),
        link=link,
        guid=link,
        summary=escape(french_spacing(note.summary())),
        content="",
        published=timezone.localtime(note.first_published_at),
        updated=timezone.localtime(note.changed_at),
        author=None,
        author_link=None,
        categories=[],
        enclosure=None,
    )


def purge_note(note: ArticleNote) -> None:
    """Everything that shows a note, once its change commits: the article wherever it is shown
    (its page, its feeds' items, the sitemaps' dates of change) and the corrections page with
    its feeds."""
    invalidation.purge([f"article:{note.article_id}", KEY])


def _note_published(sender, instance, **kwargs):
    purge_note(instance)


def register_signal_handlers():
    published.connect(_note_published, sender=ArticleNote, dispatch_uid="findability-note")
