"""What search engines and feed readers are told of rectificatifs and updates: JSON-LD
`correction` (schema.org CorrectionComment) and `dateModified`, feed items updated with the
note, sitemaps' lastmod; and /rectificatifs/ with its RSS and Atom feeds, linked from every
page."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html import unescape
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import pytest
import xmlschema
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from gazette.core.tests.shared_data import shared
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.news.corrections import ArticleNote, NoteSettings
from gazette.news.tests.factories import make_article, make_note
from gazette.news.tests.test_page_cache import application

from .test_metadata import graph, head
from .test_sitemaps import NEWS_NS, SCHEMAS, SM, URLSET

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
UPDATE = ArticleNote.Kind.UPDATE
# schema.org CorrectionComment as Google reads it: https://schema.org/correction
CORRECTION_COMMENT = {
    "type": "object",
    "required": ["@type", "text", "datePublished"],
    "additionalProperties": False,
    "properties": {
        "@type": {"const": "CorrectionComment"},
        "text": {"type": "string", "minLength": 1},
        "datePublished": {"type": "string", "format": "date-time"},
        "dateModified": {"type": "string", "format": "date-time"},
    },
}
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """December 2025: out of the Google News sitemap's 48 hours."""
    return dt.datetime(2025, 12, day, hour, minute, tzinfo=PARIS)


def dated_note(article, text, when, **fields):
    """A note published as an éditeur would, then backdated: the dates of the tests are fixed."""
    note = make_note(article, text, **fields)
    ArticleNote.objects.filter(pk=note.pk).update(first_published_at=when)
    type(article).objects.filter(pk=article.pk).update(updated_at=when)
    note.refresh_from_db()
    return note


def withdraw(note, reason="Publiée par erreur."):
    latest = note.get_latest_revision_as_object()
    latest.withdrawn, latest.reason = True, reason
    latest.save_revision().publish()
    note.refresh_from_db()
    return note


@shared
def corrected(monde):
    article = make_article(
        monde, "Sommet à Bruxelles", first_published_at=at(2, 18), standfirst="Le chapô."
    )
    type(article).objects.filter(pk=article.pk).update(last_published_at=at(2, 18))
    dated_note(article, "Le sommet s'est tenu mardi, et non lundi.", at(3, 9, 12))
    dated_note(article, "Les ministres ont trouvé un accord.", at(3, 11), kind=UPDATE)
    article.refresh_from_db()
    return article


def test_json_ld_carries_the_corrections_and_the_latest_change(client, corrected):
    news = graph(head(client.get(corrected.url).content.decode()))["NewsArticle"]
    assert news["dateModified"] == "2025-12-03T11:00:00+01:00"
    [correction] = news["correction"]
    jsonschema.validate(correction, CORRECTION_COMMENT, format_checker=FORMATS)
    assert correction == {
        "@type": "CorrectionComment",
        "text": "Le sommet s'est tenu mardi, et non lundi.",
        "datePublished": "2025-12-03T09:12:00+01:00",
    }


def test_an_amended_correction_is_dated_and_a_withdrawn_one_leaves_the_json_ld(client, corrected):
    note = corrected.notes.get(kind=ArticleNote.Kind.CORRECTION)
    latest = note.get_latest_revision_as_object()
    latest.text, latest.reason = "Le sommet s'est tenu mercredi.", "Encore faux."
    latest.save_revision().publish()
    news = graph(head(client.get(corrected.url).content.decode()))["NewsArticle"]
    [correction] = news["correction"]
    jsonschema.validate(correction, CORRECTION_COMMENT, format_checker=FORMATS)
    assert correction["text"] == "Le sommet s'est tenu mercredi."
    assert correction["dateModified"] > correction["datePublished"]
    assert news["dateModified"] == correction["dateModified"]
    withdraw(note)
    news = graph(head(client.get(corrected.url).content.decode()))["NewsArticle"]
    assert "correction" not in news


def test_an_articles_feed_items_carry_the_notes_and_their_date(client, corrected):
    for url in ("/flux/rss/", "/flux/rubriques/monde/atom/"):
        [entry] = feedparser.parse(client.get(url).content).entries
        summary = unescape(entry.summary).replace("\u00a0", " ").replace("\u2019", "'")
        assert summary.startswith("<p>Le chapô.</p>")
        assert (
            "<p>Rectificatif, le 3 décembre 2025 à 9 h 12 : "
            "Le sommet s'est tenu mardi, et non lundi.</p>" in summary
        )
        assert "Mise à jour, le 3 décembre 2025 à 11 h 00 : Les ministres" in summary
    [entry] = feedparser.parse(client.get("/flux/atom/").content).entries
    assert entry.updated_parsed[:5] == (2025, 12, 3, 10, 0)  # 11 h in Paris, in UTC


