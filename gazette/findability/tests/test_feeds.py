"""Feeds parse cleanly in feedparser and follow the RSS 2.0 and Atom (RFC 4287) rules a
validator checks: required elements, RFC 822 / RFC 3339 dates, unique ids, absolute addresses,
enclosures with a length and a type. Pages announce them."""

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from gazette.core.tests.queries import without_purge_sync
from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import (
    LARGE,
    fr,
    make_article,
    make_author,
    make_image,
    make_section,
)

from .. import feeds
from ..models import FeedSettings

ATOM = "{http://www.w3.org/2005/Atom}"
PARIS = ZoneInfo("Europe/Paris")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@shared
def newsroom(monde):
    europe = make_section(monde, "Europe")
    claire = make_author("Claire Vasseur")
    paul = make_author("Paul Girard")
    first = make_article(
        europe,
        "L'Europe « tient bon » & avance",
        authors=[claire],
        tags=["Climat"],
        standfirst="Un chapô avec <balises> & esperluette.",
        lead_image=make_image("Bruxelles", size=LARGE),  # the enclosure's length is checked
        first_published_at=dt.datetime(2025, 7, 8, 14, 30, tzinfo=PARIS),
        updated_at=dt.datetime(2025, 7, 9, 9, 0, tzinfo=PARIS),
        body=[("paragraph", '<p>Le texte <a href="/monde/">intégral</a>.</p>')],
    )
    second = make_article(
        monde,
        "Deux signatures",
        authors=[claire, paul],
        tags=["Climat", "Élections"],
        first_published_at=dt.datetime(2025, 1, 2, 9, 5, tzinfo=PARIS),
    )
    make_article(monde, "Un brouillon", authors=[claire], tags=["Climat"], live=False)
    return {"europe": europe, "claire": claire, "first": first, "second": second}


def feed_urls(newsroom):
    return {
        "site": ["/flux/rss/", "/flux/atom/"],
        "section": ["/flux/rubriques/monde/rss/", "/flux/rubriques/monde/atom/"],
        "subsection": ["/flux/rubriques/monde/europe/rss/", "/flux/rubriques/monde/europe/atom/"],
        "author": ["/flux/auteurs/claire-vasseur/rss/", "/flux/auteurs/claire-vasseur/atom/"],
        "tag": ["/flux/sujets/climat/rss/", "/flux/sujets/climat/atom/"],
    }


ALL_FEEDS = [
    ("site", 2),
    ("section", 2),
    ("subsection", 1),
    ("author", 2),
    ("tag", 2),
]


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 - our own feed, not untrusted input


