from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import BaseViewRestriction

from . import twofactor
from .avatars import initials_avatar_url
from .guide import GuideView, guide_image
from .site_address import add_site_address_panel
from .views import JobsView, LockoutsView, is_administrator, may_see_jobs


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


class JobsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_jobs(request.user)


hooks.register("get_avatar_url", initials_avatar_url)
hooks.register("construct_homepage_panels", add_site_address_panel)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("operations/jobs/", JobsView.as_view(), name="operations_jobs"),
        path("operations/lockouts/", LockoutsView.as_view(), name="operations_lockouts"),
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
    return JobsMenuItem(
        _("Background jobs"), reverse("operations_jobs"), icon_name="time", order=900
    )


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return AdministratorMenuItem(
        _("Blocked logins"), reverse("operations_lockouts"), icon_name="lock", order=910
    )


SIGNED_IN_ONLY = {BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS}


def _signed_in_only(restrictions) -> bool:
    """Asked before the user: reading it reads the session, which a public page must not."""
    return settings.GAZETTE_ADMIN_2FA and any(
        restriction.restriction_type in SIGNED_IN_ONLY for restriction in restrictions
    )


@hooks.register("before_serve_page")
def ask_for_code_before_restricted_page(page, request, serve_args, serve_kwargs):
    if _signed_in_only(page.get_view_restrictions()) and twofactor.needs_code(request.user):
        return twofactor.ask_for_code(request)
    return None


@hooks.register("before_serve_document")
def ask_for_code_before_restricted_document(document, request):
    restrictions = document.collection.get_view_restrictions()
    if _signed_in_only(restrictions) and twofactor.needs_code(request.user):
        return twofactor.ask_for_code(request)
    return None


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
