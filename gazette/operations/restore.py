"""Restore an archive written by `backup.py` into an empty instance.

Nothing is touched before the whole archive is checked: it must be ours (manifest format), and
every member must match its sha256. Then the database comes back in its own format when the
engine is the same (a file copy for SQLite, `pg_restore` for PostgreSQL), or from the
engine-neutral `data.json` when it is not (SQLite to PostgreSQL): the schema is first migrated
to the archive's migrations, so the rows fit, then `migrate` brings an older archive up to this
release, whichever way it came back.
"""

import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from .backup import (
    DATA_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    POSTGRES_MEMBER,
    SQLITE_MEMBER,
    BackupError,
    count_rows,
    run_postgres_tool,
    sha256_file,
)


class RestoreError(BackupError):
    pass


@contextmanager
def open_archive(archive: Path) -> Iterator[tuple[Path, dict]]:
    """Unpack into a temporary folder beside the media and yield it with the checked manifest."""
    if not archive.is_file():
        raise RestoreError(f"{archive} : fichier introuvable.")
    with tempfile.TemporaryDirectory(prefix="gazette-restore-") as tmp:
        folder = Path(tmp)
        try:
            with tarfile.open(archive, mode="r:") as tar:
                tar.extractall(folder, filter="data")  # no absolute paths, links or devices
        except (tarfile.TarError, EOFError, OSError) as error:
            raise RestoreError(f"{archive} : archive illisible ou tronquée ({error}).") from None
        manifest = _read_manifest(folder, archive)
        _verify_checksums(folder, manifest, archive)
        yield folder, manifest


def _read_manifest(folder: Path, archive: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(
            f"{archive} : ce n'est pas une sauvegarde de Gazette, ou elle est tronquée "
            "(manifeste absent)."
        )
    if manifest.get("format_version") != FORMAT_VERSION:
        raise RestoreError(
            f"{archive} : format de sauvegarde {manifest.get('format_version')} inconnu de cette "
            f"version de Gazette (attendu : {FORMAT_VERSION})."
        )
    return manifest


def _verify_checksums(folder: Path, manifest: dict, archive: Path) -> None:
    expected = manifest.get("files") or {}
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    present.discard(MANIFEST)
    missing = sorted(set(expected) - present)
    extra = sorted(present - set(expected))
    if missing or extra:
        raise RestoreError(
            f"{archive} : contenu inattendu (manquants : {', '.join(missing) or 'aucun'} ; "
            f"en trop : {', '.join(extra) or 'aucun'})."
        )
    for name, checksum in expected.items():
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise RestoreError(f"{archive} : chemin refusé dans l'archive : {name}.")
        if sha256_file(folder / name) != checksum:
            raise RestoreError(f"{archive} : {name} est corrompu (somme SHA-256 différente).")


def database_is_empty(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Empty: no table yet, or only what `migrate` creates (no account, no article, no
    comment). Anything else is somebody's work, which a restore would erase."""
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    for label in ("auth.User", "news.ArticlePage", "comments.Comment", "core.CreditedImage"):
        model = apps.get_model(label)
        if model._meta.db_table in tables and model._default_manager.using(alias).exists():
            return False
    return True


def restore_archive(
    archive: Path, *, force: bool = False, dry_run: bool = False, log=print
) -> dict[str, int]:
    """Restore and return the rows per model, as counted after `migrate`; with `dry_run`,
    only check the archive and return the counts its manifest promises."""
    with open_archive(archive) as (folder, manifest):
        connection = connections[DEFAULT_DB_ALIAS]
        if dry_run:
            log(f"Archive intacte : {len(manifest['files'])} fichiers, base {manifest['engine']}.")
            return manifest["counts"]
        if not force and not database_is_empty():
            raise RestoreError(
                "La base de données n'est pas vide : la restauration l'écraserait. "
                "Utilisez une instance neuve, ou --force pour l'écraser sciemment."
            )
        same_engine = manifest["engine"] == connection.vendor
        if same_engine and connection.vendor == "sqlite":
            log("Base SQLite : copie du fichier sauvegardé…")
            _restore_sqlite(folder / SQLITE_MEMBER)
        elif same_engine and connection.vendor == "postgresql":
            log("Base PostgreSQL : pg_restore…")
            _restore_postgres(folder / POSTGRES_MEMBER)
        else:
            log(f"{manifest['engine']} vers {connection.vendor} : chargement de {DATA_MEMBER}…")
            _restore_neutral(folder / DATA_MEMBER, manifest)
        _restore_media(folder / MEDIA_PREFIX.rstrip("/"))
        log("Migrations…")
        call_command("migrate", interactive=False, verbosity=0)
        if not same_engine:
            log("Index de recherche…")
            call_command("update_index", verbosity=0)
        return count_rows(DEFAULT_DB_ALIAS)


def _restore_sqlite(snapshot: Path) -> None:
    """Copy beside the target, then rename over it: a failed copy leaves the old file; the
    old file's WAL and shared-memory files would be replayed over the new one, so they go."""
    connection = connections[DEFAULT_DB_ALIAS]
    target = Path(connection.settings_dict["NAME"])
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(snapshot, partial)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(partial, target)


def _restore_postgres(dump: Path) -> None:
    """An empty `public` schema first: tables a newer release added would otherwise survive
    `--clean` and make the next `migrate` fail on « already exists »."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    run_postgres_tool(
        "pg_restore",
        "--no-owner",
        "--no-acl",
        "--exit-on-error",
        "--single-transaction",
        str(dump),
        settings_dict=connection.settings_dict,
    )


def _restore_neutral(data: Path, manifest: dict) -> None:
    """Schema at the archive's migrations (so that every row fits), every table emptied (what
    migrations create—content types, root page, locale, groups—comes back from the archive
    with its original ids), then `loaddata`, which also resets PostgreSQL's sequences."""
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    targets = [
        (app_label, max(names))
        for app_label, names in manifest["migrations"].items()
        if (app_label, max(names)) in executor.loader.graph.nodes
    ]
    executor.migrate(targets)
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table != MigrationRecorder.Migration._meta.db_table
    ]
    flush = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in flush:
            cursor.execute(statement)
    ContentType.objects.clear_cache()  # ids cached during the migrations are gone
    call_command("loaddata", str(data), verbosity=0)


def _restore_media(folder: Path) -> None:
    if not folder.is_dir():
        return
    root = Path(settings.MEDIA_ROOT)
    for path in folder.rglob("*"):
        if path.is_file():
            target = root / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
