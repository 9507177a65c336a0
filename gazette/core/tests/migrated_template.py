"""The test database migrated once per set of migrations, then copied.

Migrating an empty database costs 16 s on SQLite and about as much on PostgreSQL, and `make
test` creates eight of them (two passes, each in two pytest runs of two workers): two minutes
of a two-core machine spent writing the same tables. The first worker to get here migrates and
keeps the result (an SQLite file in the var directory, a PostgreSQL template database); the
others, then and in later runs, copy it, and run what `migrate` ends with (post_migrate: content
types, permissions, the newsroom's groups) so that a change to those is never served stale.

Keyed by the contents of every installed app's migrations and Django's version: a new or
edited migration makes a new copy. Anything unexpected falls back to migrating."""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connections

PREFIX = "gazette_migrated_"
LOCK = 0x6A7A  # the advisory lock the PostgreSQL workers take turns on


def migrations_key() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        folder = Path(app.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{app.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def install() -> None:
    """Wrap `call_command` for the one `migrate` that creates a test database."""
    from django.core import management

    original = management.call_command

    def call_command(name, *args, **options):
        caller = sys._getframe(1).f_code.co_name
        if name == "migrate" and caller == "create_test_db" and options.get("run_syncdb"):
            return migrate_or_copy(connections[options["database"]], original, *args, **options)
        return original(name, *args, **options)

    management.call_command = call_command


def migrate_or_copy(connection, call_command, *args, **options):
    def migrate():
        call_command("migrate", *args, **options)

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        _sqlite(connection, migrate)
    elif connection.vendor == "postgresql":
        _postgresql(connection, migrate)
    else:
        migrate()


def _after_copy(connection) -> None:
    from django.core.management.sql import emit_post_migrate_signal

    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)


@contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def copy_migrated_sqlite(target: Path) -> None:
    """For a test that needs an SQLite file of its own, which it then migrates (a process
    writes to it, or a command runs on it): the migrated copy this run keeps, when there is
    one (the SQLite pass), so that its `migrate` finds nothing left to apply but what it
    ends with (16 s less). Without one (the PostgreSQL pass, or no test database made yet),
    `migrate` does it all. The kept file only ever appears whole (a rename)."""
    kept = _kept_sqlite()
    if kept.exists():
        shutil.copy(kept, target)


def _kept_sqlite() -> Path:
    return Path(settings.VAR_DIR) / "migrated" / f"{migrations_key()}.sqlite3"


def _sqlite(connection, migrate) -> None:
    kept = _kept_sqlite()
    folder = kept.parent
    with _file_lock(folder / "lock"):
        connection.ensure_connection()
        if kept.exists():
            with sqlite3.connect(kept) as source:
                source.backup(connection.connection)
            _after_copy(connection)
            return
        migrate()
        for old in folder.glob("*.sqlite3"):
            old.unlink()
        partial = kept.with_suffix(f".{os.getpid()}")
        with sqlite3.connect(partial) as target:
            connection.connection.backup(target)
        partial.rename(kept)


def _postgresql(connection, migrate) -> None:
    name = connection.settings_dict["NAME"]
    template = PREFIX + migrations_key()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone():
                connection.close()
                cursor.execute(f'DROP DATABASE "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                _after_copy(connection)
                return
            migrate()
            connection.close()
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX + "%"])
            for (old,) in cursor.fetchall():
                cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
            cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
