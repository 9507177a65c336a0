"""The embedded mode's counter: reads gathered in the process, written to the database in
batches.

One write per beacon would make SQLite's single writer the limit; instead each process keeps
the reads of the last `GAZETTE_AUDIENCE_BATCH_SECONDS` (or the last `BATCH_SIZE` reads,
whichever comes first) and a background thread writes them in one transaction, plus once more
when the process exits normally. A crash (kill -9, power loss) loses at most that window, and
never more than `MAX_PENDING` reads: past that, requests write the batch themselves. The
deduplication lives in the database (`VisitorDigest`, unique), not in the process, so that a
restart or a second process never counts a visitor twice. So does the limit of readers per
network and article (`base.READERS_PER_NETWORK`): the batch's writer counts the day's digests
of each `place` before it inserts, and on PostgreSQL locks the table against another process
doing the same. The rate of a network (`base.READS_PER_MINUTE`) is each process's own, counted
as beacons arrive: a flood is turned away before it takes memory in the batch.
"""

import logging
import os
import secrets
import threading
import time
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction

from gazette.core.process_exit import at_exit
from gazette.news.models import ArticlePage

from ..models import DailySalt, VisitorDigest
from .base import READERS_PER_NETWORK, READS_PER_MINUTE, Read, add_counts

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
# A writer that falls behind (a burst on a slow disk) must not let acknowledged reads pile up
# in memory: past this many, the request that adds one writes the batch itself, and waits.
MAX_PENDING = 4 * BATCH_SIZE
# A beacon for an id we do not know re-reads the live ids, at most this often (seconds).
RELOAD_AFTER = 5.0


