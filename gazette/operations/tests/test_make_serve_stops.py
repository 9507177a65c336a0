"""`make serve` and `make stack` as an operator runs them, stopped as an operator stops them:
Ctrl-C in the terminal (SIGINT to the whole process group) or a supervisor's SIGTERM to it.
Each must end in seconds, every process with it (granian, its workers, nginx, the task
worker), without the crash or the 30-second wait granian 2.8 showed when its workers got two
signals at once; `make stack` leaves its access log written."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from gazette.core.tests.servers import NGINX, free_port, wait_until_listening
from gazette.news.tests.factories import make_home, make_section

from .test_never_stale_servers import collect_static, embedded_environment

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.system,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded shape runs on SQLite"),
]


MAKE = shutil.which("make") or "/usr/bin/make"
PGREP = shutil.which("pgrep") or "/usr/bin/pgrep"
ACCESS_LOG = Path(settings.VAR_DIR) / "nginx" / "logs" / "access.log"


def as_a_terminal_would():
    """A shell started from a terminal leaves SIGINT to its default; the test's own process
    may ignore it (pytest-xdist's workers do), and its children would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_and_stop(
    target: str, signum: int, tmp_path: Path, reads: int = 4, **variables
) -> tuple[float, str]:
    make_section(make_home(), "Monde")
    # In the test run's folder, whose static files are collected once (make's collectstatic
    # then finds nothing to do).
    env = embedded_environment(tmp_path)
    env.pop("GAZETTE_BASE_URL")  # make gives the address it serves
    collect_static(env)
    ACCESS_LOG.unlink(missing_ok=True)
    port = free_port()
    variables = {"HOST": "127.0.0.1", "PORT": port, "WORKERS": 2, **variables}
    log = tmp_path / "make.log"
    with log.open("wb") as output:
        make = subprocess.Popen(
            [MAKE, "-s", target, *(f"{name}={value}" for name, value in variables.items())],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=as_a_terminal_would,
        )
        try:
            wait_until_listening(make, port, f"make {target}", seconds=120)
            for _ in range(reads):
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/monde/", timeout=30) as r:
                    assert r.status == 200
            started = time.monotonic()
            os.killpg(make.pid, signum)
            make.wait(timeout=60)
            while listening(port) or listening(variables.get("APP_PORT")):
                assert time.monotonic() - started < 60, "a server still listens"
                time.sleep(0.1)
            elapsed = time.monotonic() - started
        finally:
            if make.poll() is None:
                os.killpg(make.pid, signal.SIGKILL)
                make.wait()
    leftovers = subprocess.run(
        [PGREP, "-f", f"(--port|:){port}( |$)"], capture_output=True, text=True
    ).stdout
    assert leftovers == "", f"left running: {leftovers}"
    return elapsed, log.read_text(errors="replace")


def listening(port) -> bool:
    if port is None:
        return False
    try:
        socket.create_connection(("127.0.0.1", int(port)), timeout=0.5).close()
        return True
    except OSError:
        return False


def test_ctrl_c_stops_make_serve_at_once_and_its_access_log_is_written(tmp_path):
    elapsed, output = run_and_stop("serve", signal.SIGINT, tmp_path)
    assert "Segmentation fault" not in output
    assert "refused to gracefully stop" not in output
    assert "Granian shutdown completed" in output
    assert elapsed < 10, output
    # its access log, in blocks: the last one written as the workers stopped
    assert output.count('"GET /monde/ HTTP/1.1" 200') == 4, output


def test_ctrl_c_as_soon_as_make_serve_listens_stops_workers_still_loading(tmp_path):
    """granian listens before its workers have loaded Gazette; a worker told to stop while it
    loaded used to wait 30 seconds for the stop it had been given (gazette/core/worker_start.py)."""
    elapsed, output = run_and_stop("serve", signal.SIGINT, tmp_path, reads=0)
    # what this test is about: the stop reached workers that were still loading
    before_stop = output.partition("Shutting down granian")[0]
    assert before_stop.count("Started worker-") < 2, output
    assert "refused to gracefully stop" not in output
    assert "Granian shutdown completed" in output
    assert elapsed < 10, output


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")
def test_a_supervisors_sigterm_stops_make_stack_and_its_access_log_is_written(tmp_path):
    app_port = free_port()
    elapsed, output = run_and_stop("stack", signal.SIGTERM, tmp_path, APP_PORT=app_port)
    assert "Segmentation fault" not in output
    assert elapsed < 10, output
    access = ACCESS_LOG.read_text()
    assert access.count('"GET /monde/ HTTP/1.1" 200') == 4, access
