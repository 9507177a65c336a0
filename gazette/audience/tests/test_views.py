"""The beacon endpoint: what it accepts, what it refuses, and that refusing leaves no trace."""

import json

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from gazette.audience.models import HourlyCount, ReferrerCount, VisitorDigest
from gazette.audience.views import MAX_BODY
from gazette.news.tests.factories import make_article

from .readers import READER, stored_views

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": READER["user_agent"], "REMOTE_ADDR": READER["ip"]}


def beacon(client, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.generic(
        "POST",
        reverse("audience:beacon"),
        data,
        "text/plain;charset=UTF-8",
        **{**BROWSER, **headers},
    )


def nothing_stored() -> bool:
    return (
        stored_views() == 0
        and not VisitorDigest.objects.exists()
        and not ReferrerCount.objects.exists()
    )


def test_a_read_is_counted_with_no_cookie_and_no_cache(mode, client, article):
    response = beacon(client, {"id": article.pk, "ref": "www.qwant.com"})

    assert response.status_code == 204
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert stored_views(article=article) == 1
    assert ReferrerCount.objects.get().domain == "qwant.com"


def test_the_endpoint_reads_no_cookie(mode, client, article):
    client.cookies["sessionid"] = "not-a-session"
    client.cookies["csrftoken"] = "x" * 32

    assert beacon(client, {"id": article.pk}).status_code == 204
    assert not beacon(client, {"id": article.pk}).cookies


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("", id="empty"),
        pytest.param("id=5", id="not JSON"),
        pytest.param(b"\xff\xfe{", id="not UTF-8"),
        pytest.param([5], id="a list"),
        pytest.param({"ref": "google.com"}, id="no id"),
        pytest.param({"id": "5"}, id="id as text"),
        pytest.param({"id": True}, id="id as boolean"),
        pytest.param({"id": 5.0}, id="id as float"),
        pytest.param({"id": -5}, id="negative id"),
        pytest.param({"id": 0}, id="zero"),
        pytest.param({"id": 999_999}, id="unknown id"),
        pytest.param({"id": "ARTICLE", "ref": ["google.com"]}, id="ref as list"),
        pytest.param({"id": "ARTICLE", "pad": "x" * MAX_BODY}, id="huge body"),
    ],
)
def test_bad_payloads_get_a_4xx_and_leave_no_trace(mode, client, article, body):
    if isinstance(body, dict) and body.get("id") == "ARTICLE":
        body = {**body, "id": article.pk}

    response = beacon(client, body)

    assert 400 <= response.status_code < 500
    assert nothing_stored()


def test_a_draft_article_is_refused(mode, client, monde):
    draft = make_article(monde, "Pas encore publié", live=False)

    assert beacon(client, {"id": draft.pk}).status_code == 400
    assert nothing_stored()


@pytest.mark.parametrize("method", ["get", "head", "put", "delete"])
def test_only_post_is_allowed(client, article, method):
    response = getattr(client, method)(reverse("audience:beacon"))

    assert response.status_code == 405
    assert not HourlyCount.objects.exists()


def test_a_cross_site_beacon_is_refused(mode, client, article):
    response = beacon(client, {"id": article.pk}, HTTP_SEC_FETCH_SITE="cross-site")

    assert response.status_code == 403
    assert nothing_stored()


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
        "+https://openai.com/gptbot)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
)
def test_robots_are_answered_but_not_counted(mode, client, article, user_agent):
    response = beacon(client, {"id": article.pk}, HTTP_USER_AGENT=user_agent)

    assert response.status_code == 204
    assert nothing_stored()


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_X_MOZ": "prefetch"},
    ],
)
def test_speculative_loads_are_not_counted(mode, client, article, header):
    assert beacon(client, {"id": article.pk}, **header).status_code == 204
    assert nothing_stored()


def test_behind_a_trusted_proxy_each_forwarded_address_is_a_visitor(
    mode, client, settings, article
):
    settings.GAZETTE_TRUSTED_PROXIES = "1"
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
        beacon(
            client,
            {"id": article.pk},
            REMOTE_ADDR="127.0.0.1",  # the proxy, on this machine
            HTTP_X_FORWARDED_FOR=f"10.9.9.9, {address}",
        )

    assert stored_views() == 2


@pytest.mark.parametrize("trusted", ["1", "10.0.0.0/8"])
def test_a_forged_forwarded_address_from_an_untrusted_peer_changes_nothing(
    mode, client, settings, article, trusted
):
    """The peer is a client on the Internet that reached the app port itself."""
    settings.GAZETTE_TRUSTED_PROXIES = trusted
    for address in ("198.51.100.1", "198.51.100.2"):
        beacon(client, {"id": article.pk}, HTTP_X_FORWARDED_FOR=address)

    assert stored_views() == 1


def test_without_trusted_proxies_a_forged_forwarded_address_changes_nothing(mode, client, article):
    for address in ("198.51.100.1", "198.51.100.2"):
        beacon(client, {"id": article.pk}, HTTP_X_FORWARDED_FOR=address)

    assert stored_views() == 1


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="abonnés"
    )


def test_an_article_made_private_is_refused_from_then_on(
    mode, client, article, django_capture_on_commit_callbacks
):
    assert beacon(client, {"id": article.pk}).status_code == 204
    with django_capture_on_commit_callbacks(execute=True):
        restrict(article)

    assert beacon(client, {"id": article.pk}, HTTP_USER_AGENT="Autre").status_code == 400
    assert stored_views(article=article) == 1


def test_a_private_article_published_again_is_still_refused(
    mode, client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restrict(article)
        article.save_revision().publish()

    assert beacon(client, {"id": article.pk}).status_code == 400
    assert nothing_stored()


def test_an_article_public_again_is_counted_again(
    mode, client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restrict(article)
    assert beacon(client, {"id": article.pk}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.all().delete()

    assert beacon(client, {"id": article.pk}).status_code == 204
