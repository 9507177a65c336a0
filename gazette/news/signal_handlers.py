from django.db.models.signals import post_migrate, post_save, pre_save
from taggit.models import Tag
from wagtail.models import Revision
from wagtail.signals import page_published, post_page_move, published


def _keep_section_in_step(sender, instance, **kwargs):
    """A moved article changes section: save it so its denormalised section follows."""
    from .models import ArticlePage, SectionPage

    moved = instance.specific
    articles = [moved] if isinstance(moved, ArticlePage) else []
    if isinstance(moved, SectionPage):
        articles = ArticlePage.objects.descendant_of(moved)
    for article in articles:
        parent = SectionPage.objects.filter(path=article.path[: -article.steplen]).first()
        ArticlePage.objects.filter(pk=article.pk).update(section=parent)


def _schedule_go_live(sender, instance, created, **kwargs):
    if instance.approved_go_live_at:
        from .scheduling import schedule_publication

        schedule_publication(instance.approved_go_live_at)


def _schedule_expiry(sender, instance, **kwargs):
    """Wagtail's `publish_scheduled` also unpublishes expired pages: run it at expiry too."""
    if instance.expire_at:
        from .scheduling import schedule_publication

        schedule_publication(instance.expire_at)


def _ensure_newsroom(sender, **kwargs):
    from .newsroom import ensure_newsroom

    ensure_newsroom(verbosity=kwargs.get("verbosity", 1))


def _note_published(sender, instance, **kwargs):
    from .corrections import record_note_change

    record_note_change(instance)


def _ascii_tag_slug(sender, instance, raw=False, **kwargs):
    """taggit keeps accents (« /sujets/%C3%A9lections/ »): a new topic gets an ASCII slug
    (gazette/core/slugs.py), numbered past another topic's, « elections » then « elections-2 »
    for « Elections ». Topics made in bulk (the demo, imports) pass no signal and use the same
    functions."""
    if raw or not instance._state.adding:
        return
    from .tags import ascii_tag_slug

    instance.slug = ascii_tag_slug(instance.slug or instance.name)


def register_signal_handlers(app_config):
    from . import purging, renditions
    from .corrections import ArticleNote

    purging.register_signal_handlers()
    renditions.register_signal_handlers()
    post_page_move.connect(_keep_section_in_step, dispatch_uid="news-section-on-move")
    post_save.connect(_schedule_go_live, sender=Revision, dispatch_uid="news-go-live")
    page_published.connect(_schedule_expiry, dispatch_uid="news-expiry")
    pre_save.connect(_ascii_tag_slug, sender=Tag, dispatch_uid="news-ascii-tag-slug")
    post_migrate.connect(_ensure_newsroom, sender=app_config, dispatch_uid="news-newsroom")
    published.connect(_note_published, sender=ArticleNote, dispatch_uid="news-note-published")
