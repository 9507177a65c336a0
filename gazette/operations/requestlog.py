"""One log line per request, with the request id that ties it to the proxy's and to any error.

The id comes from the proxy when it sends a sane `X-Request-ID` (Varnish or the load balancer
then logs the same one), else it is generated; anything else a client sends is ignored, so a
forged header cannot inject text into the logs. The audience beacon is answered before Django
(`gazette/wsgi.py`) and so is not logged here: thousands of lines a minute saying « 204 ».
"""

import logging
import re
import threading
import time
import uuid

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
            response["X-Request-ID"] = request_id
            return response
        finally:
            duration_ms = round((time.perf_counter() - start) * 1000, 1)
            logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                status,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                    "request_id": request_id,
                },
            )
            _local.request_id = "-"
