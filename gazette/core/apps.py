from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gazette.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.urls import register_converter

        from . import checks, converters, renditions, restrictions, sites  # noqa: F401 (checks)

        register_converter(converters.IdConverter, "id")
        restrictions.register_signal_handlers()
        sites.register_signal_handlers()
        renditions.register_signal_handlers()
