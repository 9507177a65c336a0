"""kill -9 in the middle of a real send, by another process, on PostgreSQL: the edition is
finished by the next batch, every reader served, none twice but the one message the server
may have accepted in the instant before the kill, which then keeps its Message-ID."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from gazette.letters import sending
from gazette.letters.models import Delivery, Edition

from .test_reader_journey import make_edition
from .test_sending import readers

pytestmark = [pytest.mark.system, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_send_killed_by_another_process_resumes_without_a_gap(smtp, letter, article):
    addresses = readers(letter, 60)
    edition = make_edition(letter, article)
    sending.open_edition(edition.pk)
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "GAZETTE_SECRET_KEY": settings.SECRET_KEY,
        "GAZETTE_EMAIL_URL": f"smtp://127.0.0.1:{settings.EMAIL_PORT}",
        "GAZETTE_LETTERS_RATE": "20",
        "GAZETTE_LOG_LEVEL": "WARNING",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from gazette.letters.sending import send_batch; send_batch(size=1000)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    deadline = time.monotonic() + 60
    while len(smtp.messages) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    handed_over = len(smtp.messages)
    assert 10 <= handed_over < 60
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).exists()

    # Once the dead worker's claim has expired, the next batch takes its rows.
    Delivery.objects.filter(status=Delivery.Status.SENDING).update(
        claimed_at=timezone.now() - sending.CLAIM_LEASE - timedelta(seconds=1)
    )
    sending.send_batch(size=1000)

    received = Counter(message["To"] for message in smtp.messages)
    assert set(received) == set(addresses)  # no gap
    doubles = [address for address, count in received.items() if count > 1]
    assert len(doubles) <= 1
    for address in doubles:
        ids = {message["Message-ID"] for message in smtp.messages if message["To"] == address}
        assert len(ids) == 1
    edition.refresh_from_db()
    assert (edition.status, edition.sent_count) == (Edition.Status.SENT, 60)
