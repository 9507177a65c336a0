"""Many readers at once against a real server on PostgreSQL (pretix-style): every comment
that was accepted is stored, none twice, a submission sent many times at once is one, and one
reader posting many at once gets exactly the rate limit through. The server sees the readers
behind a trusted proxy, each with its address in X-Forwarded-For."""

import http.client
import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from wagtail.models import Site

from gazette.comments.models import Comment, ModerationSettings
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.system]


@pytest.fixture
def server(live_server, settings):
    settings.GAZETTE_TRUSTED_PROXIES = "127.0.0.1"
    article = make_article(make_section(make_home(), "Monde"), "Très commenté")
    moderation = ModerationSettings.for_site(Site.objects.get(is_default_site=True))
    moderation.min_seconds = 0
    moderation.save()
    return urlsplit(live_server.url), article


def call(address, method, path, form=None, *, reader="198.51.100.1") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        headers = {"X-Forwarded-For": reader}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, urlencode(form) if form else None, headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def token(address, article) -> str:
    status, body = call(address, "GET", f"/commentaires/jeton/{article.pk}/")
    assert status == 200, body
    return json.loads(body)["token"]


def test_200_comments_posted_at_once_are_all_stored_once(server):
    address, article = server

    def comment(n):
        form = {
            "name": f"Lecteur {n}",
            "email": f"lecteur{n}@exemple.fr",
            "text": f"Commentaire numéro {n}.",
            "token": token(address, article),
        }
        reader = f"198.51.{n // 100}.{n % 100}"
        return call(address, "POST", f"/commentaires/{article.pk}/envoyer/", form, reader=reader)[0]

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(comment, range(200)))

    assert statuses == [303] * 200
    texts = list(Comment.objects.filter(article=article).values_list("text", flat=True))
    assert sorted(texts) == sorted(f"Commentaire numéro {n}." for n in range(200))


def test_one_submission_sent_20_times_at_once_is_stored_once(server, settings):
    settings.GAZETTE_COMMENT_RATE_LIMIT = 0  # a double click, not a flood
    address, article = server
    form = {
        "name": "Claire",
        "email": "claire@exemple.fr",
        "text": "Envoyé par un double clic nerveux.",
        "token": token(address, article),
    }

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(
            pool.map(
                lambda _: call(address, "POST", f"/commentaires/{article.pk}/envoyer/", form)[0],
                range(20),
            )
        )

    assert statuses == [303] * 20
    assert Comment.objects.filter(article=article).count() == 1


def test_one_reader_posting_20_comments_at_once_gets_exactly_the_limit_through(server, settings):
    address, article = server

    def comment(n):
        form = {
            "name": "Claire",
            "email": "claire@exemple.fr",
            "text": f"Avis numéro {n}.",
            "token": token(address, article),
        }
        return call(address, "POST", f"/commentaires/{article.pk}/envoyer/", form)[0]

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(comment, range(20)))

    limit = settings.GAZETTE_COMMENT_RATE_LIMIT
    assert sorted(statuses) == [303] * limit + [429] * (20 - limit)
    assert Comment.objects.filter(article=article).count() == limit
