"""The desk reaches a live page's entries from the page's header and from page listings."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import admin_views, services
from .models import LivePage


class LiveEntriesButton(PageMenuItem):
    label = _("Live entries")
    icon_name = "time"
    priority = 5

    @property
    def url(self):
        return admin_views.entries_url(self.page)

    def is_shown(self, user):
        return issubclass(self.page.specific_class or object, LivePage) and services.may_post(
            user, self.page
        )


@hooks.register("register_page_header_buttons")
def live_entries_header_button(page, user, view_name, next_url=None):
    yield LiveEntriesButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def live_entries_listing_button(page, user, next_url=None):
    yield LiveEntriesButton(page=page)


@hooks.register("register_admin_urls")
def live_admin_urls():
    patterns = [
        path("<int:page_id>/", admin_views.entries, name="entries"),
        path("entree/<int:entry_id>/", admin_views.edit, name="edit"),
        path("entree/<int:entry_id>/retirer/", admin_views.withdraw, name="withdraw"),
    ]
    return [path("direct/", include((patterns, "live_admin"), namespace="live_admin"))]
