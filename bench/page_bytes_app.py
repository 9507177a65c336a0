"""granian's ceiling for one page: a WSGI app that answers, from memory, the bytes and headers
Gazette's page cache answered (bench/pages.py writes them to the folder GAZETTE_BENCH_PAGE
names). What `make serve` would reach if a page-cache hit cost nothing in Python."""

import json
import os
from pathlib import Path

_folder = Path(os.environ["GAZETTE_BENCH_PAGE"])
BODY = (_folder / "body").read_bytes()
HEADERS = [tuple(pair) for pair in json.loads((_folder / "headers.json").read_text())]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
