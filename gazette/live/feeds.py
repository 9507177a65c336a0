"""The Atom feed of a live page's entries, through `django.contrib.syndication` as the site's
feeds are: a feed reader, or another newsroom's desk, follows the story without the page open.

Newest first, as the running page reads (pins are the page's layout, not news). Each entry's
link is its permalink (`#entree-123`), also its id: an entry keeps its number when edited, so a
reader shows the change in place (`updated`) rather than a second entry. The summary is plain
text, escaped, as in the site's feeds: markup of an entry is the page's.

Public and cached like the polling endpoint, with the same key, `live:<page id>`: an entry
published, edited or withdrawn purges the feed with the page. A restricted live page has no
feed (404), as it has no endpoint: the same bytes go to every reader.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from gazette.core import invalidation
from gazette.core.cache import cache_public
from gazette.core.models import SiteSettings

from .models import LivePage, live_key
from .schema import HEADLINE_LENGTH, plain_text

ITEMS = 50


class EntryAtomFeed(Atom1Feed):
    def latest_post_date(self):
        """Before the first entry, the page's publication rather than Django's clock: the
        same bytes for every render until something changes."""
        return super().latest_post_date() if self.items else self.feed["published"]


@dataclass
class Coverage:
    request: object
    page: LivePage
    root: str  # the site's root URL: every address in a feed is absolute
    url: str


class EntryFeed(Feed):
    """One instance serves every request: what a request needs travels in `Coverage`."""

    feed_type = EntryAtomFeed
    language = "fr"

    def __call__(self, request, *args, **kwargs):
        return cache_public(super().__call__(request, *args, **kwargs))

    def get_object(self, request, page_id):
        page = get_object_or_404(LivePage.objects.visible(), pk=page_id)
        invalidation.record(live_key(page.pk))
        site_id, root, path = page.get_url_parts(request)
        return Coverage(request=request, page=page, root=root, url=root + path)

    def feed_extra_kwargs(self, coverage):
        page = coverage.page
        return {"published": timezone.localtime(page.last_published_at or page.started_at)}

    def title(self, coverage):
        site_name = SiteSettings.for_request(coverage.request).site_name
        return f"{coverage.page.title} – {site_name}"

    def link(self, coverage):
        return coverage.url

    def feed_url(self, coverage):
        return coverage.root + reverse("live:feed", args=[coverage.page.pk])

    def subtitle(self, coverage):
        return coverage.page.standfirst

    def author_name(self, coverage):
        """Atom wants an author for the feed when an entry has none of its own."""
        return SiteSettings.for_request(coverage.request).site_name

    def items(self, coverage):
        entries = list(
            coverage.page.entries.filter(withdrawn=False)
            .select_related("author", "user")
            .order_by("-published_at", "-pk")[:ITEMS]
        )
        for entry in entries:
            entry.permalink = f"{coverage.url}#{entry.anchor}"
            entry.author_url = (
                coverage.root + entry.author.get_absolute_url() if entry.author else None
            )
        return entries

    def item_title(self, entry):
        return entry.title or Truncator(plain_text(entry)).chars(HEADLINE_LENGTH)

    def item_description(self, entry):
        return escape(plain_text(entry))

    def item_link(self, entry):
        return entry.permalink

    def item_guid(self, entry):
        return entry.permalink

    def item_pubdate(self, entry):
        return timezone.localtime(entry.published_at)  # Paris time, as printed

    def item_updateddate(self, entry):
        return timezone.localtime(entry.edited_at or entry.published_at)

    def item_author_name(self, entry):
        return entry.signature or None

    def item_author_link(self, entry):
        return entry.author_url
