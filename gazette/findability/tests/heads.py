"""Reading what search engines and social networks read in a page's head: meta and link
tags, the JSON-LD graph, and Google's required NewsArticle properties. For this app's tests
and the demo's (every demo article)."""

import datetime as dt
import json
from html.parser import HTMLParser


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._script = {}, [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(
                attrs["content"]
            )
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


def head(html):
    parser = Head()
    parser.feed(html)
    return parser


def graph(parsed):
    [script] = parsed.scripts
    data = json.loads(script)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def assert_news_article(article_node, url):
    """Google's NewsArticle: the properties the brief lists, with the types schema.org gives."""
    assert article_node["headline"]
    assert article_node["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    for date in ("datePublished", "dateModified"):
        assert dt.datetime.fromisoformat(article_node[date]).tzinfo is not None
    assert article_node["dateModified"] >= article_node["datePublished"]
    assert article_node["author"], "at least one author"
    for author in article_node["author"]:
        assert author["@type"] == "Person" and author["name"] and author["url"].startswith("http")
    [image] = article_node["image"]
    assert image["url"].startswith("http") and image["width"] > 0 and image["height"] > 0
    publisher = article_node["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"]
    assert publisher["logo"]["@type"] == "ImageObject" and publisher["logo"]["url"].startswith(
        "http"
    )
    assert article_node["articleSection"]
    assert article_node["isAccessibleForFree"] is True
