"""The server's access log, one line per request, written in blocks: `make serve`'s.

Why not granian's own (`--access-log`): it sends each line through Python's logging (a record,
a formatter, a lock, a write and a flush per request), which cost about 40 % of the cached
article's throughput (issue 21, bench/RESULTS.md). Here a line is formatted from the environ and
appended to a list; a thread writes what has gathered every second, and what is left is written
when the worker stops (granian's workers leave through multiprocessing's finalizers, other
servers through atexit). Every request is there, the beacon's included, with the client's
address as the rest of Gazette sees it through the trusted proxies (`core.network`), which
granian's log did not know. Behind `make stack`, nginx writes this log and this one is off.

    2026-12-03 09:12:01 +0100 203.0.113.9 "GET /monde/ HTTP/1.1" 200 1.2ms
"""

import collections
import os
import re
import sys
import threading
import time

from gazette.core.network import client_ip_from
from gazette.core.process_exit import at_exit

# C0 and C1 controls, DEL, and the two separators some log viewers break lines on: a path
# holding them (`%0a`) must not start a line of its own (the request log escapes them too).
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

FLUSH_SECONDS = 1.0


class AccessLog:
    def __init__(self, stream=None):
        self.stream = stream
        # A deque: appends and pops are atomic, so a line added while a block is being
        # written goes into the next block, never lost.
        self.lines: collections.deque[str] = collections.deque()
        self.lock = threading.Lock()
        # A fork while this process's thread writes a block would hand the child a held lock.
        os.register_at_fork(after_in_child=self._new_lock)
        self.pid = None
        self.stamp = (None, "")  # (second, its text), replaced whole: threads read it unlocked

    def add(self, line: str) -> None:
        if self.pid != os.getpid():
            self._start()  # first line of this process: granian forks its workers
        self.lines.append(line)  # no lock on the request's path

    def timestamp(self) -> str:
        """Formatted once a second, not once a request."""
        now = int(time.time())
        second, text = self.stamp
        if now != second:
            text = time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(now))
            self.stamp = (now, text)
        return text

    def flush(self) -> None:
        with self.lock:
            lines = [self.lines.popleft() for _ in range(len(self.lines))]
            if lines:
                stream = self.stream or sys.stdout
                stream.write("\n".join(lines) + "\n")
                stream.flush()

    def _new_lock(self) -> None:
        self.lock = threading.Lock()

    def _start(self) -> None:
        """Once per process, whichever of its threads logs first."""
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.lines.clear()  # the parent's lines are the parent's to write
        at_exit(self, self.flush)
        threading.Thread(target=self._run, name="access-log", daemon=True).start()

    def _run(self) -> None:
        while True:
            time.sleep(FLUSH_SECONDS)
            self.flush()


def with_access_log(application, log: AccessLog | None = None):
    log = log or AccessLog()

    def logged(environ, start_response):
        started = time.perf_counter()
        status = "500"

        def starting(status_line, headers, exc_info=None):
            nonlocal status
            status = status_line[:3]
            return start_response(status_line, headers, exc_info)

        try:
            return application(environ, starting)
        finally:
            path = environ.get("PATH_INFO", "")
            if environ.get("QUERY_STRING"):
                path += "?" + environ["QUERY_STRING"]
            if not path.isprintable():
                path = CONTROL.sub(lambda match: ascii(match.group())[1:-1], path)
            log.add(
                f"{log.timestamp()} {client_ip_from(environ) or '-'} "
                f'"{environ.get("REQUEST_METHOD", "")} {path} '
                f'{environ.get("SERVER_PROTOCOL", "")}" {status} '
                f"{(time.perf_counter() - started) * 1000:.1f}ms"
            )

    return logged
