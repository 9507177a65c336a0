"""The editor's script proposes the slug the server saves: ASCII, apostrophes dropped."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from gazette.news.newsroom import EDITOR
from gazette.news.tests.factories import make_article, make_home, make_section

from .test_newsroom import PASSWORD, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edit", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def test_the_title_fills_an_ascii_slug_and_a_typed_slug_is_transliterated(
    live_server, page, editor
):
    section = make_section(make_home(), "Monde")
    log_in(page, live_server.url, "edit")
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
    title = page.locator("#id_title")
    title.fill("À Genève, l’œil")
    title.blur()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("a-geneve-loeil")
    page.get_by_role("tab", name="Promotion").click()
    slug.fill("Été à Nîmes, l'Æther")
    slug.blur()
    expect(slug).to_have_value("ete-a-nimes-laether")


def test_an_authors_name_fills_an_ascii_slug(live_server, page, editor):
    log_in(page, live_server.url, "edit")
    page.goto(f"{live_server.url}/admin/snippets/news/author/add/")
    name = page.locator("#id_name")
    name.fill("Hélène Œuvray")
    name.blur()
    expect(page.locator("#id_slug")).to_have_value("helene-oeuvray")


@pytest.mark.parametrize("kind", ["article", "section"])
def test_a_copy_gets_an_ascii_slug_from_its_new_title(live_server, page, editor, kind):
    home = make_home()
    monde = make_section(home, "Monde")
    original = make_article(monde, "Sommet") if kind == "article" else make_section(home, "Europe")
    log_in(page, live_server.url, "edit")
    page.goto(f"{live_server.url}/admin/pages/{original.pk}/copy/")
    title = page.locator("#id_new_title")
    title.fill("À Genève, l'œuvre")
    title.blur()
    expect(page.locator("#id_new_slug")).to_have_value("a-geneve-loeuvre")
    page.get_by_role("button", name="Copier cette page").click()
    expect(page.get_by_text("copiée")).to_be_visible()
    copy = original.get_parent().get_children().get(title="À Genève, l'œuvre")
    assert copy.slug == "a-geneve-loeuvre"
