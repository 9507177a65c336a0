"""Purges told to every process over Redis pub/sub, so that each may keep pages in its own
memory (`page_memory.py`) in front of Redis and still never serve a purged page.

A purge bumps its keys' versions in Redis first (gazette/core/invalidation.py), then publishes
the keys (`*` for everything); each process's listener thread drops the pages that showed them
from its memory. Pub/sub delivers at most once and only to those
subscribed at that moment, so a process trusts its memory only while its subscription is known
to be alive (`healthy`): not before the subscription is confirmed, not after an error or a
silence longer than `DEAD_SECONDS` (it pings every `PING_SECONDS`). Its memory is emptied when
the subscription is lost and again when it is back, because purges may have been missed in
between; meanwhile hits come from Redis.

One listener per process, started on the first request rather than at import: granian imports
the application and then forks its workers, and a thread does not survive a fork.
"""

import logging
import os
import threading
import time
import uuid

import redis

CHANNEL = "gazette:page:purges:{db}"  # channels ignore databases: two sites may share a server
EVERYTHING = "*"  # the key every page shows
PING_SECONDS = 2.0
DEAD_SECONDS = 5.0
RETRY_SECONDS = 0.5

logger = logging.getLogger(__name__)
_sender = uuid.uuid4().hex  # not the pid: processes on two machines may share one


def _new_sender() -> None:
    global _sender
    _sender = uuid.uuid4().hex


os.register_at_fork(after_in_child=_new_sender)


def publish(client: redis.Redis, keys) -> None:
    """After the versions are bumped in Redis, never before: a process hearing the purge and
    fetching the page again must not find the old copy good. Signed, so that the sender, which
    drops the pages from its own memory at once, does not drop them again when its message
    comes back (it would throw away a page rendered after the purge)."""
    body = "\n".join(keys)
    client.publish(channel(client), f"{_sender}\n{body}")


def channel(client: redis.Redis) -> str:
    return CHANNEL.format(db=client.connection_pool.connection_kwargs.get("db", 0))


class PurgeListener:
    def __init__(self, url: str, memory):
        self.url = url
        self.memory = memory
        self.healthy = False
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="page-purges", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Tests; a process that exits just drops the daemon thread."""
        self._stopped.set()
        self._lost()
        self._thread.join(timeout=DEAD_SECONDS)

    def _run(self) -> None:
        while not self._stopped.is_set():
            pubsub = None
            try:
                client = redis.Redis.from_url(
                    self.url,
                    socket_connect_timeout=DEAD_SECONDS,
                    socket_timeout=DEAD_SECONDS,
                    client_name=f"gazette-page-purges-{os.getpid()}",  # seen in CLIENT LIST
                )
                pubsub = client.pubsub()
                pubsub.subscribe(channel(client))
                self._listen(pubsub)
            except (redis.RedisError, OSError) as error:
                if self.healthy:
                    logger.warning("purges : abonnement Redis perdu (%s)", error)
            except Exception:  # a dead thread would leave this process on Redis for good
                logger.exception("purges : erreur de l'écoute, nouvel abonnement")
            finally:
                self._lost()
                if pubsub is not None:
                    pubsub.close()
            self._stopped.wait(RETRY_SECONDS)

    def _listen(self, pubsub) -> None:
        heard = pinged = time.monotonic()
        while not self._stopped.is_set():
            message = pubsub.get_message(timeout=PING_SECONDS / 2)
            now = time.monotonic()
            if message is not None:
                heard = now
                if message["type"] == "subscribe":
                    self.memory.clear()  # what was kept before may have missed purges
                    self.healthy = True
                elif message["type"] == "message":
                    self._apply(message["data"].decode("utf-8", "surrogateescape"))
            elif now - heard > DEAD_SECONDS:
                raise redis.ConnectionError(f"silent for {DEAD_SECONDS} s")
            if now - pinged > PING_SECONDS:
                pubsub.ping()
                pinged = now

    def _apply(self, data: str) -> None:
        sender, _, data = data.partition("\n")
        if sender == _sender:
            return
        self.memory.drop_keys(data.split("\n"))

    def _lost(self) -> None:
        self.healthy = False
        self.memory.clear()
