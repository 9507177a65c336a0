"""Static files as `make serve` serves them: hashed names, brotli and gzip copies made once by
`collectstatic`, and `immutable` caching, through the production server (granian)."""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .servers import free_port, wait_until_listening

GRANIAN = Path(settings.BASE_DIR) / ".venv" / "bin" / "granian"


pytestmark = pytest.mark.system


@pytest.fixture(scope="module")
def server():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("static files do not depend on the database: the SQLite pass checks them")
    var_dir = tempfile.mkdtemp(prefix="gazette-static-")
    env = {
        **os.environ,
        "GAZETTE_VAR_DIR": var_dir,
        "GAZETTE_DEBUG": "0",
        "GAZETTE_ALLOWED_HOSTS": "127.0.0.1",
        "GAZETTE_LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [str(GRANIAN), "--interface", "wsgi", "gazette.wsgi:application", "--port", str(port)]
        + ["--host", "127.0.0.1", "--workers", "1", "--no-access-log"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_listening(process, port, "granian")
    manifest = json.loads((Path(var_dir) / "static" / "staticfiles.json").read_text())
    yield f"http://127.0.0.1:{port}", manifest["paths"]
    process.terminate()
    process.wait(timeout=20)


def fetch(url: str, encoding: str = ""):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_hashed_static_files_are_precompressed_and_immutable(server, encoding):
    base, paths = server
    css = next(name for name in paths if name.endswith(".css"))
    hashed = paths[css]
    assert hashed != css  # a content hash in the name

    headers, body = fetch(f"{base}/static/{hashed}", encoding)
    assert headers["Content-Encoding"] == encoding
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]
    plain_headers, plain = fetch(f"{base}/static/{hashed}")
    assert "Content-Encoding" not in plain_headers
    assert len(body) < len(plain)
