from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "gazette.news"
    label = "news"
    verbose_name = _("Newsroom")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers(self)
