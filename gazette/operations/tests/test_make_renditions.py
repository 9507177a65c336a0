"""`manage.py make_renditions`, which `load_demo` runs once the demo is committed: afterwards,
no page a reader opens makes a rendition (la une took 43 s on its first view when it did)."""

from io import StringIO

import pytest
from django.core.management import call_command

from gazette.core.models import CreditedImage, CreditedRendition
from gazette.core.renditions import filter_specs, sizes_for
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db


def command(*args) -> str:
    out = StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def newsroom():
    """A small demo: la une, two sections, articles with photos (one in its body), authors
    with portraits, tags; images saved without their renditions, as a bulk load leaves them."""
    home = make_home()
    monde, culture = make_section(home, "Monde"), make_section(home, "Culture")
    claire = make_author("Claire Vasseur", photo=make_image("Portrait de Claire"))
    articles = [
        make_article(
            section,
            f"Article {number}",
            authors=[claire],
            tags=["Climat"],
            lead_image=make_image(f"Photo {number}"),
            body=[("image", {"image": make_image(f"Illustration {number}"), "caption": ""})],
        )
        for number, section in enumerate([monde, monde, culture, culture])
    ]
    assert CreditedRendition.objects.count() == 0
    return {"articles": articles, "author": claire}


def test_after_make_renditions_no_page_makes_one(client, newsroom):
    expected = sum(len(filter_specs(*sizes_for(image))) for image in CreditedImage.objects.all())
    assert command("--dry-run") == f"Rendus d'images à faire : {expected} (images : 9).\n"
    assert CreditedRendition.objects.count() == 0
    command()
    made = CreditedRendition.objects.count()
    assert made == expected
    article = newsroom["articles"][0]
    for url in [
        "/",
        "/monde/",
        "/sujets/climat/",
        "/flux/rss/",
        article.url,
        "/auteurs/claire-vasseur/",
    ]:
        assert client.get(url).status_code == 200, url
    assert CreditedRendition.objects.count() == made
    assert command() == "Rendus d'images faits : 0 (images : 9).\n"
