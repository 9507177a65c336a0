import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection

from gazette.comments.tests.factories import make_comment
from gazette.core.tests import migrated_template
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)
from gazette.operations.backup import NEUTRAL_EXCLUDE, count_rows
from gazette.operations.health import pending_migrations

from .instances import default_database, media_checksums, postgres_database, rendered

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]  # pg_dump, kill -9
MANAGE = [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py")]
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="backs up the SQLite test database"
)


@pytest.fixture
def newsroom(settings, tmp_path):
    """A small site with an image, an author, a tag and a comment; returns its public URLs."""
    settings.MEDIA_ROOT = tmp_path / "media"
    home = make_home()
    section = make_section(home, "Monde")
    article = make_article(
        section,
        "Sommet du climat à Belém",
        lead_image=make_image("Belém"),
        authors=(make_author("Ana Souza"),),
        tags=("climat",),
    )
    make_comment(article, "Merci pour ce reportage.")
    return [home.url, section.url, article.url, "/auteurs/ana-souza/", "/flux/rss/"]


def backup(directory: Path) -> Path:
    out = io.StringIO()
    call_command("backup", to=directory, verbosity=0, stdout=out)
    return Path(out.getvalue().strip())


def restore(archive: Path, **options) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out, **options)
    return out.getvalue()


def snapshot_of_site(urls):
    """Pages first: rendering them creates renditions and default settings rows."""
    pages = rendered(urls)
    return count_rows("default"), pages, media_checksums(Path(django_settings.MEDIA_ROOT))


def assert_same_site(before, urls, *, excluded=()):
    counts, pages, media = before
    after = count_rows("default")
    kept = {label for label in counts if label.split(".")[0] not in excluded}
    kept -= {label for label in kept if label.lower() in excluded}
    assert {label: after[label] for label in kept} == {label: counts[label] for label in kept}
    assert rendered(urls) == pages
    assert media_checksums(Path(django_settings.MEDIA_ROOT)) == media


@sqlite_only
def test_sqlite_round_trip(newsroom, settings, tmp_path):
    before = snapshot_of_site(newsroom)
    archive = backup(tmp_path / "backups")
    assert archive.name.startswith("gazette-") and archive.suffix == ".tar"
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    target = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3"), "TEST": {}}
    with default_database(target):
        output = restore(archive)
        assert "news.ArticlePage : 1" in output
        assert pending_migrations() == []
        assert_same_site(before, newsroom)
    assert stat.S_IMODE(Path(target["NAME"]).stat().st_mode) == 0o600


@pytest.mark.postgres
def test_postgres_round_trip(newsroom, settings, tmp_path):
    before = snapshot_of_site(newsroom)
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        assert "database.pgdump" in tar.getnames()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    # Named for this process: two test runs (or xdist workers) on one server never share it.
    with postgres_database(connection.settings_dict, f"ops_restore_{os.getpid()}") as target:
        with default_database(target):
            output = restore(archive)
            assert "Base PostgreSQL" in output
            assert_same_site(before, newsroom)