class DatabaseBackend:
    def __init__(self):
        self._lock = threading.Lock()  # guards _pending and the thread
        self._flush_lock = threading.Lock()  # one batch written at a time
        self._wake = threading.Event()
        self._pending: list[tuple[Read, str, str]] = []
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._salt: tuple[date, bytes] | None = None
        self._live_ids: frozenset[int] = frozenset()
        self._loaded_at = float("-inf")
        self._purged_before: date | None = None
        self._minute = 0
        self._minute_reads: Counter[str] = Counter()

    def count(self, read: Read) -> bool:
        """True when the article is known (the read is then queued, unless its network is
        past its rate); dedup and the limit per network come later."""
        if not self._is_live(read.article_id):
            return False
        salt = self._salt_for(read.day)
        entry = (read, read.digest(salt), read.place(salt))
        inline = settings.GAZETTE_AUDIENCE_BATCH_SECONDS <= 0
        with self._lock:
            if read.minute != self._minute:
                self._minute, self._minute_reads = read.minute, Counter()
            if self._minute_reads[read.network] >= READS_PER_MINUTE:
                return True
            self._minute_reads[read.network] += 1
            if not inline:
                self._pending.append(entry)
                pending = len(self._pending)
                self._ensure_thread()
        if inline:
            self._write([entry])
            return True
        if pending >= MAX_PENDING:
            try:
                self.flush(beyond=MAX_PENDING - 1)
            except DatabaseError:  # kept pending for the writer's next try
                logger.exception(
                    "Lot de lectures refusé par la base : nouvel essai au prochain lot."
                )
        elif pending >= BATCH_SIZE:
            self._wake.set()
        return True

    def flush(self, *, beyond: int = 0) -> int:
        """Write what is pending now; returns the number of reads written (before dedup).
        On a database error the reads go back in front of the queue for the next try.
        `beyond`: only if more than that many are still pending once it is this call's turn:
        requests that waited behind the writer thread do not each write a handful of reads,
        one transaction apiece, when the writer has just written them all."""
        with self._flush_lock:
            with self._lock:
                if len(self._pending) <= beyond:
                    return 0
                entries, self._pending = self._pending, []
            try:
                self._write(entries)
            except DatabaseError:
                with self._lock:
                    self._pending[:0] = entries
                raise
            return len(entries)

    def article_published(self, article_id: int) -> None:
        with self._lock:
            self._live_ids |= {article_id}

    def article_withdrawn(self, article_id: int) -> None:
        with self._lock:
            self._live_ids -= {article_id}

    def load_articles(self) -> None:
        """Lazily: the next beacon re-reads them."""
        with self._lock:
            self._live_ids, self._loaded_at = frozenset(), float("-inf")

    def purge_before(self, day: date, *, dry_run: bool = False) -> int:
        return purge_visitors_before(day, dry_run=dry_run)

    def _is_live(self, article_id: int) -> bool:
        if article_id in self._live_ids:
            return True
        if time.monotonic() - self._loaded_at < RELOAD_AFTER:
            return False
        ids = frozenset(ArticlePage.objects.visible().values_list("pk", flat=True))
        with self._lock:
            self._live_ids, self._loaded_at = ids, time.monotonic()
        return article_id in ids

    def _salt_for(self, day: date) -> bytes:
        salt = self._salt
        if salt is None or salt[0] != day:
            # get_or_create re-reads when another process created the row meanwhile.
            row, _ = DailySalt.objects.get_or_create(
                day=day, defaults={"secret": secrets.token_hex(32)}
            )
            salt = self._salt = (day, bytes.fromhex(row.secret))
        return salt[1]

    def _ensure_thread(self) -> None:
        """Started on the first read, not at import: a process forked afterwards (granian's
        workers) gets its own thread."""
        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            return
        if self._pid != os.getpid():
            self._pid = os.getpid()
            at_exit(self, self._flush_at_exit)
        self._thread = threading.Thread(target=self._run, name="audience-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Until the batch window is set to 0 (reads then go to the database at once)."""
        while (window := settings.GAZETTE_AUDIENCE_BATCH_SECONDS) > 0:
            self._wake.wait(window)
            self._wake.clear()
            if not self._pending:
                continue  # an idle process does not touch the database
            close_old_connections()
            try:
                self.flush()
            except DatabaseError:
                logger.exception("Lectures non enregistrées : nouvel essai au prochain lot.")
        self._flush_at_exit()

    def _flush_at_exit(self) -> None:
        try:
            self.flush()
        except DatabaseError:
            logger.exception("Lectures perdues à l'arrêt : la base de données a refusé le lot.")

    def _write(self, entries: list[tuple[Read, str, str]]) -> None:
        unique, places = {}, {}
        for read, digest, place in entries:
            unique.setdefault(digest, read)
            places.setdefault(digest, place)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Another process's batch must not count the same places meanwhile; readers of
                # the table are not held (SQLite's IMMEDIATE transactions already are one).
                table = connection.ops.quote_name(VisitorDigest._meta.db_table)
                with connection.cursor() as cursor:
                    cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
            # An article deleted since its beacon takes its counts with it.
            existing = set(
                ArticlePage.objects.filter(
                    pk__in={read.article_id for read in unique.values()}
                ).values_list("pk", flat=True)
            )
            unique = {d: read for d, read in unique.items() if read.article_id in existing}
            new = _insert_digests(
                [(read.day, digest, places[digest]) for digest, read in unique.items()]
            )
            counted = [unique[digest] for digest in new]
            add_counts(
                hours=Counter((read.article_id, read.hour) for read in counted),
                referrers=Counter((read.day, read.referrer) for read in counted if read.referrer),
            )
            # After the insert: a batch spanning midnight leaves no digest of the day before.
            today = max(read.day for read, _, _ in entries)
            if self._purged_before != today:
                purge_visitors_before(today)
                self._purged_before = today


def purge_visitors_before(day: date, *, dry_run: bool = False) -> int:
    """Digests and salts of days before `day`: gone for good, so old digests mean nothing."""
    stale = [VisitorDigest.objects.filter(day__lt=day), DailySalt.objects.filter(day__lt=day)]
    if dry_run:
        return sum(rows.count() for rows in stale)
    return sum(rows.delete()[0] for rows in stale)


def _insert_digests(rows: list[tuple[date, str, str]]) -> set[str]:
    """The digests that were not there yet and whose place has room left, i.e. the reads to
    count; only those are written, so a flood writes nothing past the limit. The insert's
    RETURNING lists only the rows inserted (SQLite 3.35+, PostgreSQL)."""
    quote = connection.ops.quote_name
    table = quote(VisitorDigest._meta.db_table)
    digest_column, place_column = quote("digest"), quote("place")
    known = {
        digest
        for (digest,) in _select_in(
            f"SELECT {digest_column} FROM {table} WHERE {digest_column} IN",  # noqa: S608
            [digest for _, digest, _ in rows],
        )
    }
    counts = dict(
        _select_in(
            f"SELECT {place_column}, COUNT(*) FROM {table} WHERE {place_column} IN",  # noqa: S608
            sorted({place for _, _, place in rows}),
            f"GROUP BY {place_column}",
        )
    )
    room = {place: READERS_PER_NETWORK - readers for place, readers in counts.items()}
    wanted = []
    for day, digest, place in rows:
        if digest in known or room.setdefault(place, READERS_PER_NETWORK) <= 0:
            continue
        room[place] -= 1
        wanted.append((day, digest, place))
    columns = ", ".join(quote(name) for name in ("day", "digest", "place"))
    adapt = connection.ops.adapt_datefield_value
    new: set[str] = set()
    with connection.cursor() as cursor:
        for chunk in _chunks(wanted):
            cursor.execute(
                f"INSERT INTO {table} ({columns}) "  # noqa: S608
                f"VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))} "
                f"ON CONFLICT ({quote('digest')}) DO NOTHING RETURNING {quote('digest')}",
                [value for day, digest, place in chunk for value in (adapt(day), digest, place)],
            )
            new.update(row[0] for row in cursor.fetchall())
    return new


def _select_in(query: str, values: list, then: str = "") -> list[tuple]:
    """`query (values…) then`, a chunk of values at a time. In SQL rather than through the
    ORM: the ORM prepared each of the batch's thousands of values one by one, most of a
    batch's time, with SQLite's write lock held and the request threads waiting for the GIL
    (issue 21: make serve's beacon stalled for up to 2 s behind its writer)."""
    found = []
    with connection.cursor() as cursor:
        for chunk in _chunks(values):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"{query} ({marks}) {then}", chunk)
            found += cursor.fetchall()
    return found


def _chunks(items: list, size: int = BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]
