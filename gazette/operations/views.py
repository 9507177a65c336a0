from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from gazette.news.newsroom import ADMINISTRATOR

from .jobs import job_states


def is_administrator(user) -> bool:
    return user.is_superuser or user.groups.filter(name=ADMINISTRATOR).exists()


def administrators_only(view):
    def wrapped(request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@method_decorator(administrators_only, name="dispatch")
class JobsView(WagtailAdminTemplateMixin, TemplateView):
    """The retention jobs an operator must be able to vouch for (IP erasure, audience salts),
    with the other periodic work of the queue."""

    template_name = "operations/admin/jobs.html"
    page_title = _("Background jobs")
    header_icon = "time"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "states": job_states()}
