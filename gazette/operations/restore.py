"""Restore an archive written by `backup.py` into an empty instance.

The archive may come from anywhere (a copy off the machine, a download), and the restore runs
with the site's rights, often root's: it is read as hostile until proven ours. Nothing is
extracted by tarfile, whose filters a chain of symbolic links has bypassed (CVE-2025-4517):
the listing is checked first, every member against the manifest, and only regular files and
folders with plain relative names pass; then each file is streamed, counted and hashed, into a
private folder created for the restore (or nowhere, with `--dry-run`). A refused archive
leaves nothing behind.

Then the database comes back in its own format when the engine is the same (a file copy for
SQLite, `pg_restore` for PostgreSQL), or from the engine-neutral `data.json` when it is not
(SQLite to PostgreSQL): the schema is first migrated to the archive's migrations, so the rows
fit, then `migrate` brings an older archive up to this release, whichever way it came back.
"""

import hashlib
import json
import os
import re
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

from gazette.core.private_files import private_opener

from .backup import (
    CHUNK,
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
)

MANIFEST_MAX_BYTES = 64 * 1024 * 1024
NATIVE_MEMBERS = {"sqlite": SQLITE_MEMBER, "postgresql": POSTGRES_MEMBER}
SHA256 = re.compile(r"[0-9a-f]{64}")
MEMBER_KINDS = {
    tarfile.SYMTYPE: "lien symbolique",
    tarfile.LNKTYPE: "lien physique",
    tarfile.CHRTYPE: "périphérique (caractère)",
    tarfile.BLKTYPE: "périphérique (bloc)",
    tarfile.FIFOTYPE: "tube nommé (FIFO)",
}


class RestoreError(BackupError):
    pass


@contextmanager
def open_archive(archive: Path) -> Iterator[tuple[tarfile.TarFile, dict, dict]]:
    """The archive with its checked manifest and its files' members, by name. Only the
    headers and the manifest have been read: no member's bytes, nothing written."""
    if not archive.is_file():
        raise RestoreError(f"{archive} : fichier introuvable.")
    try:
        tar = tarfile.open(archive, mode="r:")
        members = tar.getmembers()
    except (tarfile.TarError, EOFError, OSError) as error:
        raise RestoreError(f"{archive} : archive illisible ou tronquée ({error}).") from None
    with tar:
        manifest, files = _check_listing(archive, tar, members)
        yield tar, manifest, files


def _check_listing(archive: Path, tar: tarfile.TarFile, members: list) -> tuple[dict, dict]:
    seen = set()
    for member in members:
        if not (member.isreg() or member.isdir()):
            kind = MEMBER_KINDS.get(member.type) or f"membre de type « {member.type!r} »"
            raise RestoreError(
                f"{archive} : {member.name} est un {kind} ; seuls des fichiers et des dossiers "
                "sont acceptés : archive refusée, rien n'a été écrit."
            )
        _check_name(archive, member.name)
        if member.name in seen:
            raise RestoreError(f"{archive} : {member.name} figure deux fois : archive refusée.")
        seen.add(member.name)
    by_name = {member.name: member for member in members}
    manifest = _read_manifest(archive, tar, by_name.get(MANIFEST))
    expected, sizes = manifest["files"], manifest.get("sizes", {})
    files = {name: member for name, member in by_name.items() if member.isreg()}
    files.pop(MANIFEST)
    folders = {str(parent) for name in expected for parent in PurePosixPath(name).parents} - {"."}
    missing = sorted(set(expected) - set(files))
    extra = sorted(set(files) - set(expected))
    extra += sorted(name for name, m in by_name.items() if m.isdir() and name not in folders)
    if missing or extra:
        raise RestoreError(
            f"{archive} : contenu inattendu (manquants : {', '.join(missing) or 'aucun'} ; "
            f"en trop : {', '.join(extra) or 'aucun'})."
        )
    for name, member in files.items():
        if name in sizes and sizes[name] != member.size:
            raise RestoreError(
                f"{archive} : {name} fait {member.size} octets, le manifeste en annonce "
                f"{sizes[name]} : archive refusée."
            )
    return manifest, files


