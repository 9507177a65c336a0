"""Every absolute address a page gives out names GAZETTE_BASE_URL once `sync_site` has run, as
`make demo PORT=8200` runs it: canonical URL, Open Graph, JSON-LD, the feeds announced and
the feeds' items. Before, they kept the address the demo was first loaded at."""

import json
import re

import feedparser
import pytest
from django.core.management import call_command

from gazette.news.tests.factories import make_article, make_image, make_section

from .test_metadata import head

BASE = "http://127.0.0.1:8200"
HOST = "127.0.0.1:8200"
ABSOLUTE = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def article(monde, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE
    call_command("sync_site", verbosity=0)
    europe = make_section(monde, "Europe")
    return make_article(europe, "Sommet à Bruxelles", lead_image=make_image("Bruxelles"))


@pytest.mark.django_db
def test_the_head_names_the_base_url_only(client, article):
    html = client.get(article.url, HTTP_HOST=HOST).content.decode()
    parsed = head(html)
    assert {"rel": "canonical", "href": f"{BASE}{article.url}"} in parsed.links
    assert parsed.meta["og:url"] == [f"{BASE}{article.url}"]
    assert parsed.meta["og:image"][0].startswith(f"{BASE}/media/")
    feeds = [link["href"] for link in parsed.links if link.get("rel") == "alternate"]
    assert feeds and all(href.startswith(f"{BASE}/flux/") for href in feeds)
    [script] = parsed.scripts
    addresses = ABSOLUTE.findall(script)
    assert addresses
    ours = [url for url in addresses if "schema.org" not in url]
    assert ours and all(url.startswith(BASE) for url in ours), ours
    assert json.loads(script)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flux/rss/", "/flux/atom/"])
def test_feed_links_and_items_name_the_base_url(client, article, url):
    parsed = feedparser.parse(client.get(url, HTTP_HOST=HOST).content)
    assert parsed.feed.link.startswith(BASE)
    [entry] = parsed.entries
    assert entry.link == f"{BASE}{article.url}"
    assert all(enclosure.href.startswith(f"{BASE}/media/") for enclosure in entry.enclosures)
