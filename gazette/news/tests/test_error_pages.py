"""The 404 and 500 pages speak French and render in the conditions that cause them: an unknown
address, a request no site answers, a broken database."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return translation.gettext(msgid)


@pytest.mark.django_db
def test_unknown_address_gets_the_french_404_inside_the_site_chrome(client):
    response = client.get("/une-adresse-qui-n-existe-pas/")
    html = response.content.decode()

    assert response.status_code == 404
    assert fr("Page not found") != "Page not found"
    assert '<html lang="fr">' in html
    assert f"<h1>{fr('Page not found')}</h1>" in html
    assert '<a class="skip-link" href="#contenu">' in html
    assert not response.cookies


@pytest.mark.django_db
def test_404_renders_when_no_site_answers_the_request(client):
    Site.objects.update(is_default_site=False)  # and none is named "testserver"
    response = client.get("/")
    assert response.status_code == 404
    assert f"<h1>{fr('Page not found')}</h1>" in response.content.decode()


@pytest.mark.django_db  # « Les + Lus » is read (from the cache, or computed once)
def test_404_renders_without_a_request_or_settings():
    html = render_to_string("404.html")
    assert f"<h1>{fr('Page not found')}</h1>" in html
    assert 'class="follow"' not in html  # no site settings: no networks, no footer links
    footer_links = html.split('class="footer-links">', 1)[1].split("</ul>", 1)[0]
    assert footer_links.count("<li>") == 1 and 'href="/rectificatifs/"' in footer_links


@pytest.mark.django_db
def test_500_reads_nothing_from_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert '<html lang="fr">' in html
    assert f"<h1>{fr('Server error')}</h1>" in html
    assert "<link" not in html  # no stylesheet that might itself fail to load
