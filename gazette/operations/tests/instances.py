"""Other Gazette instances for tests to restore into: the default connection swapped
(`default_database`) for one on another SQLite file or another PostgreSQL database, in this
process, so that the restored site renders with exactly the settings of the one backed up."""

import hashlib
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.test import Client

from gazette.operations.backup import default_database  # noqa: F401 — tests use it from here


@contextmanager
def postgres_database(server: dict, name: str):
    """A fresh database on the test server, named `ops_…`, dropped afterwards."""
    assert name.startswith("ops_")
    params = {
        "host": server.get("HOST") or None,
        "port": server.get("PORT") or None,
        "user": server.get("USER") or None,
        "password": server.get("PASSWORD") or None,
        "dbname": "postgres",
    }
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**server, "NAME": name, "TEST": {}}
    finally:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rendered(urls: list[str]) -> dict[str, str]:
    """sha256 of each page as an anonymous reader gets it."""
    client = Client()
    result = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        result[url] = hashlib.sha256(response.content).hexdigest()
    return result


def media_checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
