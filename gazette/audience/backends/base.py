"""What both counting backends share: the visitor's keyed hashes, the limits one client
cannot pass, and the additive upsert.

A read is deduplicated on HMAC-SHA256(daily salt, address, user agent, article, day),
truncated to 128 bits: enough that two visitors never collide in a day, and without the salt
(random, never written outside the day's store, deleted after it) the digest cannot be
recomputed from a known address, so it says nothing about anybody.

A user agent is whatever the client writes, so on its own it would let one machine pass for
any number of readers. Hence two limits on what one client network (an IPv4 address, an
IPv6 /64: `core.network.network_of`) can count, both checked before anything is written:
- at most `READERS_PER_NETWORK` distinct readers per article and day, counted under the
  network's `place` for that article (another keyed hash): one address adds at most that many
  reads to an article's day, and so to any ranking, whatever it sends;
- at most `READS_PER_MINUTE` reads a minute, all articles together: the rows or keys one
  client can make the site write are bounded, not only its effect on the ranking.
docs/privacy-audience.md says this to readers.
"""

import hmac
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from gazette.core.network import network_of

from ..models import HourlyCount, ReferrerCount

READERS_PER_NETWORK = 5
READS_PER_MINUTE = 60


@dataclass(frozen=True)
class Read:
    """One accepted beacon, before deduplication. The address and user agent are only
    hashed, in the request, and never stored. `day` is the newsroom's (Paris) calendar day,
    `hour` the UTC hour of the bucket, `minute` the Unix minute of the rate limit."""

    article_id: int
    ip: str
    user_agent: str
    referrer: str
    day: date
    hour: datetime
    minute: int
    network: str

    @classmethod
    def at(cls, now: datetime, *, ip: str | None, **fields) -> "Read":
        hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        return cls(
            day=timezone.localdate(now),
            hour=hour,
            minute=int(now.timestamp()) // 60,
            ip=ip or "",
            network=network_of(ip),
            **fields,
        )

    def digest(self, salt: bytes) -> str:
        """This reader, for the article's day: a repeat of it is not counted."""
        return _mac(salt, self.ip, self.user_agent, self.article_id, self.day)

    def place(self, salt: bytes) -> str:
        """This reader's network, for the article's day: at most READERS_PER_NETWORK."""
        return _mac(salt, "place", self.network, self.article_id, self.day)

    def network_key(self, salt: bytes) -> str:
        """This reader's network, for the rate of the minute (Redis keeps it two minutes)."""
        return _mac(salt, "network", self.network, self.day)


def _mac(salt: bytes, *parts) -> str:
    message = "\n".join(str(part) for part in parts).encode()
    return hmac.digest(salt, message, "sha256")[:16].hex()


def end_of_day(day: date) -> datetime:
    """When a day's salt and digests stop being of any use (local midnight)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def add_counts(*, hours: Counter, referrers: Counter) -> None:
    """Add to the stored counts in one statement per chunk, inside the caller's transaction.

    An upsert that adds (`views = views + excluded.views`), written in SQL because the ORM's
    `bulk_create(update_conflicts=True)` can only overwrite: read-then-write would lose reads
    when two processes flush at once. SQLite (3.24+) and PostgreSQL share the syntax.
    """
    adapt = connection.ops.adapt_datetimefield_value
    _upsert(
        HourlyCount,
        ("article_id", "hour"),
        [(article_id, adapt(hour), views) for (article_id, hour), views in hours.items()],
    )
    adapt_day = connection.ops.adapt_datefield_value
    _upsert(
        ReferrerCount,
        ("day", "domain"),
        [(adapt_day(day), domain, views) for (day, domain), views in referrers.items()],
    )


CHUNK = 500


def _upsert(model, keys: tuple[str, str], rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(name) for name in (*keys, "views"))
    conflict = ", ".join(quote(name) for name in keys)
    views = quote("views")
    add = f"ON CONFLICT ({conflict}) DO UPDATE SET {views} = {table}.{views} + excluded.{views}"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            values = ", ".join(["(%s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} {add}",  # noqa: S608 (our names)
                [value for row in chunk for value in row],
            )
