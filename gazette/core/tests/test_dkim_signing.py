"""Gazette's own DKIM signature: a message verifies against the published key, the RFC 8058
headers included, and half a configuration stops start-up."""

import base64

import dkim
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

from gazette.core.dkim_signing import (
    SIGNED_HEADERS,
    DKIMEmailBackend,
    check_dkim_settings,
    sign,
)


@pytest.fixture
def key_file(tmp_path, settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "dkim.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    settings.GAZETTE_DKIM_DOMAIN, settings.GAZETTE_DKIM_SELECTOR = "exemple.fr", "gazette"
    settings.GAZETTE_DKIM_KEY_FILE = str(path)
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return path, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_a_signed_message_verifies_with_the_published_key(key_file):
    _path, record = key_file
    message = EmailMessage(
        "La matinale",
        "Bonjour.",
        "redaction@exemple.fr",
        ["lea@exemple.org"],
        headers={
            "List-Unsubscribe": "<https://exemple.fr/lettres/desabonnement/x/>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    signed = sign(message.message().as_bytes(linesep="\r\n"))
    assert signed.startswith(b"DKIM-Signature:")

    def dns(name, timeout=5):
        assert name == b"gazette._domainkey.exemple.fr."
        return record

    assert dkim.verify(signed, dnsfunc=dns)
    header = signed.split(b"\r\n\r\n")[0].decode()
    signed_list = header.split(" h=")[1].split(";")[0].replace("\r\n", "").replace(" ", "")
    assert "list-unsubscribe-post" in signed_list.lower()
    assert b"List-Unsubscribe" in SIGNED_HEADERS


@pytest.mark.parametrize(
    ("domain", "selector", "key", "message"),
    [
        ("exemple.fr", "", "", "vont ensemble"),
        ("exemple.fr", "gazette", "/nulle/part.pem", "fichier introuvable"),
    ],
)
def test_half_a_configuration_stops_start_up(domain, selector, key, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        check_dkim_settings(domain, selector, key)


def test_no_configuration_no_signature():
    assert check_dkim_settings("", "", "") is False


def test_the_backend_hands_the_server_the_signed_bytes(key_file):
    class Server:
        def sendmail(self, sender, recipients, data):
            self.data = data

    backend = DKIMEmailBackend()
    backend.connection = server = Server()
    message = EmailMessage("Objet", "Texte.", "redaction@exemple.fr", ["lea@exemple.org"])
    assert backend._send(message)
    assert server.data.startswith(b"DKIM-Signature:")
    assert not message.message().as_bytes().startswith(b"DKIM")  # the message is left as it was
