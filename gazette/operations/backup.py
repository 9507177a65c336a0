"""One archive per backup: a consistent database snapshot, the media, and a manifest.

The archive is a plain tar (`gazette-AAAAMMJJ-HHMMSS.tar`) an operator can open with `tar tf`:
the database in its own format (`database.sqlite3` through SQLite's online backup
API, `database.pgdump` from `pg_dump --format=custom`), `data.json` (Django's engine-neutral
`dumpdata`, to move from SQLite to PostgreSQL), `media/`, and `manifest.json` last (versions,
migrations per app, rows per model, sha256 and size of every other member, computed as it is
written).

Everything is written under a `.partial` name in the destination folder, flushed to disk, then
renamed (`os.replace`, atomic on one file system): a backup killed half-way leaves a `.partial`
file, never a half archive under a final name, and earlier archives are never opened.

Consistency: on SQLite the snapshot is a copy made by the backup API, and counts and `data.json`
are read from that copy; on PostgreSQL one REPEATABLE READ transaction exports its snapshot,
which `pg_dump --snapshot` shares, and counts and `data.json` are read in that transaction.
Media are copied after the database: a picture uploaded meanwhile is in the archive unreferenced,
never referenced and missing—unless it is deleted during the backup.

Privacy: sessions stay out of every copy of the database (a stolen archive must not open an
editor's session), and the archive and its folder are the site account's only (0600, 0700).
"""

import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import ConnectionHandler

from gazette.core.private_files import private_folder, private_opener

FORMAT = "gazette-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
DATA_MEMBER = "data.json"
MEDIA_PREFIX = "media/"
# Left out of the engine-neutral export: rebuilt (search index), transient (task results,
# sessions, login attempts) or erased daily by design (audience salts and visitor digests).
NEUTRAL_EXCLUDE = [
    "wagtailsearch",
    "django_tasks_database",
    "sessions",
    "axes",
    "audience.dailysalt",
    "audience.visitordigest",
]
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def create_backup(directory: Path, *, now: datetime | None = None) -> Path:
    """Write the archive into `directory` and return its path."""
    now = now or datetime.now(UTC)
    private_folder(directory)
    final = directory / f"gazette-{now:%Y%m%d-%H%M%S}.tar"
    if final.exists():
        raise BackupError(f"{final} existe déjà.")
    with tempfile.TemporaryDirectory(dir=directory, prefix=".gazette-", suffix=".partial") as tmp:
        staging = Path(tmp)
        manifest = _dump_database(staging)
        members = [(name, staging / name) for name in sorted(os.listdir(staging))]
        members += [(MEDIA_PREFIX + name, path) for name, path in _media_files()]
        partial = directory / f".{final.name}.partial"
        with (
            open(partial, "wb", opener=private_opener) as raw,
            tarfile.open(fileobj=raw, mode="w") as archive,
        ):
            infos = {name: _add_hashed(archive, path, name) for name, path in members}
            manifest.update(
                format=FORMAT,
                format_version=FORMAT_VERSION,
                created=now.isoformat(),
                versions=_versions(),
                files={name: digest for name, (digest, _size) in infos.items()},
                sizes={name: size for name, (_digest, size) in infos.items()},
            )
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.close()
            raw.flush()
            os.fsync(raw.fileno())
    os.replace(partial, final)
    _fsync_directory(directory)
    return final


class _HashingReader:
    def __init__(self, file):
        self.file, self.digest = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _add_hashed(archive: tarfile.TarFile, path: Path, name: str) -> tuple[str, int]:
    """The checksum and size of the very bytes archived: a picture replaced during the backup
    cannot make the archive disagree with its own manifest."""
    info = archive.gettarinfo(path, arcname=name)
    with open(path, "rb") as file:
        reader = _HashingReader(file)
        archive.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _fsync_directory(directory: Path) -> None:
    """The rename itself must reach the disk, or a power cut could forget it."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _media_files() -> Iterator[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path.relative_to(root).as_posix(), path


def _versions() -> dict:
    return {
        "gazette": version("gazette"),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "python": platform.python_version(),
    }


def _dump_database(staging: Path) -> dict:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        path = staging / SQLITE_MEMBER
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)  # online: readers and writers go on
            # Overwritten, not just unlinked from the tree: a freed page keeps its bytes.
            target.execute("PRAGMA secure_delete = ON")
            target.execute(f'DELETE FROM "{Session._meta.db_table}"')  # noqa: S608 — our table
            target.commit()
        finally:
            target.close()
        config = {**connection.settings_dict, "NAME": str(path), "OPTIONS": {}, "TEST": {}}
        with default_database(config):
            return _describe(DEFAULT_DB_ALIAS, staging)
    if connection.vendor == "postgresql":
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
            run_postgres_tool(
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--exclude-table-data={Session._meta.db_table}",
                f"--file={staging / POSTGRES_MEMBER}",
                settings_dict=connection.settings_dict,
            )
            return _describe(DEFAULT_DB_ALIAS, staging)
    raise BackupError(f"Moteur de base de données non pris en charge : {connection.vendor}.")


def _describe(alias: str, staging: Path) -> dict:
    # Rows keep their ids, content types and permissions included (log entries may point to
    # deleted pages: natural keys could not name them), and those two come first, so that
    # nothing loaded before them creates a content type under another id.
    first = ["contenttypes", "auth"]
    labels = first + [app.label for app in apps.get_app_configs() if app.label not in first]
    call_command(
        "dumpdata",
        *labels,
        exclude=NEUTRAL_EXCLUDE,
        database=alias,
        output=str(staging / DATA_MEMBER),
        verbosity=0,
    )
    return {
        "engine": connections[alias].vendor,
        "migrations": applied_migrations(alias),
        "counts": count_rows(alias),
    }


def applied_migrations(alias: str) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def count_rows(alias: str) -> dict[str, int]:
    """Rows per concrete model whose table exists, sessions aside (no archive carries them);
    proxies would count their table twice."""
    existing = set(connections[alias].introspection.table_names())
    return {
        model._meta.label: model._default_manager.using(alias).count()
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table in existing
        and model is not Session
    }


@contextmanager
def default_database(config: dict) -> Iterator[BaseDatabaseWrapper]:
    """This thread's default connection swapped for one on another database, so that Django's
    own tools (dumpdata, counts, the migration recorder) read a snapshot rather than the live
    database. A swap rather than a second alias: nothing else in a management command uses
    the connection meanwhile, and tests restore into other databases the same way."""
    original = connections[DEFAULT_DB_ALIAS]
    replacement = ConnectionHandler({DEFAULT_DB_ALIAS: config})[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = replacement
    cache.clear()  # Wagtail keeps site root paths there, from the other database
    try:
        yield replacement
    finally:
        replacement.close()
        connections[DEFAULT_DB_ALIAS] = original
        cache.clear()


def run_postgres_tool(tool: str, *args: str, settings_dict: dict, dbname: bool = True) -> None:
    """pg_dump or pg_restore on the configured database; the password goes through the
    environment, never the command line (other users can read that in `ps`)."""
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} est introuvable : installez postgresql-client.")
    command = [executable, *args]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{option}={settings_dict[key]}")
    if dbname:
        command.append(f"--dbname={settings_dict['NAME']}")
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} a échoué : {result.stderr.strip()[-2000:]}")
