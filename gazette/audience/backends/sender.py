"""Reads acknowledged first and sent to Redis right after, many at a time: the scaled shape's
group commit.

Waiting for Redis before answering cost each beacon a round trip (a `sendall` and a `recv`, and
the wake-ups of two processes on a busy machine): make serve's threads spent more time waiting
than counting, and PostgreSQL + Redis answered half the reads the embedded mode did
(bench/RESULTS.md, issue 21). Here the request only checks that the article is one the beacon
counts (`RedisBackend._is_live`), appends the read to a queue and answers; one thread per
process sends what has gathered in one script call, then what gathered meanwhile, and so on:
under load a call carries dozens of reads, at rest each read leaves at once, so a read waits in
the process about as long as one round trip to Redis.

What this costs, and its bounds: a process killed outright (`kill -9`, the machine's power)
loses the reads it held, those of the last call in flight and of the next; never more than
`MAX_PENDING`, since past that the request sends the queue itself and answers once Redis has
it. A normal stop (SIGTERM: make serve, systemd, granian's worker recycling) sends everything
first (`atexit`, and multiprocessing's finalizers for granian's workers, which leave through
`os._exit`). While Redis does not answer, reads wait here (up to `MAX_PENDING`) and the thread
tries again every `RETRY_SECONDS`: a Redis restart loses none. `GAZETTE_AUDIENCE_BATCH_SECONDS
= 0` turns the queue off: each read is in Redis before its 204.
"""

import collections
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable

from django.db import close_old_connections

from gazette.core.process_exit import at_exit

logger = logging.getLogger(__name__)

BATCH_SIZE = 500  # reads per script call: Redis runs one call at a time, keep each short
MAX_PENDING = 4 * BATCH_SIZE
RETRY_SECONDS = 0.5

_senders: "weakref.WeakSet[Sender]" = weakref.WeakSet()


class Sender:
    def __init__(self, send: Callable[[list], None]):
        self._send = send
        self._reset()
        _senders.add(self)

    def add(self, item) -> None:
        """Queue one item; past `MAX_PENDING` waiting, send them all before returning (raises
        when the store refuses them: then the caller must not acknowledge)."""
        if self._pid != os.getpid():
            self._start()
        self._pending.append(item)  # a deque: no lock on the request's path
        if len(self._pending) > MAX_PENDING:
            self.send_pending()
        else:
            self._wake.set()

    def send_pending(self) -> None:
        """Send everything queued now, a batch at a time. On an error the batch goes back in
        front of the queue, in order, and the error is raised."""
        with self._sending:  # only one sender pops, so putting a batch back keeps the order
            while self._pending:
                batch = []
                while self._pending and len(batch) < BATCH_SIZE:
                    batch.append(self._pending.popleft())
                try:
                    self._send(batch)
                except Exception:
                    self._pending.extendleft(reversed(batch))
                    raise

    def _reset(self) -> None:
        """New locks and an empty queue: at creation, and in a forked child (the parent's
        queue is the parent's to send, and a lock held at the fork would never be released)."""
        self._pending: collections.deque = collections.deque()
        self._sending = threading.Lock()
        self._starting = threading.Lock()
        self._wake = threading.Event()
        self._pid = 0

    def _start(self) -> None:
        """Once per process, on its first read: granian forks its workers after import."""
        with self._starting:
            if self._pid == os.getpid():
                return
            at_exit(self, self._send_at_exit)
            threading.Thread(target=self._run, name="audience-sender", daemon=True).start()
            self._pid = os.getpid()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            try:
                self.send_pending()
            except Exception:
                logger.exception("Lectures en attente : Redis ne répond pas, nouvel essai.")
                time.sleep(RETRY_SECONDS)  # not at every new read: Redis is down, not slow
                self._wake.set()
            finally:
                # Redis lost its article set: this thread read it again from the database.
                close_old_connections()

    def _send_at_exit(self) -> None:
        try:
            self.send_pending()
        except Exception:
            logger.exception("Lectures perdues à l'arrêt : Redis a refusé le lot.")


def _forget_parents_queues() -> None:
    for sender in list(_senders):
        sender._reset()


os.register_at_fork(after_in_child=_forget_parents_queues)
