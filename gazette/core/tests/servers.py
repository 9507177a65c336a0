"""Real servers started by tests (granian, Varnish, an S3 server): a free port, and waiting
until the server listens or has died."""

import socket
import subprocess
import time

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(process: subprocess.Popen, port: int, name: str, seconds=60) -> None:
    """Fail the test, with what the server printed, if it exits or stays deaf."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.communicate()[0] if process.stdout else b""
                pytest.fail(f"{name} did not start: {(output or b'').decode(errors='replace')}")
            time.sleep(0.2)
