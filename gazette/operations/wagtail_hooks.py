from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import twofactor
from .guide import GuideView, guide_image
from .views import JobsView, is_administrator


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("operations/jobs/", JobsView.as_view(), name="operations_jobs"),
        path("2fa/", twofactor.verify, name="operations_2fa_verify"),
        path("2fa/activation/", twofactor.setup, name="operations_2fa_setup"),
        path("guide/", GuideView.as_view(), name="operations_guide"),
        path(
            "guide/images/<slug:name>.png",
            lambda request, name: guide_image(request, f"{name}.png"),
            name="operations_guide_image",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_jobs_menu_item():
    return AdministratorMenuItem(
        _("Background jobs"), reverse("operations_jobs"), icon_name="time", order=900
    )


@hooks.register("construct_help_menu")
def newsroom_guide_in_help_menu(request, menu_items):
    """Wagtail's « Editor Guide » and « What's new » are English pages on another site."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new")
    ]
    menu_items.append(
        MenuItem(_("Newsroom guide"), reverse("operations_guide"), icon_name="help", order=100)
    )
