"""Work a process must do before it ends, whichever way it ends normally.

Written once for the three per-process queues that acknowledge first and write later (the
access log, the embedded beacon's batch, the reads on their way to Redis): each must be written
out when its process stops, and the servers stop their processes two ways. A plain process
(manage.py, gunicorn, a test) runs `atexit`; granian's workers are multiprocessing children
that leave through `os._exit`, which skips `atexit` but runs multiprocessing's finalizers. A
plain process that imported multiprocessing runs both (its finalizers run from `atexit` too),
so a callback must do nothing the second time: each of the three writes what is queued, and
the queue is then empty.
"""

import atexit
import multiprocessing.util


def at_exit(owner, callback) -> None:
    """Run `callback` when this process ends normally (call it once per process)."""
    atexit.register(callback)
    multiprocessing.util.Finalize(owner, callback, exitpriority=100)