def _check_name(archive: Path, name: str) -> None:
    """Plain relative names only: what the backup writes, and what cannot climb out of the
    folder it is written into (no absolute name, no `..`, no `.` or empty part to hide one)."""
    if name.startswith("/"):
        raise RestoreError(f"{archive} : chemin absolu refusé dans l'archive : {name}.")
    if any(part in {"", ".", ".."} for part in name.split("/")):
        raise RestoreError(f"{archive} : chemin refusé dans l'archive : {name}.")


def _read_manifest(archive: Path, tar: tarfile.TarFile, member) -> dict:
    manifest = None
    if member is not None and member.isreg() and member.size <= MANIFEST_MAX_BYTES:
        try:
            manifest = json.loads(tar.extractfile(member).read())
        except (tarfile.TarError, EOFError, OSError, ValueError):
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
    files, sizes = manifest.get("files"), manifest.get("sizes", {})
    well_formed = (
        manifest.get("engine") in NATIVE_MEMBERS
        and isinstance(manifest.get("counts"), dict)
        and isinstance(manifest.get("migrations"), dict)
        and isinstance(files, dict)
        and all(isinstance(v, str) and SHA256.fullmatch(v) for v in files.values())
        and isinstance(sizes, dict)
        and all(isinstance(v, int) and v >= 0 for v in sizes.values())
        and {DATA_MEMBER, NATIVE_MEMBERS[manifest["engine"]]} <= set(files)
    )
    if not well_formed:
        raise RestoreError(f"{archive} : manifeste incomplet ou mal formé : archive refusée.")
    for name in files:
        _check_name(archive, name)
    return manifest


def copy_members(archive: Path, tar: tarfile.TarFile, files: dict, manifest: dict, into=None):
    """Stream each file once, counting and hashing its bytes, into `into` (a folder made for
    this restore, so no link can be waiting in it) or nowhere; each file is created, never
    opened if it exists, and readable by the site's account only."""
    for name, member in sorted(files.items()):
        digest, size = hashlib.sha256(), 0
        try:
            with _output(into, name) as target:
                source = tar.extractfile(member)
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    target.write(chunk)
        except (tarfile.TarError, EOFError) as error:
            raise RestoreError(f"{archive} : archive illisible ou tronquée ({error}).") from None
        except OSError as error:
            raise RestoreError(f"{archive} : {name} n'a pas pu être écrit ({error}).") from None
        if size != member.size or digest.hexdigest() != manifest["files"][name]:
            raise RestoreError(f"{archive} : {name} est corrompu (somme SHA-256 différente).")


def _output(folder: Path | None, name: str):
    if folder is None:
        return open(os.devnull, "wb")
    (folder / name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return open(folder / name, "xb", opener=private_opener)


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
    only check the archive, reading every byte but writing none, and return the counts its
    manifest promises."""
    with open_archive(archive) as (tar, manifest, files):
        if dry_run:
            copy_members(archive, tar, files, manifest)
            log(f"Archive intacte : {len(files)} fichiers, base {manifest['engine']}.")
            return manifest["counts"]
        if not force and not database_is_empty():
            raise RestoreError(
                "La base de données n'est pas vide : la restauration l'écraserait. "
                "Utilisez une instance neuve, ou --force pour l'écraser sciemment."
            )
        # In the instance's own folder (mkdtemp: 0700): the database and media copies
        # stay on the disk that keeps them, and no other account sees them meanwhile.
        with tempfile.TemporaryDirectory(prefix=".gazette-restore-", dir=settings.VAR_DIR) as tmp:
            folder = Path(tmp)
            copy_members(archive, tar, files, manifest, into=folder)
            return _restore(folder, manifest, log)


def _restore(folder: Path, manifest: dict, log) -> dict[str, int]:
    connection = connections[DEFAULT_DB_ALIAS]
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
    partial.unlink(missing_ok=True)  # left by a failed restore; created afresh, owner-only
    with open(snapshot, "rb") as source, open(partial, "xb", opener=private_opener) as copy:
        shutil.copyfileobj(source, copy, CHUNK)
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
