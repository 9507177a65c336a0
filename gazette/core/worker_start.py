"""A granian worker told to stop while it is still loading Gazette stops at once.

granian forks its workers from its main process and installs their signal handlers only once
the application is loaded: importing Django, Wagtail and Gazette takes one to two seconds, and
several on a busy machine. Until then a worker still holds the main process's handler, which, in
the worker, sets an event nothing there waits on: a SIGTERM in that window (Ctrl-C or a
supervisor's stop just after `make serve` starts listening, when a request has gone to the first
worker while the second still loads) was swallowed, the worker then waited for a stop it had
already been given, and granian killed it after `--workers-kill-timeout`, 30 seconds later.
A worker that has not served anything yet has nothing to write out: until granian's own
handlers replace them, SIGTERM and SIGINT end it the default way.
"""

import multiprocessing
import signal
import threading

# The name granian gives its worker processes (granian/server/mp.py, WorkerProcess._spawn).
GRANIAN_WORKER = "granian-worker"


def stop_at_once_while_loading() -> None:
    """Called first thing when the WSGI module is imported; nothing outside a granian worker."""
    if multiprocessing.current_process().name != GRANIAN_WORKER:
        return
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers; granian loads the application there
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)
