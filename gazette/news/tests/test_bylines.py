"""The surtitre above the title and the byline under it: authors from the Auteurs list, each
with what they did (text, photos, graphics, video), and a free signature line."""

import re

from gazette.core.tests.shared_data import shared
from gazette.core.typography import NBSP
from gazette.news.models import ArticleAuthor, ArticlePage

from .factories import fr, make_article, make_author, make_home, make_section

Role = ArticleAuthor.Role


@shared
def monde():
    return make_section(make_home(), "Monde")


def kicker(html: str) -> str:
    return re.search(r'<p class="kicker">.*?</p>', html, re.S).group()


def test_the_surtitre_shows_above_the_title_instead_of_the_default_label(client, monde):
    article = make_article(monde, "Les négociations reprennent", kicker="COP30")
    html = client.get(article.url).content.decode()
    assert '<span class="kicker-topic">COP30</span>' in kicker(html)
    assert "kicker-label" not in kicker(html)
    assert html.index("kicker-topic") < html.index("<h1>")


def test_without_a_surtitre_the_article_shows_its_label(client, monde):
    article = make_article(monde, "Les négociations reprennent")
    html = client.get(article.url).content.decode()
    assert f'<span class="kicker-label">{fr("Article")}</span>' in kicker(html)
    assert "kicker-topic" not in html


def test_a_label_other_than_article_shows_beside_the_surtitre_everywhere(client, monde):
    make_article(monde, "Ce que Bakou nous dit", kicker="COP30", label=ArticlePage.Label.OPINION)
    html = client.get(monde.url).content.decode()
    label = f'<span class="kicker-label">{fr("Opinion")}</span>'
    assert f'<span class="kicker-topic">COP30</span> {label}' in kicker(html)


def test_the_byline_credits_writers_then_each_role_and_the_signature_line(client, monde):
    claire, paul = make_author("Claire Morvan"), make_author("Paul Aubertin")
    lina, theo = make_author("Lina Haddad"), make_author("Théo Martin")
    article = make_article(
        monde,
        authors=(claire,),
        credits=((lina, Role.GRAPHICS), (paul, Role.PHOTO), (theo, Role.PHOTO)),
        signature_line="Par notre correspondante à Genève",
    )
    html = client.get(article.url).content.decode()
    byline = re.search(r'<p class="byline">.*?</p>', html, re.S).group()
    assert f'{fr("By")} <a href="/auteurs/claire-morvan/" rel="author">Claire Morvan</a>' in byline
    assert '<span class="byline-line">Par notre correspondante à Genève</span>' in byline
    contributors = re.search(r'<p class="byline-contributors">.*?</p>', html, re.S).group()
    text = re.sub(r"<[^>]+>", "", contributors).replace("&nbsp;", NBSP)
    assert text == (
        f"{fr('Photos')}{NBSP}: Paul Aubertin {fr('and')} Théo Martin · "
        f"{fr('Graphics')}{NBSP}: Lina Haddad"
    )
    assert 'href="/auteurs/lina-haddad/"' in contributors


def test_a_signature_line_alone_stands_for_the_byline(client, monde):
    photographer = make_author("Paul Aubertin")
    article = make_article(monde, credits=((photographer, Role.PHOTO),), signature_line="Avec AFP")
    html = client.get(article.url).content.decode()
    assert '<p class="byline"><span class="byline-line">Avec AFP</span></p>' in html
    assert f"{fr('By')} <a" not in html


def test_every_credited_author_lists_the_article(client, monde):
    photographer = make_author("Paul Aubertin")
    article = make_article(monde, "Au fil du Rhône", credits=((photographer, Role.VIDEO),))
    html = client.get(photographer.get_absolute_url()).content.decode()
    assert article.url in html
