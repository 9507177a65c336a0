"""A restore reads archives as hostile: crafted ones, built here member by member, are refused
with a French message before anything is written, outside the instance or inside it, with
`--dry-run` as without. The shapes are those of tarfile's known escapes: a chain of symbolic
links that outgrows PATH_MAX (CVE-2025-4517), hard links, `..`, absolute names, devices."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from gazette.core.private_files import private_folder, private_sqlite_database
from gazette.operations.backup import FORMAT, FORMAT_VERSION

from .instances import default_database

pytestmark = pytest.mark.django_db
DRY_RUN_OR_NOT = pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "restore"])
BASE = {"data.json": b"[]", "database.sqlite3": b"pas une vraie base", "media/photo.jpg": b"JPEG"}


def regular(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, linkname
    if kind in {tarfile.CHRTYPE, tarfile.BLKTYPE}:
        info.devmajor, info.devminor = 1, 3
    return info, None


def craft(path: Path, extra=(), *, listed=(), manifest_edit=None) -> Path:
    """A backup-shaped archive: BASE's files, then `extra` members, and a manifest listing
    BASE's files and those named in `listed`, with their true checksums and sizes."""
    members = [regular(name, data) for name, data in BASE.items()] + list(extra)
    contents = {info.name: data for info, data in members if info.isreg()}
    names = [*BASE, *listed]
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "engine": "sqlite",
        "migrations": {},
        "counts": {},
        "files": {name: hashlib.sha256(contents[name]).hexdigest() for name in names},
        "sizes": {name: len(contents[name]) for name in names},
    }
    if manifest_edit:
        manifest_edit(manifest)
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in [*members, regular("manifest.json", json.dumps(manifest).encode())]:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def tree(root: Path) -> dict[str, tuple]:
    """Every name under `root`, links not followed, with its type, mode and bytes."""
    found = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            status = path.lstat()
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            found[str(path.relative_to(root))] = (status.st_mode, data)
    return found


@pytest.fixture
def instance(settings, tmp_path):
    """The instance restored into (var/, its SQLite file and media) and, beside it, the
    folder a crafted archive aims at."""
    settings.VAR_DIR = private_folder(tmp_path / "var")
    (settings.VAR_DIR / "static").mkdir()  # what settings.py creates, in the subprocess below
    settings.MEDIA_ROOT = settings.VAR_DIR / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "deja.jpg").write_bytes(b"image du site")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "flag").write_text("intact")
    (tmp_path / "archives").mkdir()
    private_sqlite_database(str(settings.VAR_DIR / "db"))
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(settings.VAR_DIR / "db")}
    with default_database(database) as connection:
        connection.ensure_connection()  # the file exists, and must keep its bytes
        yield tmp_path


def restore(archive: Path, *, dry_run: bool) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), force=True, dry_run=dry_run, stdout=out)
    return out.getvalue()


def assert_refused(instance: Path, archive: Path, match: str, *, dry_run: bool) -> None:
    before = tree(instance)
    with pytest.raises(CommandError, match=match):
        restore(archive, dry_run=dry_run)
    assert tree(instance) == before


def test_an_honest_archive_passes_the_dry_run(instance):
    """The control: what `craft` builds is accepted, so each refusal below is the trick's."""
    archive = craft(instance / "archives" / "honnete.tar")
    assert "Archive intacte : 3 fichiers" in restore(archive, dry_run=True)


def symlink_chain(component_length: int) -> list:
    """CPython's test of CVE-2025-4517: links through folders with long names, until the
    resolved path outgrows PATH_MAX and `os.path.realpath` stops checking; then a link to the
    parent of the extraction folder, a hard link through it, and a file written through it."""
    steps = "abcdefghijklmnop"
    component = "d" * component_length
    members, path = [], ""
    for step in steps:
        directory = tarfile.TarInfo(os.path.join(path, component))
        directory.type, directory.mode = tarfile.DIRTYPE, 0o777
        members.append((directory, None))
        members.append(special(os.path.join(path, step), tarfile.SYMTYPE, component))
        path = os.path.join(path, component)
    link = os.path.join(*steps, "l" * 254)
    members.append(special(link, tarfile.SYMTYPE, os.path.join(*[".."] * len(steps))))
    members.append(special("escape", tarfile.SYMTYPE, os.path.join(link, "..", "..")))
    members.append(special("flaglink", tarfile.LNKTYPE, "escape/outside/flag"))
    members.append(regular("flaglink", b"overwritten"))
    members.append(regular("escape/outside/new", b"new"))
    return members


