from django.db.models.signals import post_delete, post_migrate

from .signals import announce, comment_changed


def _purge_article(sender, article, **kwargs):
    from .purge import purge_article

    purge_article(article)


def _announce_deleted(sender, instance, **kwargs):
    """An administrator deleting a published comment for good changes the page too."""
    if instance.status == instance.Status.APPROVED:
        announce({instance.article_id})


def _ensure_moderators(sender, **kwargs):
    from .moderators import ensure_moderator_permissions

    ensure_moderator_permissions()
    from .tasks import schedule_ip_erasure

    schedule_ip_erasure()


def register_signal_handlers(app_config):
    comment_changed.connect(_purge_article, dispatch_uid="comments-purge-article")
    post_delete.connect(
        _announce_deleted, sender=app_config.get_model("Comment"), dispatch_uid="comments-deleted"
    )
    post_migrate.connect(_ensure_moderators, sender=app_config, dispatch_uid="comments-moderators")
