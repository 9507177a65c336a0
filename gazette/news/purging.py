"""What the newsroom's content records when it is shown, and what its changes purge.

Keys, not paths (gazette/core/invalidation.py): an article read for a response, whether as its
own page, a teaser, a title in « Les + Lus », a search hit or a feed item, records
`article:12`; a section `section:3` (its title in a kicker, the menu); an author, a topic, an
image theirs. Nobody lists where an article is shown: showing it recorded it.

A change purges the keys of what changed and of the lists it enters or leaves: publishing an
article purges `article:12`, the lists of its sections (la une included), authors and topics
(`list:section:3`, `list:author:7`, `list:tag:5`) and the site-wide lists (`articles`). A
section's title is in every page's menu: its key is in every page, and it is purged like any
other. A moved section changes the address of every page under it: everything.
"""

import functools

from django.db.models.signals import post_save, pre_delete, pre_save
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from gazette.core import invalidation
from gazette.core.routing import route_key

NAVIGATION = "navigation"


def page_path(page) -> str | None:
    """The page's path on its site ("/monde/"), None for a page outside any site."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


_PREFIXES = {"ArticlePage": "article", "SectionPage": "section", "HomePage": "section"}


def key_of_page(page) -> str:
    """`article:12`, `section:3` (la une too), or `page:8` for any other page and for a plain
    Page row, whose type is not read: every page's change purges `page:<id>` too. A page type
    extending an article (a live page) is an article."""
    return f"{_prefix_of(type(page))}:{page.pk}"


@functools.cache
def _prefix_of(page_type: type) -> str:
    """Once per page type: called for every page row read, 60 on la une."""
    names = (cls.__name__ for cls in page_type.__mro__)
    return next((_PREFIXES[name] for name in names if name in _PREFIXES), "page")


def list_key(page) -> str:
    """The key of the list of articles a section (or la une) shows."""
    return f"list:section:{page.pk}"


def keys_for(page, *, identity: bool = True) -> set[str]:
    """What publishing, unpublishing or deleting `page` changes: the page itself and every list
    it is in. Read before a move too, for the lists it leaves. Without `identity`, a section or
    la une whose title and address did not change: only its own list (la une's choice of
    articles), not every page whose menu, breadcrumbs or kickers name it."""
    from .models import ArticlePage

    page = page.specific
    keys = {list_key(ancestor) for ancestor in page.get_ancestors().filter(depth__gt=1)}
    keys.add(route_key(page.pk))  # the kept copy of the page's row (gazette/core/routing.py)
    if isinstance(page, ArticlePage):
        keys |= {key_of_page(page), f"page:{page.pk}"}
        keys |= {f"list:author:{pk}" for pk in page.bylines.values_list("author_id", flat=True)}
        keys |= {f"list:tag:{tag.pk}" for tag in page.tags.all()}
        return keys
    keys.add(list_key(page))
    if identity:
        keys |= {key_of_page(page), f"page:{page.pk}", NAVIGATION}
    return keys


# What a section or la une shows of itself on other pages: its name, address, place in menus.
IDENTITY = ("title", "slug", "url_path", "seo_title", "show_in_menus", "live")
_identity_before: dict[int, tuple] = {}


def _identity(page) -> tuple:
    return tuple(getattr(page, field) for field in IDENTITY)


def _saving(sender, instance, raw=False, **kwargs):
    """Before a section or la une is saved (published): how other pages show it now."""
    if raw or instance.pk is None or not _is_section(instance):
        return
    row = Page.objects.filter(pk=instance.pk).values_list(*IDENTITY).first()
    if row is not None:
        _identity_before[instance.pk] = tuple(row)


def _readdressing(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page with pages under it given a new address (a new slug published) gives them new
    addresses too, which their kept rows and remembered routes do not know: everything is
    purged, as for a move."""
    if raw or instance.pk is None or not instance.numchild:
        return
    if update_fields is not None and "url_path" not in update_fields:
        return
    before = Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
    if before is not None and before != instance.url_path:
        invalidation.purge_everything()


def _is_section(page) -> bool:
    from .models import HomePage, SectionPage

    return isinstance(page, SectionPage | HomePage) or (
        type(page) is Page and isinstance(page.specific, SectionPage | HomePage)
    )


def _published(sender, instance, **kwargs):
    before = _identity_before.pop(instance.pk, None)
    identity = before is None or before != _identity(instance) or not instance.live
    invalidation.purge(keys_for(instance, identity=identity))


_before_move: dict[int, set[str]] = {}


def _moving(sender, instance, **kwargs):
    """The lists the page leaves, read where it stands now (a draft's purge costs nothing:
    no page shows it; the instance moved may not know it is live)."""
    _before_move[instance.pk] = keys_for(instance)


def _moved(sender, instance, **kwargs):
    """The lists it leaves and those it enters. A moved section, or any page with pages under
    it, moves them too: every address changes, everything is purged."""
    before = _before_move.pop(instance.pk, None)
    if before is None:
        return
    if _is_section(instance) or instance.numchild:
        invalidation.purge_everything()
    else:
        invalidation.purge(before | keys_for(instance))


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        invalidation.purge(keys_for(instance))


def _author_saved(sender, instance, created, raw=False, **kwargs):
    """A renamed author: their page, feeds and bylines, wherever they were shown."""
    if not created and not raw:
        invalidation.purge([f"author:{instance.pk}"])


def _edited(kind):
    def receiver(sender, instance, created, raw=False, **kwargs):
        """A topic renamed, an image's alternative text or credit corrected. New ones are
        shown nowhere yet."""
        if not created and not raw:
            invalidation.purge([f"{kind}:{instance.pk}"])

    return receiver


_tag_edited, _image_edited = _edited("tag"), _edited("image")


def register_keys():
    from .models import ArticlePage, Author, HomePage, SectionPage, SimplePage

    for model in (Page, ArticlePage, SectionPage, HomePage, SimplePage):
        invalidation.register_keyed_model(model, key_of_page)
    invalidation.register_keyed_model(Author, lambda author: f"author:{author.pk}")
    invalidation.register_keyed_model(Tag, lambda tag: f"tag:{tag.pk}")
    invalidation.register_keyed_model(get_image_model(), lambda image: f"image:{image.pk}")


def register_signal_handlers():
    from .models import Author, HomePage, SectionPage, SimplePage

    register_keys()
    for model in (HomePage, SectionPage):
        pre_save.connect(_saving, sender=model, dispatch_uid=f"news-purge-saving-{model.__name__}")
    for model in (HomePage, SectionPage, SimplePage):  # the page types that have pages under them
        pre_save.connect(
            _readdressing, sender=model, dispatch_uid=f"news-purge-readdress-{model.__name__}"
        )
    page_published.connect(_published, dispatch_uid="news-purge-published")
    page_unpublished.connect(_published, dispatch_uid="news-purge-unpublished")
    pre_page_move.connect(_moving, dispatch_uid="news-purge-moving")
    post_page_move.connect(_moved, dispatch_uid="news-purge-moved")
    pre_delete.connect(_deleted, dispatch_uid="news-purge-deleted")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="news-purge-author")
    post_save.connect(_tag_edited, sender=Tag, dispatch_uid="news-purge-tag")
    post_save.connect(_image_edited, sender=get_image_model(), dispatch_uid="news-purge-image")
