"""Personal data: IP addresses kept only as long as anti-spam needs them, and a reader's data
exported or erased on request, from the command line as from the admin."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from gazette.comments import services, tasks
from gazette.comments.models import Comment

from .factories import make_comment

pytestmark = pytest.mark.django_db


def aged(comment, days):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(days))
    return comment


@pytest.fixture
def old_and_new(article):
    old = aged(make_comment(article, "Ancien", ip_address="203.0.113.1", user_agent="UA"), 31)
    new = aged(make_comment(article, "Récent", ip_address="203.0.113.2", user_agent="UA"), 29)
    return old, new


def client_data(comment):
    comment.refresh_from_db()
    return comment.ip_address, comment.user_agent


def test_ip_addresses_older_than_the_limit_are_erased(old_and_new):
    old, new = old_and_new

    assert tasks.erase_old_ip_addresses(older_than_days=30) == 1

    assert client_data(old) == (None, "")
    assert client_data(new) == ("203.0.113.2", "UA")


def test_the_task_uses_the_configured_retention(old_and_new, settings):
    settings.GAZETTE_COMMENT_IP_DAYS = 20
    tasks.erase_comment_ips.enqueue()  # run inline in tests
    assert [client_data(c)[0] for c in old_and_new] == [None, None]


@pytest.mark.parametrize(
    ("args", "erased", "said"),
    [
        ([], 1, "Adresses IP de plus de 30 jours effacées : 1."),
        (["--days", "7"], 2, "Adresses IP de plus de 7 jours effacées : 2."),
        (["--dry-run"], 0, "Adresses IP de plus de 30 jours à effacer : 1."),
    ],
)
def test_erase_comment_ips_command(old_and_new, args, erased, said):
    out = StringIO()
    call_command("erase_comment_ips", *args, stdout=out)

    assert sum(client_data(c)[0] is None for c in old_and_new) == erased
    assert out.getvalue().strip() == said


def test_erase_comment_ips_refuses_negative_days():
    with pytest.raises(CommandError, match="positif"):
        call_command("erase_comment_ips", "--days", "-1")


@pytest.fixture
def claire(article):
    published = make_comment(
        article,
        "Mon avis publié.",
        author_name="Claire Martin",
        author_email="claire@exemple.fr",
        author_url="https://claire.exemple.fr",
        ip_address="203.0.113.9",
    )
    waiting = make_comment(
        article, "En attente.", status="pending", author_email="CLAIRE@exemple.fr"
    )
    other = make_comment(article, "Quelqu'un d'autre.", author_email="bruno@exemple.fr")
    return published, waiting, other


def test_export_has_every_comment_of_the_address_and_nothing_else(claire, article):
    data = services.export_commenter_data("Claire@Exemple.fr")

    assert [c["text"] for c in data["comments"]] == ["Mon avis publié.", "En attente."]
    first = data["comments"][0]
    assert first["article_url"] == article.full_url
    assert (first["ip_address"], first["website"]) == ("203.0.113.9", "https://claire.exemple.fr")
    assert "bruno" not in json.dumps(data)


def test_erase_anonymises_published_comments_and_deletes_the_others(claire, client, article):
    published, waiting, other = claire

    assert services.erase_commenter("claire@exemple.fr") == {"anonymised": 1, "deleted": 1}

    published.refresh_from_db()
    assert (published.author_name, published.author_email, published.author_url) == (
        "Anonyme",
        "",
        "",
    )
    assert published.ip_address is None and published.text == "Mon avis publié."
    assert not Comment.objects.filter(pk=waiting.pk).exists()
    assert Comment.objects.get(pk=other.pk).author_email == "bruno@exemple.fr"
    assert services.export_commenter_data("claire@exemple.fr")["comments"] == []


def test_export_command_writes_json(claire, tmp_path):
    target = tmp_path / "claire.json"
    call_command("export_commenter", "claire@exemple.fr", "--output", str(target), verbosity=0)
    assert len(json.loads(target.read_text())["comments"]) == 2

    out = StringIO()
    call_command("export_commenter", "claire@exemple.fr", stdout=out)
    assert json.loads(out.getvalue())["email"] == "claire@exemple.fr"


@pytest.mark.parametrize(
    ("command", "email", "message"),
    [
        ("export_commenter", "pas-une-adresse", "adresse e-mail invalide"),
        ("export_commenter", "inconnu@exemple.fr", "aucun commentaire"),
        ("erase_commenter", "pas-une-adresse", "adresse e-mail invalide"),
        ("erase_commenter", "inconnu@exemple.fr", "aucun commentaire"),
    ],
)
def test_commands_refuse_bad_addresses(claire, command, email, message):
    with pytest.raises(CommandError, match=message):
        call_command(command, email)


def test_erase_command_dry_run_changes_nothing(claire):
    out = StringIO()
    call_command("erase_commenter", "claire@exemple.fr", "--dry-run", stdout=out)
    assert "anonymisés : 1 ; autres commentaires supprimés : 1." in out.getvalue()
    assert Comment.objects.by_email("claire@exemple.fr").count() == 2

    call_command("erase_commenter", "claire@exemple.fr", stdout=StringIO())
    assert Comment.objects.by_email("claire@exemple.fr").count() == 0
