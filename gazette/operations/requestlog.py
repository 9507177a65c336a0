"""One log line per request, with the request id that ties it to the proxy's and to any error,
and the client's address as comments and login throttling see it (`core.network.client_ip`).

The id comes from the proxy when it sends a sane `X-Request-ID` (Varnish or the load balancer
then logs the same one), else it is generated; anything else a client sends is ignored, so a
forged header cannot inject text into the logs. It is sent back to this client only: a
response that a shared cache may keep (`Cache-Control: public`) goes without it, or the id
would be replayed to every reader of the cached page (the page cache drops it too).
Nor can a path inject text: the text format escapes control characters (`TextFormatter`),
so `%0a` in a URL cannot start a line of its own. The audience beacon is answered before
Django (`gazette/wsgi.py`) and so is not logged here: thousands of lines a minute saying
« 204 ».
"""

import logging
import re
import threading
import time
import uuid

from gazette.core.access_log import CONTROL
from gazette.core.network import client_ip

logger = logging.getLogger("gazette.requests")
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_local = threading.local()


def current_request_id() -> str:
    return getattr(_local, "request_id", "-")


class RequestIdFilter(logging.Filter):
    """Gives every record of the thread serving a request that request's id, so that a
    traceback logged deep in a view can be matched with its request line."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


class TextFormatter(logging.Formatter):
    """One event, one line, whatever a client put in what is logged (a path, a user name
    tried at the login): the traceback that may follow is ours, and keeps its lines."""

    def formatMessage(self, record):
        line = super().formatMessage(record)
        return CONTROL.sub(lambda match: ascii(match.group())[1:-1], line)


def shared(response) -> bool:
    """A response a shared cache may keep (the page cache, Varnish) and hand to other
    readers: it must not carry this request's id, which the client may have chosen."""
    directives = {
        part.strip().split("=", 1)[0].lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    return bool(directives & {"public", "s-maxage"}) and not directives & {"private", "no-store"}


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = _local.request_id = request_id
        start = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            if not shared(response):
                response["X-Request-ID"] = request_id
            return response
        finally:
            duration_ms = round((time.perf_counter() - start) * 1000, 1)
            client = client_ip(request) or "-"
            logger.info(
                "%s %s %s %sms %s",
                request.method,
                request.path,
                status,
                duration_ms,
                client,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                    "request_id": request_id,
                    "client": client,
                },
            )
            _local.request_id = "-"
