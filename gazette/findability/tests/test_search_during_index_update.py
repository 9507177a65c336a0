"""The SQLite search reads its matches, their scores and the articles in three queries; the task
worker may rewrite an index entry between them (the index update after a publication). A hit
that one read saw and another did not is left out: never a 500 (bench/purge_latency.py met
one)."""

import pytest
from django.db import connection

from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db


def test_an_entry_rewritten_between_the_reads_is_left_out(client, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 backend is SQLite's")
    # Imported here: Wagtail's SQLite index models exist only on SQLite.
    from gazette.findability import sqlite_backend

    monde = make_section(make_home(), "Monde")
    make_article(monde, "Sommet à Bruxelles")
    make_article(monde, "Sommet à Genève")
    matches = sqlite_backend.FrenchSQLiteSearchQueryCompiler._matches

    def rewritten_meanwhile(self, config):
        """The scores' read no longer finds the first entry the entries' read found."""
        rows, entries = matches(self, config)
        return rows.exclude(index_entry_id=entries.order_by("pk").values("pk")[:1]), entries

    monkeypatch.setattr(
        sqlite_backend.FrenchSQLiteSearchQueryCompiler, "_matches", rewritten_meanwhile
    )
    response = client.get("/recherche/?q=sommet")
    assert response.status_code == 200
    page = response.content.decode()
    assert ("Bruxelles" in page) != ("Genève" in page)  # the other hit, alone
