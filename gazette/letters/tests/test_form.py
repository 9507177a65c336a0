"""The subscription form on cached pages, and its defences (the comment form's, in small)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gazette.letters import abuse
from gazette.letters.models import ConsentRecord, Letter, Subscriber

from .test_reader_journey import READER, subscribe

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("where", ["home", "section", "article"])
def test_the_form_leaves_the_page_cacheable(where, client, letter, article, section):
    path = {"home": "/", "section": section.url, "article": article.url}[where]
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/lettres/inscription/"' in html
    assert "La matinale" in html
    assert "csrfmiddlewaretoken" not in html
    assert 'name="token" value=""' in html  # no token in the shared bytes
    assert "public" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize("where", ["home", "section", "article", "letter", "letters"])
def test_the_letters_stylesheet_is_linked_once_in_the_head(where, client, letter, article, section):
    """Linked in the body, beside the form, it let the browser paint the page without it and
    then move the form once loaded: a layout shift, as the comments had."""
    path = {
        "home": "/",
        "section": section.url,
        "article": article.url,
        "letter": letter.get_absolute_url(),
        "letters": reverse("letters:list"),
    }[where]
    head, body = client.get(path).content.decode().split("</head>", 1)
    assert head.count("letters/letters.css") == 1
    assert "letters/letters.css" not in body


def test_without_javascript_one_more_click_subscribes(
    client, smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    first = subscribe(client, letter, token="")
    assert first.status_code == 200
    html = first.content.decode()
    assert "appuyez encore une fois sur « S&#x27;abonner »" in html or "encore une fois" in html
    assert f'value="{READER}"' in html  # nothing typed is lost
    token = html.split('name="token" value="')[1].split('"')[0]
    assert abuse.read_token(token).confirming
    with django_capture_on_commit_callbacks(execute=True):
        second = subscribe(client, letter, token=token)
    assert second.status_code == 303
    assert len(smtp.to(READER)) == 1


def test_a_robot_filling_the_honeypot_gets_the_same_answer_and_nobody_is_mailed(
    client, smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, letter, website="http://promo.example")
    assert (response.status_code, response["Location"]) == (303, reverse("letters:check_inbox"))
    assert smtp.messages == []
    assert not Subscriber.objects.exists()


def test_a_form_sent_at_once_is_handed_back(client, smtp, letter):
    response = subscribe(client, letter)  # the token was issued this very instant
    assert response.status_code == 200
    assert "encore une fois" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_another_sites_post_is_refused(client, smtp, no_time_trap, letter):
    response = subscribe(client, letter, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert "venait d'un autre site" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_flood_from_one_client_is_stopped(client, smtp, no_time_trap, letter, settings):
    settings.GAZETTE_LETTERS_RATE_LIMIT = 2
    for number in range(2):
        assert subscribe(client, letter, email=f"l{number}@exemple.org").status_code == 303
    refused = subscribe(client, letter, email="l3@exemple.org")
    assert refused.status_code == 429
    assert "Réessayez dans quelques minutes" in refused.content.decode()
    other_client = Client(REMOTE_ADDR="192.0.2.7")
    assert subscribe(other_client, letter, email="l4@exemple.org").status_code == 303


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse e-mail valide"),
        ({"letters": []}, "Choisissez au moins une lettre"),
        ({"letters": ["fermee"]}, "plus proposée"),
    ],
)
def test_bad_input_is_a_400_in_french(data, message, client, smtp, no_time_trap, letter):
    response = subscribe(client, letter, **data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_consent_is_recorded_with_the_page_the_text_and_the_client(
    client, smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, letter, REMOTE_ADDR="198.51.100.4")
    record = ConsentRecord.objects.get()
    assert record.action == ConsentRecord.Action.REQUESTED
    assert record.source == "/sciences/le-telescope/"
    assert record.ip_address == "198.51.100.4"
    assert record.consent_text.startswith("Nous vous envoyons un e-mail de confirmation")


def test_the_letter_pages_show_the_archive_and_the_form(client, letter):
    page = client.get(reverse("letters:letter", args=[letter.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "L&#x27;essentiel de l&#x27;actualité" in html or "essentiel de l" in html
    assert "Aucune édition pour le moment" in html
    assert 'value="la-matinale" id="lettre-letters_0" checked' in html or "checked" in html
    assert "public" in page["Cache-Control"]
    listing = client.get(reverse("letters:list"))
    assert "La matinale" in listing.content.decode()
    assert client.get("/lettres/inconnue/").status_code == 404


def test_a_strangers_mailbox_is_not_flooded_from_many_clients(
    smtp, no_time_trap, letter, django_capture_on_commit_callbacks
):
    for number in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            response = subscribe(Client(REMOTE_ADDR=f"192.0.2.{number + 1}"), letter)
        assert response.status_code == 303  # the same answer every time
    assert len(smtp.to(READER)) == 3


def close_and_open_another(letter, django_capture_on_commit_callbacks) -> None:
    """« La matinale » closed and « L'hebdo Sciences » opened, their purges run."""
    with django_capture_on_commit_callbacks(execute=True):
        letter.active = False
        letter.save()
        Letter.objects.create(title="L'hebdo Sciences", slug="hebdo-sciences")


def test_a_letter_opened_or_closed_reaches_the_cached_pages(
    client, letter, article, django_capture_on_commit_callbacks
):
    assert "La matinale" in client.get(article.url).content.decode()  # now kept in the cache
    close_and_open_another(letter, django_capture_on_commit_callbacks)
    html = client.get(article.url).content.decode()
    assert "La matinale" not in html
    assert "hebdo Sciences" in html
    listing = client.get(reverse("letters:list")).content.decode()
    assert "hebdo Sciences" in listing and "La matinale" not in listing


def test_pages_rendered_afresh_read_the_kept_letters_once_and_follow_a_change(
    client, settings, letter, article, django_capture_on_commit_callbacks
):
    """With no page cache and no fragments, the form's letters still come from the kept list
    (`active_letters`): no query for them, yet a letter closed or opened shows at once."""
    settings.GAZETTE_PAGE_CACHE = settings.GAZETTE_FRAGMENT_CACHE = False
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert "La matinale" in client.get(article.url).content.decode()
    assert not [query for query in queries if "letters_letter" in query["sql"]]
    close_and_open_another(letter, django_capture_on_commit_callbacks)
    html = client.get(article.url).content.decode()
    assert "La matinale" not in html
    assert 'value="hebdo-sciences"' in html
