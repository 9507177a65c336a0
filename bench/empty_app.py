"""The peer of the beacon benchmark: a WSGI app that answers 204 and does nothing, under the
same gunicorn, so that the beacon's figures read as a share of what the server itself allows."""


def application(environ, start_response):
    environ["wsgi.input"].read()
    start_response("204 No Content", [("Content-Length", "0")])
    return [b""]
