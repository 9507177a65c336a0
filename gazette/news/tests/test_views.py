"""Author and tag pages."""

import datetime as dt

import pytest
from django.utils import timezone

from gazette.core.tests.shared_data import shared
from gazette.core.typography import NBSP

from .factories import fr, make_article, make_author, make_home, make_image, make_section


@shared
def monde():
    return make_section(make_home(), "Monde")


def test_author_page_shows_who_they_are_and_only_their_live_articles(client, monde):
    claire = make_author(
        "Claire Vasseur",
        role="Correspondante à Lyon",
        bio="Elle couvre la ville depuis 2015.\n\nAvant : Le Progrès.",
        photo=make_image("Portrait", description="Claire Vasseur en 2024"),
    )
    make_article(monde, "Le marché couvert", authors=(claire,))
    make_article(monde, "Brouillon de Claire", authors=(claire,), live=False)
    make_article(monde, "Écrit par un autre", authors=(make_author("Paul Martin"),))

    response = client.get(claire.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Claire Vasseur</h1>" in html
    assert 'alt="Claire Vasseur en 2024"' in html
    assert "Correspondante à Lyon" in html
    assert f"<p>Avant{NBSP}: Le Progrès.</p>" in html
    assert ">Le marché couvert</a></h3>" in html
    assert "Brouillon de Claire" not in html
    assert "Écrit par un autre" not in html
    assert "<title>Claire Vasseur – Gazette</title>" in html


def test_tag_page_lists_the_tagged_live_articles_newest_first(client, monde):
    now = timezone.now()
    make_article(monde, "Ancien", tags=("Climat",), first_published_at=now - dt.timedelta(days=2))
    make_article(monde, "Récent", tags=("Climat",), first_published_at=now)
    make_article(monde, "Sans rapport", tags=("Sport",))

    html = client.get("/sujets/climat/").content.decode()

    heading = fr("Topic: %(name)s") % {"name": "Climat"}
    assert f"<h1>{heading.replace(' :', NBSP + ':')}</h1>" in html
    assert html.index(">Récent</a>") < html.index(">Ancien</a>")
    assert "Sans rapport" not in html


@pytest.mark.parametrize("url", ["/auteurs/personne/", "/sujets/inconnu/"])
def test_unknown_author_or_tag_is_a_404(client, monde, url):
    assert client.get(url).status_code == 404
