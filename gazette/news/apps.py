from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "gazette.news"
    label = "news"
    verbose_name = _("Newsroom")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signal_handlers
        from .corrections import ArticleNote, ArticleNotePermissionPolicy

        # Before anything asks for it: Wagtail would otherwise create a plain model policy.
        register_permission_policy(ArticleNote, ArticleNotePermissionPolicy(ArticleNote))
        signal_handlers.register_signal_handlers(self)
