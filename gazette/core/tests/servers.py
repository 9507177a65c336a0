"""Real servers started by tests (granian, Varnish, nginx, an S3 server): a free port, and waiting
until the server listens or has died."""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings


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


def serve_command(port: int, *, workers: int) -> list[str]:
    """The granian command `make serve` runs (the Makefile's GRANIAN), taken from the Makefile
    itself so that the servers tests start never drift from the production one."""
    printed = subprocess.run(
        [
            shutil.which("make") or "/usr/bin/make",
            "-s",
            "--no-print-directory",
            "--eval=granian-command: ; @echo $(GRANIAN)",
            "granian-command",
            "HOST=127.0.0.1",
            f"PORT={port}",
            f"WORKERS={workers}",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [str(Path(settings.BASE_DIR) / printed[0]), *printed[1:]]


@contextmanager
def running(command: list[str], port: int, name: str, **options):
    """The server, listening, until the block ends."""
    log = tempfile.TemporaryFile()  # a pipe nobody reads could fill and stop the server
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **options)
    try:
        try:
            wait_until_listening(process, port, name)
        except pytest.fail.Exception:
            log.seek(0)
            pytest.fail(f"{name} did not start: {log.read().decode(errors='replace')}")
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "gazette.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"
# As docs/caching-keys.md runs it: room for the long Surrogate-Key of a big front page.
VARNISHD_LIMITS = ["-p", "http_resp_hdr_len=32k", "-p", "http_resp_size=64k"]


def vcl_for(ports: list[int]) -> str:
    """The shipped VCL with its backend on the first port, and one more backend in its
    round-robin director for each other port, as the VCL's comments tell an operator."""
    vcl = VCL.read_text()
    backend = re.search(r"^backend gazette1 \{.*?^\}\n", vcl, flags=re.MULTILINE | re.DOTALL)[0]
    more = "".join(
        re.sub(r'\.port = "\d+";', f'.port = "{port}";', backend, count=1).replace(
            "gazette1", f"gazette{number}", 1
        )
        for number, port in enumerate(ports[1:], start=2)
    )
    vcl = vcl.replace(backend, backend + more, 1)
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{ports[0]}";', vcl, count=1)
    adds = "".join(f"    servers.add_backend(gazette{n});\n" for n in range(2, len(ports) + 1))
    return vcl.replace(
        "    servers.add_backend(gazette1);\n", "    servers.add_backend(gazette1);\n" + adds
    )


@contextmanager
def running_varnish(ports: list[int], *, port: int | None = None):
    """Varnish on a free port with the shipped VCL, in front of the app servers on `ports`,
    once it has found them all healthy. Its folder is readable by all: run as root, varnishd
    reads the VCL as its own user."""
    folder = Path(tempfile.mkdtemp(prefix="gazette-varnish-"))
    folder.chmod(0o755)
    (folder / "gazette.vcl").write_text(vcl_for(ports))
    port = port or free_port()
    command = [
        VARNISHD,
        "-F",
        "-n",
        str(folder / "work"),
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(folder / "gazette.vcl"),
        "-s",
        "malloc,32m",
        *VARNISHD_LIMITS,
    ]
    try:
        with running(command, port, "varnishd"):
            wait_until_healthy(folder / "work", backends=len(ports))
            yield f"http://127.0.0.1:{port}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def wait_until_healthy(workdir: Path, *, backends: int = 1, seconds=30) -> None:
    """A backend starts sick until Varnish's first probe of /sante/pret comes back good (on a
    loaded machine, after its 2-second time-out): a request before then gets a 503."""
    deadline = time.monotonic() + seconds
    while True:
        listing = subprocess.run(
            [VARNISHADM, "-n", str(workdir), "backend.list"], capture_output=True, text=True
        ).stdout
        healthy = re.findall(r"^\S*gazette\d+\s.*\shealthy\s", listing, flags=re.MULTILINE)
        if len(healthy) == backends:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"Varnish never found the app healthy:\n{listing}")
        time.sleep(0.2)


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_CONF = Path(settings.BASE_DIR) / "deploy" / "nginx"


@contextmanager
def running_nginx(ports: list[int], *, port: int | None = None):
    """nginx on a free port with the shipped files (deploy/nginx/), as `make stack` runs it:
    the same substitution of its two addresses, one upstream line per app server. Yields its
    URL and its folder (logs/access.log)."""
    folder = Path(tempfile.mkdtemp(prefix="gazette-nginx-"))
    (folder / "logs").mkdir()
    (folder / "temp").mkdir()
    port = port or free_port()
    conf = (NGINX_CONF / "gazette.conf").read_text()
    upstream = "".join(f"    server 127.0.0.1:{p} max_fails=0;\n" for p in ports)
    conf = conf.replace("    server 127.0.0.1:8001 max_fails=0;\n", upstream, 1)
    conf = conf.replace("127.0.0.1:8000", f"127.0.0.1:{port}", 1)
    assert f"127.0.0.1:{port}" in conf and f"127.0.0.1:{ports[0]}" in conf, "addresses moved"
    (folder / "gazette.conf").write_text(conf)
    (folder / "nginx.conf").write_text((NGINX_CONF / "nginx.conf").read_text())
    globals_ = "daemon off; user root;" if os.geteuid() == 0 else "daemon off;"
    command = [NGINX, "-e", "stderr", "-p", f"{folder}/", "-c", "nginx.conf", "-g", globals_]
    try:
        with running(command, port, "nginx"):
            yield f"http://127.0.0.1:{port}", folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
