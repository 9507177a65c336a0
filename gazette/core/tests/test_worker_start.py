"""Only a granian worker's inherited handlers give way while it loads: a process of any other
server (gunicorn's workers install theirs before loading the application, a test's runner has
its own) keeps them. The stop itself is proved through make serve
(operations/tests/test_make_serve_stops.py)."""

import multiprocessing
import signal

from gazette.core.worker_start import GRANIAN_WORKER, stop_at_once_while_loading


def handlers_after_loading(queue):
    def keep(signum, frame):
        pass

    signal.signal(signal.SIGTERM, keep)
    signal.signal(signal.SIGINT, keep)
    stop_at_once_while_loading()
    queue.put([signal.getsignal(signal.SIGTERM) is keep, signal.getsignal(signal.SIGINT) is keep])


def run_in_a_process_named(name: str) -> list[bool]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=handlers_after_loading, args=(queue,), name=name)
    process.start()
    kept = queue.get(timeout=30)
    process.join(timeout=30)
    return kept


def test_a_granian_worker_loading_gazette_stops_the_default_way():
    assert run_in_a_process_named(GRANIAN_WORKER) == [False, False]
    # and granian still names its workers so (else this module silently does nothing)
    from granian.server import mp

    assert f"name='{GRANIAN_WORKER}'" in open(mp.__file__).read().replace('"', "'")


def test_any_other_process_keeps_its_handlers():
    assert run_in_a_process_named("gunicorn-worker") == [True, True]
