from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindabilityConfig(AppConfig):
    name = "gazette.findability"
    label = "findability"
    verbose_name = _("Findability")

    def ready(self):
        from gazette.news.purging import register_paths

        from . import corrections
        from .purging import paths_for

        register_paths(paths_for)
        corrections.register_signal_handlers()
