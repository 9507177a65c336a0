"""What one client cannot do to the comment endpoints: pass for somebody else behind the proxy,
use up everybody's rate limit, reopen its own by flooding the cache, post from another site's
page, or turn a huge number into a server error."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from gazette.comments import spam
from gazette.comments.models import BlocklistEntry, Comment, RateCount

from .factories import make_comment, post_comment

pytestmark = pytest.mark.django_db


def through_proxy(client_address, proxy="127.0.0.1"):
    return {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": client_address}


@pytest.mark.parametrize("trusted", ["1", "127.0.0.1", "10.0.0.0/8,127.0.0.0/8"])
def test_two_readers_behind_a_trusted_proxy_are_limited_separately(
    client, article, moderation, settings, trusted
):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    settings.GAZETTE_COMMENT_RATE_LIMIT = 2
    claire, paul = through_proxy("198.51.100.1"), through_proxy("6.6.6.6, 198.51.100.2")
    for number in range(2):
        assert post_comment(client, article, meta=claire, text=f"Avis {number}").status_code == 303

    assert post_comment(client, article, meta=claire, text="Un de trop").status_code == 429
    assert post_comment(client, article, meta=paul, text="Mon avis").status_code == 303
    stored = dict(Comment.objects.values_list("text", "ip_address"))
    assert stored == {
        "Avis 0": "198.51.100.1",
        "Avis 1": "198.51.100.1",
        "Mon avis": "198.51.100.2",
    }


@pytest.mark.parametrize(
    ("trusted", "peer"),
    [("", "127.0.0.1"), ("10.0.0.0/8", "203.0.113.7"), ("1", "203.0.113.7")],
)
def test_a_forged_forwarded_header_from_an_untrusted_peer_is_ignored(
    client, article, moderation, settings, trusted, peer
):
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    settings.GAZETTE_COMMENT_RATE_LIMIT = 2
    for number in range(3):
        response = post_comment(
            client, article, meta=through_proxy(f"198.51.100.{number}", proxy=peer)
        )
        assert response.status_code == (303 if number < 2 else 429)
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {peer}


def test_the_blocklist_matches_the_reader_behind_the_proxy(client, article, moderation, settings):
    settings.GAZETTE_TRUSTED_PROXIES = "127.0.0.1"
    BlocklistEntry.objects.create(kind=BlocklistEntry.Kind.IP, value="198.51.100.0/24")

    post_comment(client, article, meta=through_proxy("198.51.100.9"), text="Bloqué")
    post_comment(client, article, meta=through_proxy("203.0.113.9"), text="Libre")

    blocked, free = Comment.objects.get(text="Bloqué"), Comment.objects.get(text="Libre")
    assert "Adresse IP bloquée : 198.51.100.0/24." in blocked.spam_reasons
    assert free.spam_reasons == []


def test_an_ipv6_reader_is_limited_across_its_whole_network(settings):
    settings.GAZETTE_COMMENT_RATE_LIMIT = 2
    results = [spam.rate_limited(f"2001:db8:1:2::{number}") for number in range(1, 4)]
    assert results == [False, False, True]
    assert spam.rate_limited("2001:db8:1:3::1") is False  # a neighbour's own network


def test_a_flood_of_cache_keys_does_not_reset_the_rate_limit(settings):
    """The embedded shape's in-process cache evicts once full (300 entries): pages of new
    query strings or host names fill it. The counter is not in it."""
    settings.GAZETTE_COMMENT_RATE_LIMIT = 2
    for _ in range(2):
        assert spam.rate_limited("203.0.113.7") is False

    for start in range(0, 3000, 500):
        cache.set_many({f"flood:{number}": number for number in range(start, start + 500)})

    assert spam.rate_limited("203.0.113.7") is True


def test_the_window_ends_and_old_windows_are_deleted(settings):
    settings.GAZETTE_COMMENT_RATE_LIMIT = 1
    assert spam.rate_limited("203.0.113.7") is False
    assert spam.rate_limited("203.0.113.7") is True
    RateCount.objects.update(started_at=RateCount.objects.get().started_at - spam.RATE_WINDOW)
    spam.rate_limited("203.0.113.8")  # another client's hit clears the ended window

    assert RateCount.objects.count() == 1
    assert spam.rate_limited("203.0.113.7") is False


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 303),  # an older browser, judged by the signed token alone
        ({"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}, 303),
        ({"HTTP_ORIGIN": "http://testserver"}, 303),
        ({"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://pirate.example"}, 403),
        ({"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://forum.testserver"}, 403),
        ({"HTTP_ORIGIN": "https://pirate.example"}, 403),
        ({"HTTP_ORIGIN": "null"}, 403),  # a sandboxed frame or a data: page
        ({"HTTP_ORIGIN": "https://testserver"}, 403),  # another scheme is another origin
    ],
)
def test_a_post_from_another_site_is_refused(client, article, moderation, headers, status):
    response = post_comment(client, article, meta=headers, text="Écrit ailleurs.")

    assert response.status_code == status
    assert Comment.objects.exists() is (status == 303)
    if status == 403:
        html = response.content.decode()
        assert "envoyé depuis un autre site" in html
        assert "Écrit ailleurs." not in html  # the other site's text is not handed back
        assert 'name="token"' not in html


def test_a_trusted_origin_may_post(client, article, moderation, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.gazette.example"]
    response = post_comment(client, article, meta={"HTTP_ORIGIN": "https://www.gazette.example"})
    assert response.status_code == 303


HUGE = [str(2**63), str(2**64 + 1), "9" * 40]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("name", ["comments:token", "comments:submit"])
def test_a_huge_article_id_is_a_404(client, moderation, name, number):
    url = reverse(name, args=[1]).replace("/1/", f"/{number}/")

    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "x"}).status_code == 404


@pytest.mark.parametrize("number", [*HUGE, "²", "-1", "0"])
def test_a_huge_or_odd_parent_id_is_no_parent(client, article, moderation, number):
    make_comment(article)
    url = reverse("comments:submit", args=[article.pk])

    assert client.get(url, {"repondre": number}).status_code == 200
    response = post_comment(client, article, parent=number)
    assert response.status_code == 400
    assert "n’est plus disponible" in response.content.decode() or "nombre" in (
        response.content.decode()
    )
