"""`generate_newsroom` writes the tree by hand: these tests check that treebeard and Wagtail
agree with what it wrote, and that every kind of page serves the generated content."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Page

from gazette.comments.models import Comment
from gazette.demo.bulk_pages import section_plan
from gazette.news.models import ArticlePage, Author, SectionPage
from gazette.news.tests.factories import ensure_initial_data


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """Generated once for the module, in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_initial_data()  # a transactional test may have flushed the tables
        call_command("generate_newsroom", articles=300, comments=1000, authors=8, stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_sections_nest_under_the_six_first(newsroom):
    assert [title for title, _ in section_plan(14)][-2:] == ["Monde 2", "France 2"]
    europe = SectionPage.objects.get(slug="europe")
    assert europe.get_parent().slug == "monde"


@pytest.mark.django_db
def test_generated_tree_is_consistent(newsroom):
    assert Page.find_problems() == ([], [], [], [], [])
    assert ArticlePage.objects.live().count() == 300
    assert Comment.objects.count() == 1000
    assert Comment.objects.filter(parent__isnull=False).exists()
    replies = Comment.objects.filter(parent__isnull=False).select_related("parent")
    assert all(reply.parent.article_id == reply.article_id for reply in replies)
    for article in ArticlePage.objects.all()[:20]:
        assert article.section_id == article.get_parent().pk
        assert article.url_path == article.get_parent().url_path + article.slug + "/"


@pytest.mark.django_db
def test_la_une_section_article_and_author_pages_serve_it(client, newsroom):
    newest = ArticlePage.objects.teasers().first()
    assert f'href="{newest.url}"' in client.get("/").content.decode()

    monde = SectionPage.objects.get(slug="monde")
    listed = list(ArticlePage.objects.descendant_of(monde).teasers())
    response = client.get(monde.url + "?page=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{listed[settings.GAZETTE_PAGE_SIZE].url}"' in html
    assert f'href="{listed[0].url}"' not in html

    commented = Comment.objects.visible().filter(parent__status=Comment.Status.APPROVED).first()
    response = client.get(commented.article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert commented.article.slug in html
    assert f'id="{commented.anchor}"' in html
    assert f'id="{commented.parent.anchor}"' in html

    author = Author.objects.filter(bylines__isnull=False).first()
    response = client.get(author.get_absolute_url())
    assert response.status_code == 200
    assert author.name in response.content.decode()


@pytest.mark.django_db
def test_a_site_with_articles_is_refused_unless_appending(newsroom):
    with pytest.raises(CommandError, match="--append"):
        call_command("generate_newsroom", articles=10, comments=0, stdout=StringIO())
    call_command("generate_newsroom", articles=50, comments=100, append=True, stdout=StringIO())
    assert ArticlePage.objects.count() == 350
    assert Comment.objects.count() == 1100
    assert Page.find_problems() == ([], [], [], [], [])
