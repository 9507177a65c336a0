"""The counting endpoint, hit by `beacon.js` once per article view.

It answers at once, reads no cookie and sets none, and is never cached (`no-store`). Exempt
from CSRF: a beacon carries no token, and a forged one can only add a read that the visitor
hash lets count once a day. What it refuses, it refuses with a 4xx and no trace:
- a method other than POST (405), a cross-site request (403, browsers say so in
  `Sec-Fetch-Site`), a body over `MAX_BODY` bytes (413);
- a body that is not `{"id": <positive integer>, "ref": <host name, optional>}` (400);
- an id that is not a live article (400, not 404: Wagtail's redirect middleware would look
  every 404 up in the database).
Robots and speculative loads (prefetch, prerender) get the same 204 as readers, uncounted.
"""

import json
from functools import lru_cache

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gazette.core.network import client_ip_from

from .referrers import referrer_domain
from .robots import is_prefetch, is_robot
from .services import count_read

MAX_BODY = 1024


@csrf_exempt
@require_POST
def beacon(request):
    """The endpoint as Django serves it (test client, live server, `runserver`)."""
    response = HttpResponse(status=answer(request.META, request.read))
    add_never_cache_headers(response)
    return response


def answer(meta, read) -> int:
    """The status for one beacon, from the WSGI environ and a function reading its body:
    `gazette/audience/wsgi.py` calls it without building Django's request and response, which
    cost as much as the counting (see there)."""
    if meta.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return 403
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 400
    if length > MAX_BODY:
        return 413
    body = read(length) if length > 0 else b""
    try:
        payload = json.loads(body)
    except ValueError:  # includes bad UTF-8
        return 400
    if not isinstance(payload, dict):
        return 400
    article_id, referrer = payload.get("id"), payload.get("ref", "")
    if type(article_id) is not int or article_id <= 0 or not isinstance(referrer, str):
        return 400
    own_host = allowed_host(
        meta.get("HTTP_X_FORWARDED_HOST", ""),
        meta.get("HTTP_HOST", ""),
        meta.get("SERVER_NAME", ""),
        meta.get("SERVER_PORT", ""),
    )
    if own_host is None:  # Django's handler would answer 400 too (ALLOWED_HOSTS)
        return 400
    user_agent = meta.get("HTTP_USER_AGENT", "")
    if is_robot(user_agent) or is_prefetch(meta):
        return 204
    counted = count_read(
        article_id=article_id,
        ip=client_ip_from(meta),
        user_agent=user_agent,
        referrer=referrer_domain(referrer, own_host=own_host),
        now=timezone.now(),
    )
    return 204 if counted else 400


@lru_cache(maxsize=256)
def allowed_host(forwarded_host: str, host: str, server_name: str, server_port: str) -> str | None:
    """The request's host as Django validates it (ALLOWED_HOSTS, X-Forwarded-Host if
    trusted), or None. Memoised: a site answers to a handful of names."""
    request = HttpRequest()
    request.META = {
        key: value
        for key, value in (
            ("HTTP_X_FORWARDED_HOST", forwarded_host),
            ("HTTP_HOST", host),
            ("SERVER_NAME", server_name),
            ("SERVER_PORT", server_port),
        )
        if value
    }
    try:
        return request.get_host()
    except DisallowedHost:
        return None
