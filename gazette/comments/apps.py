from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "gazette.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers(self)
