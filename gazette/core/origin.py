"""Whether a POST came from another site's page: the check of the public forms that cannot
use Django's CSRF cookie (comments, newsletter subscriptions), whose cached pages are the
same for everyone.

Browsers say where a request comes from in `Sec-Fetch-Site`, older ones in `Origin`; a
browser that sends neither is judged by the form's signed token alone. `same-site` is
refused too: another host of the same domain is not this site.
"""

from django.conf import settings


def is_cross_site(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return (
        origin != f"{request.scheme}://{request.get_host()}"
        and origin not in settings.CSRF_TRUSTED_ORIGINS
    )
