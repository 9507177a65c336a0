"""A reader of the letters gets what is kept on them, then has it erased."""

import json

import pytest
from django.core.management import CommandError, call_command

from gazette.letters.models import ConsentRecord, Edition, Subscriber

from .test_reader_journey import READER, make_edition, send, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, smtp, no_time_trap, letter, article, django_capture_on_commit_callbacks):
    from .conftest import link_in

    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, letter)
    client.post(link_in(smtp.to(READER)[0], "confirmer"))
    return send(make_edition(letter, article), django_capture_on_commit_callbacks)


def test_export_lists_subscriptions_consents_and_editions(reader, tmp_path, capsys):
    output = tmp_path / "lecteur.json"
    call_command("export_subscriber", READER.upper(), output=str(output), verbosity=0)
    data = json.loads(output.read_text())
    assert data["email"] == READER
    assert [s["letter"] for s in data["subscriptions"]] == ["La matinale"]
    assert [c["action"] for c in data["consents"]] == ["Abonnement demandé", "Abonnement confirmé"]
    assert data["consents"][0]["text_shown"].startswith("Nous vous envoyons")
    assert [e["edition"] for e in data["editions_received"]] == ["Le télescope, et le reste"]


def test_erasure_removes_the_reader_and_keeps_the_figures(reader):
    call_command("erase_subscriber", READER, dry_run=True, verbosity=0)
    assert Subscriber.objects.exists()
    call_command("erase_subscriber", READER, verbosity=0)
    assert not Subscriber.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert Edition.objects.get().sent_count == 1


@pytest.mark.parametrize(
    ("command", "email", "message"),
    [
        ("export_subscriber", "pas-une-adresse", "adresse e-mail invalide"),
        ("erase_subscriber", "inconnu@exemple.org", "aucun abonné"),
    ],
)
def test_bad_input_is_a_command_error_in_french(command, email, message):
    with pytest.raises(CommandError, match=message):
        call_command(command, email)
