"""Wagtail's database search backend, taught French on SQLite.

PostgreSQL needs no code here: Wagtail's backend takes a text search configuration, and
settings gives it `french_unaccent`, which this app's migration creates (unaccent, then the
French Snowball stemmer). Wagtail's SQLite backend takes none: FTS5's unicode61 tokenizer folds
case and accents but does not stem, so « élection » found « Élection » but not « élections ».
This backend keeps Wagtail's FTS5 tables, ranking and filtering, and changes only the words:
the index stores stems, and each word of a query is stemmed the same way (`stemming.py`).

An index built before this backend was switched on holds whole words: `manage.py
update_index` rebuilds it.
"""

from django.db import connection
from wagtail.search.backends import database


def SearchBackend(params):
    """Wagtail's choice of backend for the database in use, French where it is SQLite's (the
    name is the one Wagtail looks up in a backend module)."""
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported here: Wagtail's SQLite backend cannot even be imported on another database.
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_backend import FrenchSQLiteSearchBackend

    if isinstance(backend, SQLiteSearchBackend):  # not the fallback: FTS5 is there
        return FrenchSQLiteSearchBackend(params)
    return backend
