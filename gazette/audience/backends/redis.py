"""The scaled shape's counter: every read is checked, deduplicated and counted in Redis by a
script, so the endpoint answers without the database and two app servers count as one. The
reads of a process go to Redis many per call, just after their 204 (`sender.py`).

Keys (all under `PREFIX`):
- `articles`: the ids of the articles every reader may open (plus a sentinel `0`, so that
  « empty » and « lost » differ), kept in step by publish and unpublish, rebuilt by the
  periodic task, when a view restriction changes and whenever Redis lost it;
- `salt:<day>`, `seen:<day>` and `places:<day>`: the day's salt, the digests of the day's
  visitors and the number of them under each place (network and article), set to expire at
  local midnight: Redis itself destroys them;
- `rate:<minute>`: the reads of each network in that minute, kept two minutes;
- `counts`: one hash of counters, `v:<article>:<hour>` and `r:<day>:<domain>`;
- `flush:<batch>`: a counts hash on its way to the database.

The flush never loses a read: `RENAME counts flush:<batch>` is atomic (the next read creates a
fresh hash), the batch is added to the database in one transaction that also records its id,
and only then deleted. If the process dies in between, the next flush finds the batch and its
id, and deletes it without adding it twice. An app server stopped normally sends its queued
reads first; one killed outright loses those it held, at most a round trip's worth and never
more than `sender.MAX_PENDING` (or none with `GAZETTE_AUDIENCE_BATCH_SECONDS=0`). Redis itself
should persist (`appendonly yes`, see the README).
"""

import logging
import secrets
import uuid
from collections import Counter
from datetime import UTC, date, datetime

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from gazette.news.models import ArticlePage

from ..models import FlushedBatch
from .base import READERS_PER_NETWORK, READS_PER_MINUTE, Read, add_counts, end_of_day
from .sender import Sender

logger = logging.getLogger(__name__)

PREFIX = "gazette:audience:"
SENTINEL = "0"