def postgres_server() -> dict:
    url = os.environ.get("GAZETTE_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    server = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=server["HOST"],
            port=server["PORT"] or None,
            user=server["USER"],
            dbname="postgres",
            password=server["PASSWORD"] or None,
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError:
        pytest.skip("needs a PostgreSQL server to move to (GAZETTE_TEST_POSTGRES_URL)")
    return server


@sqlite_only
def test_sqlite_to_postgres_move(newsroom, settings, tmp_path):
    """The restore runs in its own process, as on the new machine: Wagtail's search migrations
    choose their SQL by the engine of the process that first imports them."""
    before = snapshot_of_site(newsroom)
    archive = backup(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with postgres_database(postgres_server(), f"ops_from_sqlite_{os.getpid()}") as target:
        env = {
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            "DATABASE_URL": target_url(target),
            "GAZETTE_VAR_DIR": str(tmp_path / "var"),
            "GAZETTE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        }
        command = [*MANAGE, "restore", str(archive)]
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr
        assert "sqlite vers postgresql" in run.stdout
        with default_database(dj_database_url.parse(target_url(target))):
            assert pending_migrations() == []
            # Content types and permissions: the final `migrate` adds those of any model the
            # code has and the source lacked (in the full suite, earlier tests' flushes drop some).
            excluded = {label.lower() for label in NEUTRAL_EXCLUDE} | {
                "contenttypes",
                "auth.permission",
            }
            assert_same_site(before, newsroom, excluded=excluded)


def target_url(config: dict) -> str:
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    return (
        f"postgres://{config['USER']}{password}@{config['HOST']}:{config['PORT'] or 5432}/"
        f"{config['NAME']}"
    )


@sqlite_only
def test_older_archive_is_migrated_on_restore(settings, tmp_path):
    """A release without findability's last migration: `check_migrations` refuses to serve it,
    and its archive comes back migrated."""
    old = {**connection.settings_dict, "NAME": str(tmp_path / "old.sqlite3"), "TEST": {}}
    migrated_template.copy_migrated_sqlite(old["NAME"])
    with default_database(old):
        call_command("migrate", verbosity=0)
        call_command("migrate", "findability", "0001", verbosity=0)
        with pytest.raises(CommandError) as refused:  # what `make serve` runs first
            call_command("check_migrations")
        assert "findability.0002_french_search_configuration" in str(refused.value)
        assert "python manage.py migrate" in str(refused.value)
        archive = backup(tmp_path / "backups")
    manifest = json.loads(tarfile.open(archive).extractfile("manifest.json").read())
    assert manifest["migrations"]["findability"] == ["0001_feed_settings"]
    new = {**connection.settings_dict, "NAME": str(tmp_path / "new.sqlite3"), "TEST": {}}
    with default_database(new):
        restore(archive)
        assert pending_migrations() == []


def test_archive_is_private_and_carries_no_session(client, django_user_model, tmp_path):
    """A stolen archive must not let anyone into the admin: no session in any copy of the
    database, and only the site's account can read the archive and its folder."""
    client.force_login(django_user_model.objects.create_user("claire", password="x" * 20))
    key = client.session.session_key.encode()
    archive = backup(tmp_path / "backups")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.parent.stat().st_mode) == 0o700
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    assert b"sessions.session" not in members["data.json"]
    if "database.sqlite3" in members:
        native = members["database.sqlite3"]
        (tmp_path / "copie.sqlite3").write_bytes(native)
        with sqlite3.connect(tmp_path / "copie.sqlite3") as copy:
            assert copy.execute("SELECT count(*) FROM django_session").fetchone() == (0,)
    else:
        (tmp_path / "copie.pgdump").write_bytes(members["database.pgdump"])
        command = [shutil.which("pg_restore"), "--file=-", str(tmp_path / "copie.pgdump")]
        native = subprocess.run(command, capture_output=True, check=True).stdout
        assert b"COPY public.auth_user" in native and b"claire" in native
    assert key not in native


def test_non_empty_database_is_refused(newsroom, tmp_path):
    archive = backup(tmp_path / "backups")
    with pytest.raises(CommandError, match="pas vide.*--force"):
        restore(archive)


def test_dry_run_checks_the_archive_and_touches_nothing(newsroom, tmp_path):
    archive = backup(tmp_path / "backups")
    counts = count_rows("default")
    output = restore(archive, dry_run=True)
    assert "Archive intacte" in output and "news.ArticlePage : 1" in output
    assert count_rows("default") == counts


def rewrite(archive: Path, target: Path, *, change: dict[str, bytes]) -> Path:
    """A copy of the archive with some members' bytes replaced, manifest untouched."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for member in source.getmembers():
            data = change.get(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


@pytest.fixture
def archive(newsroom, tmp_path):
    return backup(tmp_path / "backups")


def refused(archive: Path, match: str):
    counts = count_rows("default")
    with pytest.raises(CommandError, match=match):
        restore(archive, force=True)
    assert count_rows("default") == counts  # nothing was touched


def test_corrupt_member_is_refused(archive, tmp_path):
    original = tarfile.open(archive).extractfile("data.json").read()
    same_size = b" " + original[1:]
    corrupt = rewrite(archive, tmp_path / "corrupt.tar", change={"data.json": same_size})
    refused(corrupt, "data.json est corrompu")


def test_truncated_archive_is_refused(archive, tmp_path):
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused(truncated, "tronquée")


@pytest.mark.django_db  # no backup made: the site may stay in the test's transaction
def test_foreign_archive_is_refused(newsroom, tmp_path):
    foreign = tmp_path / "photos.tar"
    with tarfile.open(foreign, "w") as tar:
        tar.add(Path(django_settings.BASE_DIR) / "README.md", arcname="README.md")
    refused(foreign, "pas une sauvegarde de Gazette")


@pytest.mark.django_db  # no backup made: the site may stay in the test's transaction
def test_file_that_is_no_archive_is_refused(newsroom, tmp_path):
    text = tmp_path / "notes.tar"
    text.write_text("pas une archive")
    refused(text, "illisible")


def test_member_not_in_manifest_is_refused(archive, tmp_path):
    extra = tmp_path / "extra.tar"
    extra.write_bytes(archive.read_bytes())
    with tarfile.open(extra, "a") as tar:
        tar.add(Path(django_settings.BASE_DIR) / "README.md", arcname="media/README.md")
    refused(extra, "en trop : media/README.md")


@sqlite_only
def test_backup_killed_midway_leaves_earlier_ones_intact(tmp_path):
    """kill -9 while the archive is written: a `.partial` file stays, no final name appears,
    and the earlier archive keeps its bytes."""
    database = tmp_path / "gazette.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    media = tmp_path / "media"
    media.mkdir()
    (media / "small.jpg").write_bytes(os.urandom(1000))
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
        "DATABASE_URL": f"sqlite:///{database}",
        "GAZETTE_VAR_DIR": str(tmp_path / "var"),
        "GAZETTE_MEDIA_ROOT": str(media),
    }
    backups = tmp_path / "backups"
    command = [*MANAGE, "backup", "--to", str(backups), "-v0"]
    run = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    first = Path(run.stdout.strip())
    earlier = first.read_bytes()
    for number in range(4):
        (media / f"big-{number}.bin").write_bytes(os.urandom(32 * 1024 * 1024))
    time.sleep(1)  # archive names are stamped to the second
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(backups.glob(".gazette-*.tar.partial")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.kill()
    process.wait()
    assert list(backups.glob(".gazette-*.tar.partial")), "the backup ended before the kill"
    assert sorted(backups.glob("gazette-*.tar")) == [first]
    assert first.read_bytes() == earlier


@sqlite_only
def test_backup_of_an_unmigrated_database_is_refused(tmp_path):
    empty = {**connection.settings_dict, "NAME": str(tmp_path / "vide.sqlite3"), "TEST": {}}
    with default_database(empty), pytest.raises(CommandError, match="aucune migration"):
        backup(tmp_path / "backups")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())
