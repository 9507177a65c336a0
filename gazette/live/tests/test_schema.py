"""The live page's JSON-LD: a LiveBlogPosting with its coverage times and one BlogPosting per
entry readers see, in ISO dates with the Paris offset; nothing of a restricted live page
anywhere public."""

import json
import re
from datetime import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from gazette.core.tests.shared_data import shared
from gazette.live.models import LiveEntry
from gazette.live.services import edit_entry, withdraw_entry
from gazette.news.tests.factories import make_author, make_home, make_section

from .factories import make_live_page, post_entry

pytestmark = pytest.mark.django_db
PARIS = timezone.get_default_timezone()
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def at(hour, minute):
    return datetime(2026, 12, 2, hour, minute, tzinfo=PARIS)


def posting(html: str) -> dict:
    [data] = [json.loads(text) for text in SCRIPT.findall(html)]
    [node] = [node for node in data["@graph"] if node["@type"] == "LiveBlogPosting"]
    return node


@shared
def monde():
    return make_section(make_home(), "Monde")


@shared
def live(monde):
    return make_live_page(
        monde,
        authors=[make_author("Claire Vasseur")],
        started_at=at(8, 0),
        first_published_at=at(8, 0),
        slug="tempete",
    )


def test_a_running_live_page_is_a_live_blog_posting_with_its_entries(client, live):
    reporter = make_author("Yann Le Goff")
    first = post_entry(live, "Les <b>rafales</b> atteignent 150 km/h.", author=reporter)
    second = post_entry(
        live, "Le préfet parle.", title="Conférence", quote="Restez chez vous.", user=None
    )
    LiveEntry.objects.filter(pk=first.pk).update(published_at=at(14, 2))
    LiveEntry.objects.filter(pk=second.pk).update(published_at=at(14, 32))
    first.refresh_from_db()
    first.body = "<p>Les rafales atteignent 160 km/h.</p>"
    edit_entry(first)
    LiveEntry.objects.filter(pk=first.pk).update(edited_at=at(14, 40))

    node = posting(client.get(live.url).content.decode())

    url = "http://localhost/monde/tempete/"
    assert node["headline"] == live.title and node["url"] == url
    assert node["coverageStartTime"] == "2026-12-02T08:00:00+01:00"
    assert "coverageEndTime" not in node
    assert node["dateModified"] == "2026-12-02T14:40:00+01:00"
    assert [a["name"] for a in node["author"]] == ["Claire Vasseur"]  # the page's byline
    newest, oldest = node["liveBlogUpdate"]
    assert oldest == {
        "@type": "BlogPosting",
        "@id": f"{url}#entree-{first.pk}",
        "url": f"{url}#entree-{first.pk}",
        "headline": "Les rafales atteignent 160 km/h.",
        "articleBody": "Les rafales atteignent 160 km/h.",
        "datePublished": "2026-12-02T14:02:00+01:00",
        "dateModified": "2026-12-02T14:40:00+01:00",
        "author": {
            "@type": "Person",
            "name": "Yann Le Goff",
            "url": "http://localhost/auteurs/yann-le-goff/",
        },
    }
    assert newest["headline"] == "Conférence"
    assert newest["articleBody"] == "Le préfet parle. « Restez chez vous. »"
    assert newest["datePublished"] == "2026-12-02T14:32:00+01:00"
    assert "dateModified" not in newest and "author" not in newest  # no one to name


def test_an_entry_signed_by_who_posted_it_names_them(client, live, django_user_model):
    user = django_user_model.objects.create_user("yann", first_name="Yann", last_name="Le Goff")
    post_entry(live, "Vigilance rouge.", user=user)
    [update] = posting(client.get(live.url).content.decode())["liveBlogUpdate"]
    assert update["author"] == {"@type": "Person", "name": "Yann Le Goff"}


def test_a_withdrawn_entry_leaves_the_json_ld_and_an_ended_live_has_its_end(client, live):
    kept = post_entry(live, "Les rafales faiblissent.")
    withdraw_entry(post_entry(live, "Une rumeur non vérifiée."))
    live.ended_at = at(18, 0)
    live.save_revision().publish()

    node = posting(client.get(live.url).content.decode())

    assert node["coverageEndTime"] == "2026-12-02T18:00:00+01:00"
    assert [u["@id"].split("#")[1] for u in node["liveBlogUpdate"]] == [f"entree-{kept.pk}"]
    assert "rumeur" not in json.dumps(node, ensure_ascii=False)


def test_an_entry_cannot_end_the_script(client, live):
    post_entry(live, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    html = client.get(live.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert posting(html)["liveBlogUpdate"][0]["articleBody"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_restricted_live_page_shows_nothing_of_itself_anywhere_public(client, live, kind):
    post_entry(live, "Une entrée réservée aux abonnés.", title="Réservé")
    PageViewRestriction.objects.create(
        page=live, restriction_type=kind, password="k7" if kind == "password" else ""
    )
    urls = [live.url, "/", "/monde/", f"/direct/{live.pk}/entrees/?depuis=0"]
    for url in urls:
        body = client.get(url).content.decode()
        for secret in ("LiveBlogPosting", "réservée aux abonnés", "Réservé", live.title):
            assert secret not in body, (url, secret)
