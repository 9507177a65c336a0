import logging

from axes.utils import reset
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_ipv46_address
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from gazette.news.newsroom import ADMINISTRATOR, EDITOR

from .jobs import job_states
from .lockouts import current_lockouts

logger = logging.getLogger(__name__)


def is_administrator(user) -> bool:
    return user.is_superuser or user.groups.filter(name=ADMINISTRATOR).exists()


def may_see_jobs(user) -> bool:
    """The Éditeur answers for scheduled publishing: seeing that the worker runs is part of
    the job. The page only reads; nothing on it changes anything."""
    return is_administrator(user) or user.groups.filter(name=EDITOR).exists()


def allowed_if(test):
    def decorator(view):
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class SettingsPageView(WagtailAdminTemplateMixin, TemplateView):
    """A page of « Paramètres »."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


@method_decorator(allowed_if(is_administrator), name="dispatch")
class AdministratorView(SettingsPageView):
    """For the Administrateur group (and superusers)."""


@method_decorator(allowed_if(may_see_jobs), name="dispatch")
class JobsView(SettingsPageView):
    """The retention jobs an operator must be able to vouch for (IP erasure, audience salts),
    with the other periodic work of the queue."""

    template_name = "operations/admin/jobs.html"
    page_title = _("Background jobs")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "states": job_states()}


class LockoutsView(AdministratorView):
    """Logins blocked by too many failures (gazette/operations/lockouts.py), each with the
    button that lifts it before its time: an editor who mistyped need not wait."""

    template_name = "operations/admin/lockouts.html"
    page_title = _("Blocked logins")
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "lockouts": current_lockouts(),
            "pair_limit": settings.AXES_FAILURE_LIMIT,
            "address_limit": settings.GAZETTE_LOGIN_ADDRESS_ATTEMPTS,
        }

    def post(self, request):
        ip_address, username = request.POST.get("ip_address", ""), request.POST.get("username")
        try:
            validate_ipv46_address(ip_address)  # an empty one would unlock everything
        except ValidationError:
            return HttpResponseBadRequest(gettext("This is not a client address."))
        reset(ip=ip_address, username=username)
        logger.warning(
            "Login unlocked by %s: %s from %s", request.user, username or "*", ip_address
        )
        if username:
            message = gettext("Logins to %(username)s from %(address)s are unlocked.")
        else:
            message = gettext("Logins from %(address)s are unlocked.")
        messages.success(request, message % {"username": username, "address": ip_address})
        return redirect("operations_lockouts")