def absolute(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@pytest.mark.django_db
@pytest.mark.parametrize(("scope", "count"), ALL_FEEDS)
def test_rss_follows_the_rss_2_rules(client, newsroom, scope, count):
    response = client.get(feed_urls(newsroom)[scope][0])
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = parse_xml(response.content).find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("language") == "fr"
    assert absolute(channel.findtext("link"))
    email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    assert len(items) == count
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == count and all(guid.startswith("urn:uuid:") for guid in guids)
    for item in items:
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext("title") and item.findtext("description")
        assert absolute(item.findtext("link"))
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert published.tzinfo is not None
        assert item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert "Un brouillon" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("scope", ["site", "section", "author", "tag"])
def test_a_feed_holds_its_newest_items_newest_first(client, newsroom, monkeypatch, scope):
    monkeypatch.setattr(feeds, "ITEMS", 2)
    newest = make_article(
        newsroom["europe"], "Le plus récent", authors=[newsroom["claire"]], tags=["Climat"]
    )

    channel = parse_xml(client.get(feed_urls(newsroom)[scope][0]).content).find("channel")

    links = [item.findtext("link") for item in channel.findall("item")]
    assert links == [f"http://localhost{newest.url}", f"http://localhost{newsroom['first'].url}"]


@pytest.mark.django_db
@pytest.mark.parametrize(("scope", "count"), ALL_FEEDS)
def test_atom_follows_rfc_4287(client, newsroom, scope, count):
    response = client.get(feed_urls(newsroom)[scope][1])
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parse_xml(response.content)
    for required in ("id", "title", "updated"):
        assert feed.findtext(ATOM + required), required
    assert RFC3339.match(feed.findtext(ATOM + "updated"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert absolute(self_link) and self_link.endswith(feed_urls(newsroom)[scope][1])
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == count
    assert len({entry.findtext(ATOM + "id") for entry in entries}) == count
    for entry in entries:
        for required in ("id", "title", "updated", "published"):
            assert entry.findtext(ATOM + required), required
        assert RFC3339.match(entry.findtext(ATOM + "updated"))
        assert RFC3339.match(entry.findtext(ATOM + "published"))
        assert absolute(entry.find(f"{ATOM}link[@rel='alternate']").get("href"))


@pytest.mark.django_db
def test_items_carry_dates_authors_categories_and_the_lead_image(client, newsroom):
    parsed = feedparser.parse(client.get("/flux/rubriques/monde/europe/atom/").content)
    entry = parsed.entries[0]
    assert entry.title == "L’Europe «\u202ftient bon\u202f» & avance"
    assert entry.published == "2025-07-08T14:30:00+02:00"
    assert entry.updated == "2025-07-09T09:00:00+02:00"
    assert entry.author == "Claire Vasseur"
    assert entry.author_detail.href == "http://localhost/auteurs/claire-vasseur/"
    assert [tag.term for tag in entry.tags] == ["Europe", "Climat"]
    # HTML that shows the typed text: the standfirst is text, never markup.
    assert entry.summary == "Un chapô avec &lt;balises&gt; &amp; esperluette."
    [enclosure] = entry.enclosures
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 1000
    image = client.get(urlsplit(enclosure.href).path)
    assert image.status_code == 200
    assert len(b"".join(image.streaming_content)) == int(enclosure.length)

    rss = feedparser.parse(client.get("/flux/rss/").content)
    two = next(e for e in rss.entries if e.title == "Deux signatures")
    assert two.author == f"Claire Vasseur {fr('and')} Paul Girard"
    assert two.published_parsed[:5] == (2025, 1, 2, 8, 5)  # 9 h 05 in Paris, UTC+1 in January
    assert not two.get("enclosures")


@pytest.mark.django_db
def test_full_articles_only_when_the_site_setting_says_so(client, newsroom):
    def content(url):
        return feedparser.parse(client.get(url).content).entries[0].get("content")

    assert content("/flux/rubriques/monde/europe/rss/") is None
    settings = FeedSettings.for_site(Site.objects.get(is_default_site=True))
    settings.full_content = True
    settings.save()
    for url in ("/flux/rubriques/monde/europe/rss/", "/flux/rubriques/monde/europe/atom/"):
        [html] = content(url)
        assert "Un chapô avec &lt;balises&gt;" in html.value
        assert '<a href="http://localhost/monde/">intégral</a>' in html.value


@pytest.mark.django_db
def test_feeds_are_public_cacheable_and_dated(client, newsroom):
    response = client.get("/flux/rss/")
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert response["Last-Modified"]
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/flux/rubriques/inconnue/rss/",
        "/flux/rubriques/monde/inconnue/atom/",
        "/flux/auteurs/personne/rss/",
        "/flux/sujets/rien/atom/",
        "/flux/sujets/%C3%A9conomie/atom/",
        "/flux/json/",
    ],
)
def test_unknown_feeds_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_a_topic_feed_at_its_old_accented_address_is_a_permanent_redirect(
    client, newsroom, feed_format
):
    response = client.get(f"/flux/sujets/%C3%A9lections/{feed_format}/")
    assert (response.status_code, response["Location"]) == (
        301,
        f"/flux/sujets/elections/{feed_format}/",
    )


@pytest.mark.django_db
def test_a_feed_costs_the_same_queries_for_2_and_20_articles(client, monde):
    image = make_image("Une photo")
    author = make_author("Claire Vasseur")

    def queries():
        client.get("/flux/rss/")  # renditions made once, as the first reader would
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/flux/rss/").status_code == 200
        return len(without_purge_sync(captured))

    for n in range(2):
        make_article(monde, f"Article {n}", authors=[author], tags=["Climat"], lead_image=image)
    few = queries()
    for n in range(2, 20):
        make_article(monde, f"Article {n}", authors=[author], tags=["Climat"], lead_image=image)
    assert queries() == few


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", ["/flux/rss/", "/flux/atom/"]),
        ("/monde/", ["/flux/rubriques/monde/rss/", "/flux/rubriques/monde/atom/", "/flux/rss/"]),
        ("/monde/europe/", ["/flux/rubriques/monde/europe/rss/", "/flux/rss/"]),
        ("/auteurs/claire-vasseur/", ["/flux/auteurs/claire-vasseur/rss/", "/flux/rss/"]),
        ("/sujets/climat/", ["/flux/sujets/climat/atom/", "/flux/rss/"]),
    ],
)
def test_pages_announce_their_feeds(client, newsroom, url, expected):
    html = client.get(url).content.decode()
    links = re.findall(
        r'<link rel="alternate" type="application/(?:rss|atom)\+xml" title="[^"]+" href="([^"]+)"',
        html,
    )
    paths = [urlsplit(link).path for link in links]
    for path in expected:
        assert path in paths, (url, path, paths)
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_an_article_announces_its_section_feed(client, newsroom):
    html = client.get(newsroom["first"].url).content.decode()
    assert (
        'title="Gazette – Europe (RSS)" href="http://localhost/flux/rubriques/monde/europe/rss/"'
        in html
    )
