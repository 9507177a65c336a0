"""Which paths show a page, and purging them when the page changes.

The one list of DESIGN.md's publish flow: an article is shown on its own page, on la une and
its sections (with their pages of results), on its authors' and topics' pages, and, through
other apps that register here (`PATH_PROVIDERS`), in feeds, sitemaps and archives. Publishing,
unpublishing, moving or deleting a page purges exactly those paths. A section changes the
navigation of every page, so a section's change purges everything; so do the site settings
(footer, networks), which every page shows.

The same events make the kept fragments of pages out of date (gazette/core/fragments.py) when
no key names what changed: a section's title in every kicker, an author's name in every byline,
a topic's name, an image's alternative text.
"""

from django.db.models.signals import post_save, pre_delete
from django.urls import reverse
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from gazette.core import fragments
from gazette.core.purge import purge_everything, purge_paths

# Callables (page) -> iterable of paths, for what other apps show of a page.
PATH_PROVIDERS = []


def register_paths(provider):
    PATH_PROVIDERS.append(provider)
    return provider


def page_path(page) -> str | None:
    """The page's path on its site ("/monde/"), None for a page outside any site."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def paths_showing(page) -> set[str]:
    from .models import ArticlePage

    page = page.specific
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1)
    paths = {page_path(ancestor) for ancestor in ancestors}
    if isinstance(page, ArticlePage):
        paths |= {reverse("news:author", args=[b.author.slug]) for b in page.bylines.all()}
        paths |= {reverse("news:tag", args=[tag.slug]) for tag in page.tags.all()}
    for provider in PATH_PROVIDERS:
        paths |= set(provider(page))
    paths.discard(None)
    return paths


def purge_page(page) -> None:
    from .models import SectionPage

    if isinstance(page.specific, SectionPage):
        fragments.everything_changed()
    else:
        purge_paths(paths_showing(page))


def _published(sender, instance, **kwargs):
    purge_page(instance)


_before_move: dict[int, set[str]] = {}


def _moving(sender, instance, **kwargs):
    """What shows the page where it stands now: its old sections, their feeds."""
    if instance.live:
        _before_move[instance.pk] = paths_showing(instance)


def _moved(sender, instance, **kwargs):
    """The old places and the new ones. A moved section moves every page under it and
    changes the navigation: everything."""
    from .models import SectionPage

    before = _before_move.pop(instance.pk, None)
    if before is None:
        return
    if isinstance(instance.specific, SectionPage):
        fragments.everything_changed()
    else:
        purge_paths(before | paths_showing(instance))


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge_page(instance)


def _settings_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # loaddata (a restore) is not an editor's change
        purge_everything()


def register_signal_handlers():
    from gazette.core.models import SiteSettings

    from .models import Author

    page_published.connect(_published, dispatch_uid="news-purge-published")
    page_unpublished.connect(_published, dispatch_uid="news-purge-unpublished")
    pre_page_move.connect(_moving, dispatch_uid="news-purge-moving")
    post_page_move.connect(_moved, dispatch_uid="news-purge-moved")
    pre_delete.connect(_deleted, dispatch_uid="news-purge-deleted")
    post_save.connect(_settings_saved, sender=SiteSettings, dispatch_uid="news-purge-settings")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="news-purge-author")
    post_save.connect(_tag_or_image_edited, sender=Tag, dispatch_uid="news-fragments-tag")
    post_save.connect(
        _tag_or_image_edited, sender=get_image_model(), dispatch_uid="news-fragments-image"
    )


def _author_saved(sender, instance, created, raw=False, **kwargs):
    """A renamed author: their page and feeds, and the articles whose bylines show them."""
    if created or raw:
        return
    from .models import ArticlePage

    paths = {reverse("news:author", args=[instance.slug])}
    for provider in PATH_PROVIDERS:
        paths |= set(provider(instance))
    articles = ArticlePage.objects.live().filter(bylines__author=instance)
    paths |= {page_path(article) for article in articles}
    paths.discard(None)
    purge_paths(paths)
    fragments.bump()  # the bylines kept in articles' fragments


def _tag_or_image_edited(sender, instance, created, raw=False, **kwargs):
    """A topic renamed, an image's alternative text or credit corrected: shown in kept
    fragments under keys that do not name them. New ones are in no fragment yet."""
    if not created and not raw:
        fragments.bump()
