"""GAZETTE_EMAIL_URL: each accepted form gives Django's settings, each malformed one a start-up
error that says what is wrong without repeating the password."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from gazette.core.email_url import CONSOLE_BACKEND, SMTP_BACKEND, email_settings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("console://", {"EMAIL_BACKEND": CONSOLE_BACKEND}),
        (
            "smtp://redaction:secret@smtp.exemple.fr:587?tls=1",
            {
                "EMAIL_BACKEND": SMTP_BACKEND,
                "EMAIL_HOST": "smtp.exemple.fr",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "redaction",
                "EMAIL_HOST_PASSWORD": "secret",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
                "EMAIL_TIMEOUT": 30,
            },
        ),
        (
            "smtps://lettres%40exemple.fr:p%3Ass%2Fw@mail.exemple.fr?timeout=10",
            {
                "EMAIL_BACKEND": SMTP_BACKEND,
                "EMAIL_HOST": "mail.exemple.fr",
                "EMAIL_PORT": 465,
                "EMAIL_HOST_USER": "lettres@exemple.fr",
                "EMAIL_HOST_PASSWORD": "p:ss/w",
                "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": True,
                "EMAIL_TIMEOUT": 10,
            },
        ),
        (
            "smtp://127.0.0.1:8125",
            {
                "EMAIL_BACKEND": SMTP_BACKEND,
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": 8125,
                "EMAIL_HOST_USER": "",
                "EMAIL_HOST_PASSWORD": "",
                "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": False,
                "EMAIL_TIMEOUT": 30,
            },
        ),
    ],
)
def test_each_form_gives_django_settings(url, expected):
    assert email_settings(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("smtp.exemple.fr:587", "schéma attendu"),
        ("http://smtp.exemple.fr", "schéma attendu"),
        ("smtp://", "nom du serveur SMTP manquant"),
        ("smtp://smtp.exemple.fr:port", "adresse illisible"),
        ("smtp://smtp.exemple.fr:99999", "adresse illisible"),
        ("smtp://smtp.exemple.fr?tls=oui", "tls='oui'"),
        ("smtp://smtp.exemple.fr?ssl=1", "option inconnue : ssl"),
        ("smtps://smtp.exemple.fr?tls=1", "smtps:// chiffre déjà"),
        ("smtp://smtp.exemple.fr?timeout=0", "timeout"),
    ],
)
def test_a_malformed_address_names_what_is_wrong(url, reason):
    with pytest.raises(ImproperlyConfigured, match="GAZETTE_EMAIL_URL") as error:
        email_settings(url)
    assert reason in str(error.value)


def test_the_password_is_not_repeated_in_the_error():
    with pytest.raises(ImproperlyConfigured) as error:
        email_settings("smtp://redaction:tres-secret@smtp.exemple.fr?tls=2")
    assert "tres-secret" not in str(error.value)
    assert "redaction:***@smtp.exemple.fr" in str(error.value)
