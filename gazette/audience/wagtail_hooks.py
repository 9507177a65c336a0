from datetime import timedelta

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from gazette.news.models import ArticlePage

from . import reports
from .models import HourlyCount
from .permissions import VIEW_AUDIENCE


class AudienceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_AUDIENCE)


class AudiencePanel(Component):
    """The dashboard's glance: the last 7 days' total and top 5, in two queries."""

    name = "audience"
    template_name = "audience/admin/dashboard_panel.html"
    order = 150

    def render_html(self, parent_context=None):
        if not parent_context["request"].user.has_perm(VIEW_AUDIENCE):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        counts = HourlyCount.objects.since(reports.local_midnight(today - timedelta(days=6)))
        top = list(counts.per_article()[:5])
        titles = dict(
            ArticlePage.objects.filter(pk__in=[row["article"] for row in top]).values_list(
                "pk", "title"
            )
        )
        return {
            "total": counts.total(),
            "top": [(row["article"], titles[row["article"]], row["views"]) for row in top],
            "report_url": reverse("audience_report"),
        }


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("audience/", reports.AudienceReportView.as_view(), name="audience_report"),
        path("audience/export.csv", reports.export_csv, name="audience_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return AudienceMenuItem(_("Audience"), reverse("audience_report"), icon_name="view", order=350)


@hooks.register("construct_homepage_panels")
def add_audience_panel(request, panels):
    panels.append(AudiencePanel())


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="audience", codename="view_audience")
