"""An article page with its own CSS, fonts and JavaScript weighs at most 30 KB compressed,
images aside: the assets are found from the page itself, so a new stylesheet, script or font
counts without anyone updating this test."""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from .factories import make_article, make_author, make_home, make_section

BUDGET = 30 * 1024
PARAGRAPH = (
    "<p>Les habitants du quartier ont appris la nouvelle au petit matin : la passerelle qui "
    "relie les deux rives fermera pendant six mois. Les commerçants s'inquiètent ; la mairie "
    "promet des navettes gratuites et un calendrier précis d'ici la fin du mois.</p>"
)


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def asset_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is referenced by the page but not found"
    with open(path, "rb") as asset:
        return asset.read()


@pytest.mark.django_db
def test_article_page_with_its_assets_fits_in_30_kb_compressed(client):
    section = make_section(make_home(), "Monde")
    article = make_article(
        section,
        "« Nous tiendrons » : la passerelle ferme six mois",
        standfirst="La ville promet des navettes ; les commerçants restent inquiets.",
        authors=(make_author("Claire Vasseur"), make_author("Paul Martin")),
        tags=("Transports", "Ville"),
        body=[("paragraph", PARAGRAPH)] * 6,
    )
    html = client.get(article.url).content
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    weight = gzipped_size(html)
    for url in assets:
        content = asset_bytes(url.decode())
        weight += gzipped_size(content)
        for font in re.findall(rb"url\(([^)]+\.woff2?)\)", content):
            weight += len(asset_bytes(font.decode().strip("'\"")))
    assert assets, "the page links no stylesheet: the test would measure nothing"
    assert weight <= BUDGET, f"{weight} bytes compressed"
