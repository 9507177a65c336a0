import pytest

from .factories import make_article, make_home, make_section


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "shown"), [("article", "Article"), ("interview", "Entretien")])
def test_article_page_always_shows_its_label(client, label, shown):
    section = make_section(make_home(), "Monde")
    article = make_article(section, "Un titre", label=label)
    html = client.get(article.url).content.decode()
    assert f'<span class="kicker-label">{shown}</span>' in html


@pytest.mark.django_db
def test_listings_leave_out_the_default_label(client):
    section = make_section(make_home(), "Monde")
    make_article(section, "Un titre", label="article")
    html = client.get(section.url).content.decode()
    assert '<span class="kicker-label">Article</span>' not in html
