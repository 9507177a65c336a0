from django.db.models.signals import post_delete, post_migrate, post_save

from gazette.core import invalidation

# Whatever shows a letter (the form on la une, sections and articles, the letter pages and
# their archives) recorded this key by reading a Letter or an Edition: one purge reaches all.
KEY = "letters"


def _start_sending_rounds(sender, **kwargs):
    from .tasks import schedule_sending_round

    schedule_sending_round()


def _ensure_permissions(sender, **kwargs):
    from .newsroom import ensure_letter_permissions

    ensure_letter_permissions()


def _purge(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidation.purge([KEY])


def register_signal_handlers(app_config):
    from .models import Edition, Letter

    invalidation.register_keyed_model(Letter, lambda letter: KEY)
    invalidation.register_keyed_model(Edition, lambda edition: KEY)
    for model in (Letter, Edition):
        post_save.connect(_purge, sender=model, dispatch_uid=f"letters-purge-{model.__name__}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"letters-gone-{model.__name__}")
    post_migrate.connect(_ensure_permissions, sender=app_config, dispatch_uid="letters-roles")
    post_migrate.connect(_start_sending_rounds, sender=app_config, dispatch_uid="letters-rounds")
