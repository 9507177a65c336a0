from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "gazette.live"
    label = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        from gazette.core import invalidation
        from gazette.news.purging import key_of_page

        from .models import LiveEntry, LivePage, live_key

        # A live page read for a response is an article read: `article:12`, which its
        # publication purges (gazette/news/purging.py), like any article's; an entry read is
        # its page's `live:12`, whatever shows it.
        invalidation.register_keyed_model(LivePage, key_of_page)
        invalidation.register_keyed_model(LiveEntry, lambda entry: live_key(entry.page_id))
