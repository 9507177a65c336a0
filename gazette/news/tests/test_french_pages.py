"""No English reaches a reader. The page we studied on a WordPress theme leaked « Click to
comment » and an empty date after « le »: each public page type is rendered and its visible
text and accessible names are scanned for our English msgids and for common English UI words."""

import datetime as dt
import re

import pytest
from wagtail.models import Site

from gazette.core.models import SiteSettings
from gazette.core.tests.french import ENGLISH_UI, english_msgids, visible_text
from gazette.core.tests.shared_data import shared

from .factories import make_article, make_author, make_home, make_section


@shared
def site_pages():
    home = make_home()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.facebook_url = "https://www.facebook.com/gazette.demo"
    site_settings.save()
    monde = make_section(home, "Monde")
    author = make_author("Claire Vasseur")
    article = None
    for n in range(25):
        article = make_article(
            monde,
            f"Une nouvelle du jour numéro {n}",
            first_published_at=dt.datetime(2025, 8, 1, 9, n, tzinfo=dt.UTC),
            authors=[author],
            tags=["Climat"],
        )
    return [
        "/",
        monde.url,
        f"{monde.url}?page=2",
        article.url,
        author.get_absolute_url(),
        "/sujets/climat/",
        "/une-adresse-qui-n-existe-pas/",
    ]


@pytest.mark.django_db
def test_no_public_page_shows_english(client, site_pages):
    msgids = english_msgids()
    for url in site_pages:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        for text in visible_text(response.content.decode()):
            assert not ENGLISH_UI.search(text), f"{url}: {text!r}"
            leaked = [m for m in msgids if m in text]
            assert not leaked, f"{url}: {leaked}"


@pytest.mark.django_db
def test_every_date_after_le_is_filled(client, site_pages):
    for url in site_pages:
        html = client.get(url).content.decode()
        assert not re.search(r"<time[^>]*>\s*</time>", html), url
        assert not re.search(r'datetime=""', html), url
        parts = visible_text(html)
        for text, following in zip(parts, [*parts[1:], ""], strict=True):
            if re.search(r"(^|\s)le$", text):
                assert re.match(r"\d", following), f"{url}: {text!r} then {following!r}"