def test_sitemaps_lastmod_follows_the_notes(client, corrected, monde):
    fresh = make_article(monde, "Tout frais")
    fresh.refresh_from_db()
    note_date = fresh.first_published_at.replace(microsecond=0) + dt.timedelta(hours=2)
    dated_note(fresh, "Une correction de nom.", note_date)
    tree = ET.fromstring(client.get("/sitemap-articles.xml").content)  # noqa: S314 - ours
    lastmods = {
        url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod") for url in tree.iter(f"{SM}url")
    }
    assert lastmods[f"http://localhost{corrected.url}"] == "2025-12-03T11:00:00+01:00"
    news_xml = client.get("/sitemap-news.xml").content.decode()
    URLSET.validate(news_xml)
    [url] = ET.fromstring(news_xml).iter(f"{SM}url")  # noqa: S314 - ours
    assert dt.datetime.fromisoformat(url.findtext(f"{SM}lastmod")) == note_date
    published = url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
    assert dt.datetime.fromisoformat(published) < note_date
    index_xml = client.get("/sitemap.xml").content.decode()
    xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd").validate(index_xml)
    entries = {
        e.findtext(f"{SM}loc"): dt.datetime.fromisoformat(e.findtext(f"{SM}lastmod"))
        for e in ET.fromstring(index_xml).iter(f"{SM}sitemap")  # noqa: S314 - ours
    }
    assert entries["http://localhost/sitemap-news.xml"] == note_date
    assert entries["http://localhost/sitemap-articles.xml"] == note_date


@shared
def many(monde):
    """Corrections of three articles, an update, a draft, an unpublished and a private article."""
    articles = [
        make_article(monde, title, first_published_at=at(1, 8)) for title in ("Un", "Deux", "Trois")
    ]
    notes = [
        dated_note(article, f"Rectificatif de l'article {article.title}.", at(2 + n, 9))
        for n, article in enumerate(articles)
    ]
    dated_note(articles[0], "Une simple mise à jour.", at(6, 9), kind=UPDATE)
    make_note(articles[1], "Un brouillon de rectificatif.", live=False)
    gone = make_article(monde, "Dépublié")
    dated_note(gone, "Rectificatif d'un article retiré.", at(7, 9))
    gone.refresh_from_db()
    gone.unpublish()
    private = make_article(monde, "Réservé")
    dated_note(private, "Rectificatif d'un article réservé.", at(7, 10))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"articles": articles, "notes": notes}


def test_the_corrections_page_lists_every_correction_newest_first(client, many):
    response = client.get(reverse("findability:corrections"))
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    html = unescape(response.content.decode()).replace("\u2019", "'")
    found = re.findall(r"Rectificatif de l'article (\w+)\.", html)
    assert found == ["Trois", "Deux", "Un"]
    for note in many["notes"]:
        assert f'href="{note.article.url}#{note.anchor}"' in html
    assert "le 4 décembre 2025 à 9 h 00" in html.replace("\u00a0", " ")
    for absent in ("simple mise à jour", "brouillon", "article retiré", "article réservé"):
        assert absent not in html


def test_the_corrections_page_is_paginated_and_shows_the_newsrooms_policy(client, many, settings):
    settings.GAZETTE_PAGE_SIZE = 2
    policy = NoteSettings.for_site(Site.objects.get(is_default_site=True))
    policy.policy = "Nous corrigeons nos erreurs au grand jour."
    policy.save()
    url = reverse("findability:corrections")
    first = client.get(url).content.decode()
    assert "Nous corrigeons nos erreurs au grand jour." in first
    assert 'rel="next"' in first
    assert "Rectificatif de l" in client.get(url, {"page": 2}).content.decode()
    assert client.get(url, {"page": 3}).status_code == 404
    assert client.get(url, {"page": "abc"}).status_code == 404


def test_a_withdrawn_correction_stays_listed_as_a_trace(client, many):
    withdraw(many["notes"][0], reason="Erreur d'article.")
    html = unescape(client.get(reverse("findability:corrections")).content.decode())
    assert "Rectificatif de l'article Un." not in html.replace("\u2019", "'")
    assert "note retirée" in html and "Erreur d" in html


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_corrections_feeds_parse_and_point_to_each_note(client, many, fmt):
    response = client.get(reverse(f"findability:corrections_{fmt}"))
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Gazette – Rectificatifs"
    assert [e.title for e in parsed.entries] == ["Trois", "Deux", "Un"]
    note = many["notes"][2]
    entry = parsed.entries[0]
    assert entry.link == f"http://localhost{note.article.url}#{note.anchor}"
    assert entry.published_parsed[:4] == (2025, 12, 4, 8)  # 9 h in Paris, in UTC
    assert "Rectificatif de l" in entry.summary
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)


def test_every_page_links_to_the_corrections_and_it_announces_its_feeds(client, many):
    url = reverse("findability:corrections")
    for path in ("/", "/monde/", many["articles"][0].url, "/recherche/"):
        assert f'<a href="{url}">Rectificatifs</a>' in client.get(path).content.decode(), path
    links = [
        link["href"]
        for link in head(client.get(url).content.decode()).links
        if link.get("rel") == "alternate"
    ]
    assert links[:2] == [
        "http://localhost/flux/rectificatifs/rss/",
        "http://localhost/flux/rectificatifs/atom/",
    ]


def test_an_article_with_corrections_purges_the_corrections_page_when_it_changes(
    many, monde, django_capture_on_commit_callbacks
):
    """Retitled, the article changes the corrections page and its feed, which showed it: the
    cached copies go (they recorded the article's key); an article never corrected does not
    touch them."""
    corrected = many["articles"][0]
    paths = [reverse("findability:corrections"), "/flux/rectificatifs/rss/"]
    for path in paths:
        wsgi_request(application, path)
        assert wsgi_request(application, path)["cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_article(monde, "Jamais corrigé")
    assert [wsgi_request(application, path)["cache"] for path in paths] == ["hit", "hit"]
    corrected.title = "Un titre corrigé"
    with django_capture_on_commit_callbacks(execute=True):
        corrected.save_revision().publish()
    for path in paths:
        answer = wsgi_request(application, path)
        assert answer["cache"] == "miss", path
        assert "Un titre corrigé" in answer["body"].decode(), path