# For each read, KEYS: articles, seen:<day>, counts, places:<day>, rate:<minute>; ARGV: article
# id, digest, seen expiry (Unix time), views field, referrer field or "", place, readers per
# place, network, reads per minute. Returns for each read -2 (article set lost), -1 (unknown
# article), 0 (already counted today, or past a limit: nothing written), 1 (counted). Many
# reads a call (`sender.py`): one round trip and one script run for the lot.
COUNT = """
local function count(k, a)
  if redis.call('EXISTS', KEYS[k + 1]) == 0 then return -2 end
  if redis.call('SISMEMBER', KEYS[k + 1], ARGV[a + 1]) == 0 then return -1 end
  if redis.call('SISMEMBER', KEYS[k + 2], ARGV[a + 2]) == 1 then return 0 end
  if tonumber(redis.call('HGET', KEYS[k + 4], ARGV[a + 6]) or 0) >= tonumber(ARGV[a + 7]) then
    return 0
  end
  if tonumber(redis.call('HGET', KEYS[k + 5], ARGV[a + 8]) or 0) >= tonumber(ARGV[a + 9]) then
    return 0
  end
  redis.call('SADD', KEYS[k + 2], ARGV[a + 2])
  redis.call('EXPIREAT', KEYS[k + 2], ARGV[a + 3])
  redis.call('HINCRBY', KEYS[k + 4], ARGV[a + 6], 1)
  redis.call('EXPIREAT', KEYS[k + 4], ARGV[a + 3])
  redis.call('HINCRBY', KEYS[k + 5], ARGV[a + 8], 1)
  redis.call('EXPIRE', KEYS[k + 5], 120)
  redis.call('HINCRBY', KEYS[k + 3], ARGV[a + 4], 1)
  if ARGV[a + 5] ~= '' then redis.call('HINCRBY', KEYS[k + 3], ARGV[a + 5], 1) end
  return 1
end
local results = {}
for i = 0, #KEYS / 5 - 1 do results[i + 1] = count(i * 5, i * 9) end
return results
"""
# Add or remove an id only if the set exists: creating it with one id would hide the others.
UPDATE_ARTICLES = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call(ARGV[1], KEYS[1], ARGV[2]) end
return 0
"""


class RedisBackend:
    def __init__(self, url: str):
        self.client = redis.Redis.from_url(url)
        self._count = self.client.register_script(COUNT)
        self._update_articles = self.client.register_script(UPDATE_ARTICLES)
        self._salt: tuple[date, bytes] | None = None
        # Ids Redis said were counted, so that a beacon is answered without asking again;
        # replaced whole (readers take no lock). One withdrawn since still passes here, and
        # the script, which asks the set itself, counts nothing for it.
        self._live: frozenset[int] = frozenset()
        self._sender = Sender(self._send)

    def count(self, read: Read) -> bool:
        """True when the article is one the beacon counts: the read is then queued for Redis
        (`sender.py`), or sent at once when `GAZETTE_AUDIENCE_BATCH_SECONDS` is 0."""
        if not self._is_live(read.article_id):
            return False
        call = self._call(read)
        if settings.GAZETTE_AUDIENCE_BATCH_SECONDS <= 0:
            return self._send([call])[0] >= 0
        self._sender.add(call)
        return True

    def _call(self, read: Read) -> tuple[list, list]:
        day, salt = read.day, self._salt_for(read.day)
        keys = [
            key("articles"),
            key(f"seen:{day}"),
            key("counts"),
            key(f"places:{day}"),
            key(f"rate:{read.minute}"),
        ]
        args = [
            read.article_id,
            read.digest(salt),
            int(end_of_day(day).timestamp()),
            f"v:{read.article_id}:{int(read.hour.timestamp())}",
            f"r:{day}:{read.referrer}" if read.referrer else "",
            read.place(salt),
            READERS_PER_NETWORK,
            read.network_key(salt),
            READS_PER_MINUTE,
        ]
        return keys, args

    def _send(self, calls: list[tuple[list, list]]) -> list[int]:
        """Count the reads in one script call; if the article set was lost, rebuild it and
        count again those the script turned away for that reason."""
        results = self._count(
            keys=[name for keys, _ in calls for name in keys],
            args=[value for _, args in calls for value in args],
        )
        lost = [n for n, result in enumerate(results) if result == -2]
        if lost:
            self.load_articles()
            again = self._send([calls[n] for n in lost])
            for n, result in zip(lost, again, strict=True):
                results[n] = result
        return results

    def _is_live(self, article_id: int) -> bool:
        if article_id in self._live:
            return True
        with self.client.pipeline(transaction=False) as pipe:
            pipe.exists(key("articles"))
            pipe.sismember(key("articles"), article_id)
            exists, member = pipe.execute()
        if not exists:
            member = article_id in self.load_articles()
        if member:
            self._live = self._live | {article_id}
        return bool(member)

    def load_articles(self) -> frozenset[int]:
        """Replace the set at once (RENAME), so a beacon never sees it half built; this
        process asks again for each id (a restriction changed, or the set was lost)."""
        ids = frozenset(ArticlePage.objects.visible().values_list("pk", flat=True))
        building = key(f"articles:{uuid.uuid4().hex}")
        with self.client.pipeline() as pipe:
            pipe.sadd(building, SENTINEL, *ids)
            pipe.rename(building, key("articles"))
            pipe.execute()
        self._live = frozenset()
        return ids

    def article_published(self, article_id: int) -> None:
        self._update_articles(keys=[key("articles")], args=["SADD", article_id])

    def article_withdrawn(self, article_id: int) -> None:
        self._update_articles(keys=[key("articles")], args=["SREM", article_id])
        self._live = self._live - {article_id}

    def flush(self) -> int:
        """Move the counters to the database; returns the number of views added. This
        process's queued reads go to Redis first."""
        self._sender.send_pending()
        batch = key(f"flush:{uuid.uuid4().hex}")
        try:
            self.client.rename(key("counts"), batch)
        except redis.ResponseError:  # no counts since the last flush
            pass
        added = 0
        for pending in sorted(self.client.scan_iter(match=key("flush:*"), count=1000)):
            added += self._flush_batch(pending.decode())
        FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - FlushedBatch.KEEP).delete()
        return added

    def purge_before(self, day: date, *, dry_run: bool = False) -> int:
        """Redis expires them at midnight already; this catches a key whose expiry was lost
        (a restored dump, a manual copy)."""
        stale = [
            name
            for pattern in ("salt:*", "seen:*", "places:*")
            for name in self.client.scan_iter(match=key(pattern), count=1000)
            if name.decode().rsplit(":", 1)[-1] < day.isoformat()
        ]
        if dry_run or not stale:
            return len(stale)
        return self.client.delete(*stale)

    def _flush_batch(self, name: str) -> int:
        batch_id = name.rsplit(":", 1)[-1]
        fields = self.client.hgetall(name)
        hours, referrers = Counter(), Counter()
        for field, value in fields.items():
            kind, first, second = field.decode().split(":", 2)
            if kind == "v":
                hours[int(first), datetime.fromtimestamp(int(second), UTC)] += int(value)
            else:
                referrers[date.fromisoformat(first), second] += int(value)
        existing = set(
            ArticlePage.objects.filter(pk__in={a for a, _ in hours}).values_list("pk", flat=True)
        )
        hours = Counter({(a, hour): n for (a, hour), n in hours.items() if a in existing})
        try:
            with transaction.atomic():
                # First, so that a second flusher of the same batch stops here.
                _, created = FlushedBatch.objects.get_or_create(batch_id=batch_id)
                if created:
                    add_counts(hours=hours, referrers=referrers)
        except IntegrityError:  # another flusher recorded it a moment ago
            created = False
        self.client.delete(name)
        return sum(hours.values()) if created else 0

    def _salt_for(self, day: date) -> bytes:
        salt = self._salt
        if salt is None or salt[0] != day:
            name = key(f"salt:{day}")
            expires = int(end_of_day(day).timestamp())
            fresh = secrets.token_hex(32)
            # NX GET: ours if none was set, else the one another process set first.
            existing = self.client.set(name, fresh, nx=True, exat=expires, get=True)
            salt = self._salt = (day, bytes.fromhex(existing.decode() if existing else fresh))
        return salt[1]


def key(name: str) -> str:
    return PREFIX + name
