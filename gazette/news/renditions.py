"""Which sizes of gazette/core/renditions.py the news app shows an image at, and when to make
them: an article's photo as teasers, on its page and when shared; la une's lead larger; an
author's photo as a portrait."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from gazette.core.renditions import PHOTO, enqueue_renditions, register_finder

from .models import ArticlePage, Author, HomePage, article_pages, newest_first


def _lead_image_ids() -> set[int]:
    """The lead images of la une's lead stories: chosen, or the newest article."""
    chosen = HomePage.objects.filter(lead_story__isnull=False).values_list(
        "lead_story__lead_image", flat=True
    )
    newest = ArticlePage.objects.filter(pk__in=newest_first(article_pages())[:1]).values_list(
        "lead_image", flat=True
    )
    return {pk for pk in [*chosen, *newest] if pk}


def image_sizes(image) -> list[str]:
    sizes = []
    if ArticlePage.objects.filter(lead_image=image).exists():
        sizes += PHOTO
        if image.pk in _lead_image_ids():
            sizes.append("lead")
    if Author.objects.filter(photo=image).exists():
        sizes.append("portrait")
    return sizes


def _page_published(sender, instance, **kwargs):
    """An article's photo when it is published (the newest article leads la une when editors
    chose no lead: the finder then asks for the lead sizes too), la une's chosen lead when la
    une is."""
    if isinstance(instance, ArticlePage) and instance.lead_image_id:
        enqueue_renditions(instance.lead_image_id)
    elif isinstance(instance, HomePage) and instance.lead_story_id:
        lead = ArticlePage.objects.filter(pk=instance.lead_story_id)
        image_id = lead.values_list("lead_image", flat=True).first()
        if image_id:
            enqueue_renditions(image_id)


def _author_saved(sender, instance, raw=False, **kwargs):
    if instance.photo_id and not raw:
        enqueue_renditions(instance.photo_id)


def register_signal_handlers():
    register_finder(image_sizes)
    page_published.connect(_page_published, dispatch_uid="news-renditions-published")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="news-renditions-author")
