"""One request through a WSGI application, as granian hands it over: the page cache and the
beacon answer there, before Django's handler, which the test client would go through."""

import io
import sys
from urllib.parse import unquote

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


def wsgi_request(application, path: str, *, method="GET", query="", body=b"", **headers) -> dict:
    """`headers` by their WSGI names without `HTTP_` (user_agent="…"); REMOTE_ADDR too."""
    answer = {}

    def start_response(status, headers_list, exc_info=None):
        answer.update(status=status, headers=dict(headers_list))

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": unquote(path).encode().decode("latin-1"),  # PEP 3333
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": headers.pop("host", "localhost"),
        "REMOTE_ADDR": headers.pop("remote_addr", "127.0.0.1"),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    if body:
        environ["CONTENT_TYPE"] = "text/plain;charset=UTF-8"
    # As Django's test client does: the handler would close the test's own connection, and
    # with it the transaction the test runs in.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        answer["body"] = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    answer["cache"] = answer["headers"].get("X-Gazette-Cache")
    return answer
