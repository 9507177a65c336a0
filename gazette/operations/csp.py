"""A Content-Security-Policy for each surface: the public site's, and the admin's own.

django-csp sends `CONTENT_SECURITY_POLICY` (settings.py: the public pages' strict policy) on
every response. Wagtail's admin cannot live with it (inline scripts start its date choosers
and widgets, inline styles place them), so under `GAZETTE_ADMIN_PATH`, wherever the operator
moved it, the admin gets a policy of its own rather than none: still nothing from another
site but the images Wagtail shows (media, avatars), no plugins, no framing by others, no form
sent elsewhere. Previews live under the admin path and get the admin's policy.
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

GRAVATAR = "//www.gravatar.com/avatar"  # Wagtail's default WAGTAIL_GRAVATAR_PROVIDER_URL


class SurfaceCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith("/" + settings.GAZETTE_ADMIN_PATH):
            parts.config = admin_directives()
        return parts


def admin_directives() -> dict:
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    avatars = getattr(settings, "WAGTAIL_GRAVATAR_PROVIDER_URL", GRAVATAR)
    return {
        **public,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-src": [SELF],  # the preview panel
        # data: and blob: are the previews of images being uploaded, and the 2FA QR code.
        "img-src": [*public["img-src"], "data:", "blob:", *_source(avatars)],
    }


def _source(url: str | None) -> list[str]:
    """`//host/path` (the page's own scheme) becomes `host`, which CSP matches the same way."""
    if not url:
        return []
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}" if parts.scheme else parts.netloc]
