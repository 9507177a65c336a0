"""Between transactional tests, the database put back as the first flush left it, in
milliseconds.

Django empties the database after each transactional test (`live_server`, the servers a
system test starts, `transaction=True`): `flush` truncates every table, then replays the end
of `migrate` (content types, permissions, our post_migrate handlers: the newsroom's groups and
their rights), and our conftest put back what Wagtail's data migrations had made (the roots,
the locale). That costs 0.7 s on a quiet PostgreSQL and 2 to 7 s on two busy cores, after
each of some eighty tests per pass.

The first flush of a process runs as Django's, and what it leaves (a few hundred rows in a
dozen tables) is remembered. After each later transactional test, one query finds the tables
that hold rows; those that should be empty are emptied, and those of the remembered state
are compared with it row by row and, where a test changed them, emptied and filled again
with the remembered rows, in one transaction (Django's foreign keys are checked at commit).
The database is then exactly as a flush would leave it, primary keys included. A test
that asks for a variant of the flush (`available_apps`, `serialized_rollback`,
`reset_sequences`) or a restore that fails gets Django's own."""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connections, transaction
from django.test import TransactionTestCase

# alias -> table -> (columns, rows sorted by their repr)
_remembered: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}


def ready(alias: str = "default") -> bool:
    """True once the database is known to be in the remembered state after each flush."""
    return alias in _remembered


def install(after_flush: Callable[[], None]) -> None:
    """`after_flush()` puts back what a flush takes and the tests expect (our conftest's
    `ensure_initial_data`); it runs after Django's flush only, the restore brings it back."""
    django_teardown = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        aliases = list(self._databases_names(include_mirrors=False))
        variant = self.available_apps is not None or self.serialized_rollback
        if not variant and not self.reset_sequences and all(map(_restored, aliases)):
            return
        django_teardown(self)
        after_flush()
        for alias in aliases:
            _remember(alias)

    TransactionTestCase._fixture_teardown = _fixture_teardown


def _tables(connection) -> list[str]:
    """The tables `flush` empties: those of the installed models."""
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _holding_rows(cursor, connection, tables: list[str]) -> set[str]:
    quote = connection.ops.quote_name
    found = set()
    for start in range(0, len(tables), 100):  # SQLite allows 500 SELECTs in one compound
        chunk = tables[start : start + 100]
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608 (models' tables)
                for table in chunk
            ),
            chunk,
        )
        found.update(row[0] for row in cursor.fetchall())
    return found


def _rows(cursor, connection, table: str) -> tuple[list[str], list[tuple]]:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
    columns = [column[0] for column in cursor.description]
    return columns, sorted(cursor.fetchall(), key=repr)


def _remember(alias: str) -> None:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = _holding_rows(cursor, connection, _tables(connection))
        _remembered[alias] = {table: _rows(cursor, connection, table) for table in tables}


def _restored(alias: str) -> bool:
    remembered = _remembered.get(alias)
    if remembered is None:
        return False
    connection = connections[alias]
    quote = connection.ops.quote_name
    try:
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            holding = _holding_rows(cursor, connection, _tables(connection))
            changed = [table for table in sorted(holding) if table not in remembered] + [
                table
                for table, state in remembered.items()
                if table not in holding or _rows(cursor, connection, table) != state
            ]
            for table in changed:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            for table in changed:
                if table in remembered and (rows := remembered[table][1]):
                    columns = remembered[table][0]
                    cursor.executemany(
                        f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
                        f"VALUES ({', '.join(['%s'] * len(columns))})",
                        rows,
                    )
    except DatabaseError:
        del _remembered[alias]
        return False
    # A test may have made a content type (one is made on first use, for a proxy model): the
    # cache of them must not hand out its id again, as the flush's post_migrate makes sure.
    ContentType.objects.clear_cache()
    return True
