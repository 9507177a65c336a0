from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    name = "gazette.audience"
    label = "audience"
    verbose_name = _("Audience")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers(self)
