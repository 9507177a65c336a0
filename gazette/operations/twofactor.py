"""Optional two-factor authentication for everyone who logs into the admin
(`GAZETTE_ADMIN_2FA=1`), with django-otp's TOTP devices (any authenticator app).

django-otp is maintained and knows nothing of Wagtail; the Wagtail integrations (wagtail-2fa)
lag behind Wagtail's releases. So the glue is ours and small: after Wagtail's own login, this
middleware sends a user who has not yet given a code, on this session, to enter one, or to
register an app first. Django's `login()` starts a new session, so each login asks again.

A password alone must not open more than the admin would: the same accounts give their code
before a page or document restricted to logged-in readers or to groups (wagtail_hooks.py),
whichever login form they used. Readers without access to the admin have no code to give.
"""

from base64 import b32encode
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

OPEN_URLS = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "operations_2fa_verify",
    "operations_2fa_setup",
)


class AdminTwoFactorMiddleware:
    """After `django_otp.middleware.OTPMiddleware`, which gives `user.is_verified()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.GAZETTE_ADMIN_2FA and self._needs_code(request):
            return ask_for_code(request)
        return self.get_response(request)

    @staticmethod
    def _needs_code(request) -> bool:
        """The path first: reading `request.user` reads the session, and a public page
        that did so would vary on the cookie and never be shared by a cache."""
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        if request.path in {reverse(name) for name in OPEN_URLS}:
            return False
        return needs_code(request.user)


def needs_code(user) -> bool:
    """Signed in with an account of the admin, and no code given yet on this session."""
    return (
        user.is_authenticated
        and not user.is_verified()
        and user.has_perm("wagtailadmin.access_admin")
    )


def ask_for_code(request):
    view = "operations_2fa_verify" if user_has_device(request.user) else "operations_2fa_setup"
    return redirect(f"{reverse(view)}?next={quote(request.get_full_path())}")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(request.user):
            if device.verify_token(form.cleaned_data["code"]):
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error("code", gettext("This code is not valid. Enter the current one."))
    return TemplateResponse(
        request,
        "operations/admin/two_factor.html",
        {"form": form, "page_title": gettext("Two-factor authentication")},
    )


def setup(request):
    """One unconfirmed device per user until a code proves the app has the key."""
    if user_has_device(request.user):
        return redirect(reverse("operations_2fa_verify") + f"?next={quote(_next_url(request))}")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Application"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", gettext("This code is not valid. Enter the current one."))
    key = b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "operations/admin/two_factor.html",
        {
            "form": form,
            "page_title": gettext("Set up two-factor authentication"),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "config_url": device.config_url,
        },
    )