@DRY_RUN_OR_NOT
def test_symlink_chain_is_refused(instance, dry_run):
    length = (os.pathconf(instance, "PC_PATH_MAX") - len(str(instance)) - 1) // 17
    archive = craft(instance / "archives" / "chaine.tar", symlink_chain(length))
    assert_refused(
        instance, archive, "a est un lien symbolique ; seuls des fichiers", dry_run=dry_run
    )


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (special("media/lien", tarfile.SYMTYPE, "../../outside/flag"), "lien symbolique"),
        (special("media/dur", tarfile.LNKTYPE, "/etc/passwd"), "lien physique"),
        (special("media/null", tarfile.CHRTYPE), r"périphérique \(caractère\)"),
        (special("media/disque", tarfile.BLKTYPE), r"périphérique \(bloc\)"),
        (special("media/tube", tarfile.FIFOTYPE), r"tube nommé \(FIFO\)"),
    ],
    ids=["symlink", "hard-link", "char-device", "block-device", "fifo"],
)
@DRY_RUN_OR_NOT
def test_links_and_devices_are_refused(instance, member, message, dry_run):
    archive = craft(instance / "archives" / "lien.tar", [member])
    assert_refused(instance, archive, f"media/[a-z]+ est un {message}", dry_run=dry_run)


@DRY_RUN_OR_NOT
def test_climbing_name_is_refused_even_if_listed(instance, dry_run):
    name = "media/../../../outside/flag"
    archive = craft(instance / "archives" / "remonte.tar", [regular(name, b"x")], listed=[name])
    assert_refused(
        instance, archive, "chemin refusé dans l'archive : media/\\.\\./", dry_run=dry_run
    )


@DRY_RUN_OR_NOT
def test_absolute_name_is_refused(instance, dry_run):
    name = str(instance / "outside" / "flag")
    archive = craft(instance / "archives" / "absolu.tar", [regular(name, b"x")])
    assert_refused(instance, archive, "chemin absolu refusé", dry_run=dry_run)


@DRY_RUN_OR_NOT
def test_member_missing_from_the_manifest_is_refused(instance, dry_run):
    archive = craft(instance / "archives" / "en-trop.tar", [regular("media/intrus.jpg", b"x")])
    assert_refused(instance, archive, "en trop : media/intrus.jpg", dry_run=dry_run)


@DRY_RUN_OR_NOT
def test_file_of_the_manifest_missing_from_the_archive_is_refused(instance, dry_run):
    def promise_more(manifest):
        manifest["files"]["media/perdu.jpg"] = hashlib.sha256(b"x").hexdigest()

    archive = craft(instance / "archives" / "manque.tar", manifest_edit=promise_more)
    assert_refused(instance, archive, "manquants : media/perdu.jpg", dry_run=dry_run)


@DRY_RUN_OR_NOT
def test_manifest_lying_about_a_size_is_refused(instance, dry_run):
    def lie(manifest):
        manifest["sizes"]["media/photo.jpg"] = 1

    archive = craft(instance / "archives" / "taille.tar", manifest_edit=lie)
    assert_refused(
        instance, archive, "photo.jpg fait 4 octets, le manifeste en annonce 1", dry_run=dry_run
    )


@DRY_RUN_OR_NOT
def test_file_whose_bytes_disagree_is_refused_and_its_copy_removed(instance, dry_run):
    """Refused while streaming, the files already copied to the restore's own folder go with
    it: the instance's folder ends as it began."""

    def wrong_checksum(manifest):
        manifest["files"]["media/photo.jpg"] = hashlib.sha256(b"autre").hexdigest()

    archive = craft(instance / "archives" / "somme.tar", manifest_edit=wrong_checksum)
    assert_refused(instance, archive, "media/photo.jpg est corrompu", dry_run=dry_run)


@pytest.mark.system
def test_command_exits_non_zero_and_says_why(instance):
    length = (os.pathconf(instance, "PC_PATH_MAX") - len(str(instance)) - 1) // 17
    archive = craft(instance / "archives" / "chaine.tar", symlink_chain(length))
    before = tree(instance)
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
        "DATABASE_URL": f"sqlite:///{instance / 'var' / 'db'}",
        "GAZETTE_VAR_DIR": str(instance / "var"),
        "GAZETTE_MEDIA_ROOT": str(instance / "var" / "media"),
        "GAZETTE_SECRET_KEY": "une-clé-de-test",
    }
    run = subprocess.run(
        [sys.executable, "manage.py", "restore", "--dry-run", str(archive)],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "est un lien symbolique" in run.stderr and "rien n'a été écrit" in run.stderr
    assert tree(instance) == before
