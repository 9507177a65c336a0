from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gazette.letters"
    label = "letters"
    verbose_name = _("Newsletters")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers(self)
