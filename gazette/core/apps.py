from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gazette.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from .slugs import AsciiSlugInput

        # Every slug field of the admin (pages, authors) transliterates as the server does.
        register_form_field_override(models.SlugField, override={"widget": AsciiSlugInput})

        from django.urls import register_converter

        # page_store registers with gazette/core/invalidation.py, so that every process's
        # purges reach the pages it keeps, the task worker's and the shell's included.
        from . import (  # noqa: F401
            admin_labels,
            avif,
            checks,
            converters,
            page_store,
            renditions,
            restrictions,
            sites,
        )

        admin_labels.label_site_columns()
        avif.register()

        register_converter(converters.IdConverter, "id")
        restrictions.register_signal_handlers()
        sites.register_signal_handlers()
        renditions.register_signal_handlers()
