"""Files only the site's own account may read: the SQLite database (and the WAL and
shared-memory files SQLite gives the database's mode), the generated secret key, backups.

Modes are set when a file or folder is created, not by a later chmod, which leaves a moment
when another account can open it (and keep it open). Files and folders an earlier release
created readable by all are narrowed at start-up, when they belong to the site's account.

Imported by settings.py: nothing from Django here.
"""

import os
import stat
from pathlib import Path

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def private_opener(path, flags: int) -> int:
    """For `open(..., opener=private_opener)`: created 0600, and never through a symbolic
    link that someone left at that name."""
    return os.open(path, flags | os.O_NOFOLLOW, PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    narrow(path)
    return path


def private_file(path: Path) -> None:
    """An empty file, owner-only, unless one exists (then narrowed)."""
    try:
        os.close(private_opener(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        narrow(path)


def private_sqlite_database(name: str) -> None:
    """Created before SQLite first opens it, since SQLite gives the WAL and shared-memory files
    the database's mode. An in-memory database, or one in a folder that does not exist (SQLite
    will say so when it opens it), is left alone."""
    if name in {"", ":memory:"} or name.startswith("file:") or not Path(name).parent.is_dir():
        return
    private_file(Path(name))
    for suffix in ("-wal", "-shm"):
        narrow(Path(f"{name}{suffix}"))


def narrow(path: Path) -> None:
    """Take group and others' rights off a file or folder of ours (not one the operator
    shares from another account, nor the target of a link)."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return
    if status.st_uid == os.geteuid() and not stat.S_ISLNK(status.st_mode):
        if status.st_mode & 0o077:
            path.chmod(stat.S_IMODE(status.st_mode) & 0o700)
