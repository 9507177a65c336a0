from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindabilityConfig(AppConfig):
    name = "gazette.findability"
    label = "findability"
    verbose_name = _("Findability")

    def ready(self):
        from . import corrections, search_freshness

        corrections.register_signal_handlers()
        search_freshness.register_signal_handlers()
