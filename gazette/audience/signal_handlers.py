from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .signals import most_read_changed


def _article_published(sender, instance, **kwargs):
    """Counted from now on, unless it is private: « Les + Lus » never lists a private article,
    and the beacon does not count one. An article in the lists published again (a corrected
    headline, a new address) has the lists computed again at once: the new title differs from
    the one shown, so the pieces that showed it are purged (`_most_read_changed`)."""
    from .backends import get_backend

    if instance.get_view_restrictions():
        return
    article_id = instance.pk

    def published():
        from django.utils import timezone

        from .services import refresh_most_read, shows

        get_backend().article_published(article_id)
        if shows(article_id):
            refresh_most_read(now=timezone.now())

    transaction.on_commit(published)


def _article_withdrawn(sender, instance, **kwargs):
    """Unpublished or deleted: refused by the beacon from now on, and out of « Les + Lus »
    at the next page rather than at the next recomputation."""
    from .backends import get_backend
    from .services import forget_most_read

    article_id = instance.pk

    def withdraw():
        get_backend().article_withdrawn(article_id)
        forget_most_read()

    transaction.on_commit(withdraw)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    """A page made private, or public again: the articles the beacon counts are read again,
    and the next page recomputes « Les + Lus » rather than show a ranking made before."""
    from .backends import get_backend
    from .services import forget_most_read

    if raw:
        return

    def reload():
        get_backend().load_articles()
        forget_most_read()

    transaction.on_commit(reload)


def _most_read_changed(sender, ranking, site_wide, sections, shown_changed=False, **kwargs):
    """What showed the changed lists: they recorded their keys (pieces.py)."""
    from gazette.core import invalidation

    from .keys import SHOWN, section_key, site_key

    keys = {section_key(pk) for pk in sections}
    if site_wide:
        keys.add(site_key())
    if shown_changed:
        keys.add(SHOWN)
    invalidation.purge(keys)


def _after_migrate(sender, **kwargs):
    from .permissions import ensure_audience_permissions
    from .tasks import schedule_audience_updates

    ensure_audience_permissions()
    schedule_audience_updates()


def _reads_between(article_ids, start, end):
    from .services import reads_between

    return reads_between(article_ids, start, end)


def register_signal_handlers(app_config):
    from gazette.news import popularity
    from gazette.news.models import ArticlePage

    popularity.register_read_counter(_reads_between)

    page_published.connect(_article_published, sender=ArticlePage, dispatch_uid="audience-pub")
    page_unpublished.connect(_article_withdrawn, sender=ArticlePage, dispatch_uid="audience-unpub")
    post_delete.connect(_article_withdrawn, sender=ArticlePage, dispatch_uid="audience-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"audience-restriction-{signal is post_save}",
        )
    post_migrate.connect(_after_migrate, sender=app_config, dispatch_uid="audience-migrate")
    most_read_changed.connect(_most_read_changed, dispatch_uid="audience-purge")
