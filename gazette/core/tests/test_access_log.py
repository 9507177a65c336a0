"""make serve's access log (gazette/core/access_log.py): a line per request, the
client's address through the trusted proxies, written in blocks, nothing lost."""

import io
import threading

import pytest

from gazette.core.access_log import AccessLog, with_access_log


def app(environ, start_response):
    if environ["PATH_INFO"] == "/panne/":
        raise RuntimeError("panne")
    start_response("404 Not Found" if environ["PATH_INFO"] == "/absent/" else "200 OK", [])
    return [b"ok"]


def request(path="/monde/", query="", **environ):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        **environ,
    }


def test_a_line_per_request_with_the_readers_address_written_in_a_block(settings):
    settings.GAZETTE_TRUSTED_PROXIES = "127.0.0.1"
    stream = io.StringIO()
    log = AccessLog(stream)
    logged = with_access_log(app, log)
    logged(request(query="page=2", HTTP_X_FORWARDED_FOR="203.0.113.9"), lambda *a: None)
    logged(request("/absent/", REMOTE_ADDR="198.51.100.7"), lambda *a: None)
    assert stream.getvalue() == ""  # in memory until the block is written
    log.flush()
    first, second = stream.getvalue().splitlines()
    assert first.endswith('203.0.113.9 "GET /monde/?page=2 HTTP/1.1" 200 ' + first.split()[-1])
    assert first.split()[-1].endswith("ms")
    assert '198.51.100.7 "GET /absent/ HTTP/1.1" 404 ' in second


def test_a_failing_request_is_logged_as_500_and_a_path_cannot_forge_a_line():
    stream = io.StringIO()
    log = AccessLog(stream)
    logged = with_access_log(app, log)
    with pytest.raises(RuntimeError):
        logged(request("/panne/"), lambda *a: None)
    logged(request('/x\n2026-01-01 00:00:00 +0000 1.2.3.4 "GET /faux/'), lambda *a: None)
    log.flush()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert '"GET /panne/ HTTP/1.1" 500 ' in lines[0]
    assert "/x\\n2026-01-01" in lines[1]


def test_no_line_is_lost_while_blocks_are_written():
    stream = io.StringIO()
    log = AccessLog(stream)
    logged = with_access_log(app, log)
    stop = threading.Event()

    def writer():
        while not stop.is_set():
            log.flush()

    def reader():
        for _ in range(2000):
            logged(request(), lambda *a: None)

    flusher = threading.Thread(target=writer)
    flusher.start()
    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    stop.set()
    flusher.join()
    log.flush()
    assert len(stream.getvalue().splitlines()) == 8000
