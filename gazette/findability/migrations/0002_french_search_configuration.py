"""PostgreSQL only; written as RunPython, not RunSQL, so that it runs, doing nothing, on SQLite,
whose French stemming lives in `sqlite_backend.py`.

- The text search configuration that settings names in WAGTAILSEARCH_BACKENDS: PostgreSQL's
  `french` (Snowball stemmer, French stop words) with accents removed first, so that
  « élection », « Élections » and « elections » share one lexeme.
- An index on the expression Wagtail's backend searches, `title || body` of its index table:
  without it, every search computes that concatenation for every article (280 ms of the
  400 ms a rare word took on 20,000 articles; 3 ms with it).
"""

from django.db import migrations

CREATE = [
    # Trusted since PostgreSQL 13: the database owner may create it without superuser rights.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
    "CREATE INDEX findability_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
]
DROP = [
    "DROP INDEX IF EXISTS findability_title_body",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("findability", "0001_feed_settings"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
