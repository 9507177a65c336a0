"""Rows written straight into a table, without model instances, for the bulk writers (the
WordPress import, the large demo newsroom).

Django's `bulk_create` builds a model instance per row and prepares each value through its
compiler: at 100,000 rows that costs several times the database's own work (a 10,000-post
WordPress import spent 11 of its 30 seconds there). Here a row is a dict of attnames, and the
values go to PostgreSQL's COPY or SQLite's `executemany` as they are, or prepared by their
field as `save()` would when the backends differ (dates, UUIDs, JSON, IP addresses).

No signal is sent and no `save()` runs: the callers say what they skip and why.
"""

from functools import partial

from django.db import connection
from django.utils import timezone
from django.utils.timezone import is_aware

# Types whose Python value is what both backends store: no preparation needed.
PLAIN_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "ParentalKey",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "TextField",
    }
)


class Rows:
    """Rows of one table. A field a row leaves out takes its default, a callable one called
    for each row (`Page.translation_key` must differ between pages), and `auto_now` or
    `auto_now_add` fields the time of the write, as `save()` would give them."""

    def __init__(self, model, *, with_id: bool = True):
        self.table = connection.ops.quote_name(model._meta.db_table)
        self.fields = [
            field for field in model._meta.local_concrete_fields if with_id or not field.primary_key
        ]
        self.prepare = [_preparation(field) for field in self.fields]
        self.columns = ", ".join(connection.ops.quote_name(field.column) for field in self.fields)

    def _defaults(self) -> list:
        """One value or one callable per field, taken when a row leaves the field out."""
        now = timezone.now()
        defaults = []
        for field in self.fields:
            if field.primary_key:
                defaults.append(None)
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                defaults.append(now)
            elif field.has_default() and callable(field.default):
                defaults.append(field.default)
            else:
                defaults.append(field.get_default())
        return defaults

    def values(self, rows: list[dict]) -> list[list]:
        """Each row's values in column order. Shaped for speed, since it runs for every value
        of 100,000 rows: one comprehension takes them all, then only the few columns with a
        callable default or a preparation are revisited."""
        defaults = self._defaults()
        attnames = [field.attname for field in self.fields]
        taken = list(zip(attnames, defaults, strict=True))
        made = [
            (index, field.attname, default)
            for index, (field, default) in enumerate(zip(self.fields, defaults, strict=True))
            if field.has_default() and callable(default)
        ]
        prepared = [(index, prepare) for index, prepare in enumerate(self.prepare) if prepare]
        values = []
        for row in rows:
            line = [row.get(attname, default) for attname, default in taken]
            for index, attname, make in made:
                if attname not in row:
                    line[index] = make()
            for index, prepare in prepared:
                line[index] = prepare(line[index])
            values.append(line)
        return values

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        values = self.values(rows)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({self.columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES ({placeholders})",  # noqa: S608
                    values,
                )


def _preparation(field):
    """None when the value goes as it is. An aware date and time goes straight to the
    backend's adapter (a string on SQLite, itself on PostgreSQL): the field's own
    `get_prep_value` only turns naive or plain dates into aware ones, and costs two seconds
    at the 200,000 dates of a large import; a naive one still takes the field's way."""
    kind = field.get_internal_type()
    if kind in PLAIN_TYPES:
        return None
    prepare = partial(field.get_db_prep_save, connection=connection)
    if kind == "DateTimeField":
        adapt = connection.ops.adapt_datetimefield_value
        return lambda value: adapt(value) if value is None or is_aware(value) else prepare(value)
    return prepare


def reserve_ids(model, count: int) -> list[int]:
    """Primary keys for rows written with their id, so that replies can name their parent and
    child tables their page without reading anything back. PostgreSQL hands them out from
    the sequence, safe beside other writers. On SQLite the next free numbers are ours only
    while this transaction holds the write lock: Gazette's SQLite transactions are IMMEDIATE
    (settings.py), so inside `atomic()` they do from the start; outside one, nothing would."""
    if count <= 0:
        return []
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [model._meta.db_table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if not connection.in_atomic_block:
            raise RuntimeError("reserve_ids needs a transaction on SQLite")
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [model._meta.db_table])
        used = cursor.fetchone()
        start = max(highest, used[0] if used else 0) + 1
        return list(range(start, start + count))
