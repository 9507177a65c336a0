"""The embedded site's data are its own account's: var/, the SQLite database with its WAL and
shared-memory files, the generated secret key. Created so, and narrowed at start-up when an
earlier release left them readable by all."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from gazette.core.private_files import private_sqlite_database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def start(var: Path) -> None:
    """What every start does first: load the settings (`manage.py check`)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.pop("GAZETTE_SECRET_KEY", None)
    subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={**env, "GAZETTE_VAR_DIR": str(var)},
        check=True,
        capture_output=True,
    )


@pytest.mark.system
def test_a_new_site_creates_its_files_for_its_account_only(tmp_path):
    var = tmp_path / "var"
    start(var)
    assert mode(var) == 0o700
    assert mode(var / "secret_key") == 0o600
    assert mode(var / "gazette.sqlite3") == 0o600


@pytest.mark.system
def test_files_of_an_earlier_release_are_narrowed(tmp_path):
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    var.chmod(0o755)
    for name in ("secret_key", "gazette.sqlite3", "gazette.sqlite3-wal", "gazette.sqlite3-shm"):
        (var / name).write_text("x" * 60 if name == "secret_key" else "")
        (var / name).chmod(0o644)
    start(var)
    assert mode(var) == 0o700
    for name in ("secret_key", "gazette.sqlite3", "gazette.sqlite3-wal", "gazette.sqlite3-shm"):
        assert mode(var / name) == 0o600, name


def test_sqlite_gives_the_wal_and_shared_memory_files_the_database_mode(tmp_path):
    """What the settings rely on: no chmod of files SQLite creates and deletes as it goes."""
    database = tmp_path / "gazette.sqlite3"
    private_sqlite_database(str(database))
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
        assert mode(Path(f"{database}-wal")) == 0o600
        assert mode(Path(f"{database}-shm")) == 0o600
    finally:
        connection.close()


def test_an_in_memory_database_or_a_missing_folder_is_left_to_sqlite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    private_sqlite_database(":memory:")
    private_sqlite_database(str(tmp_path / "absent" / "gazette.sqlite3"))
    assert list(tmp_path.iterdir()) == []
