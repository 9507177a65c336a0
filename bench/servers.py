"""Gazette started for a benchmark as operators start it: `make serve` or `make stack`, the
README's commands, so that a figure in bench/RESULTS.md is what they get (its access log, its
task worker, granian's options from the Makefile). One place for every benchmark.

`make` runs in a session of its own: `stop` sends the session one SIGTERM, which the recipe
hands to granian (and nginx) once, and granian's workers then leave cleanly (the embedded
shape writes its last batch of reads).
"""

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def start(
    target: str = "serve",
    *,
    env: dict,
    port: int,
    tree: Path = ROOT,
    seconds: float = 120,
    **variables,
) -> subprocess.Popen:
    """`make <target>` in `tree`, once it answers HTTP on HOST:port (any status: the app is
    up, its health page may still say why not); `variables` are make's (WORKERS=2,
    APP_PORT=8001, ACCESS_LOG=0, GRANIAN_OPTIONS=…)."""
    command = ["make", "-s", "--no-print-directory", target, f"HOST={HOST}", f"PORT={port}"]
    command += [f"{name}={value}" for name, value in variables.items()]
    server = subprocess.Popen(
        command,
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/sante/", timeout=5).close()
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                stop(server)
                raise SystemExit(f"make {target} ne démarre pas sur le port {port}") from None
            time.sleep(0.2)


def descendants(pid: int) -> list[int]:
    """`pid` and every process under it still running, setsid'd ones included (granian and
    nginx under make): for their memory and their CPU time."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
        found.append(current)
    return found


def stop(server: subprocess.Popen, seconds: float = 60) -> None:
    """One SIGTERM to the server, to its whole session when it leads one (make and what it
    started); SIGKILL if it has not ended in `seconds`."""

    def send(signum):
        try:
            group = os.getpgid(server.pid) == server.pid
            (os.killpg if group else os.kill)(server.pid, signum)
        except ProcessLookupError:
            pass

    if server.poll() is None:
        send(signal.SIGTERM)
    try:
        server.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        server.wait()
