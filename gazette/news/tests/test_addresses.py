"""French addresses in ASCII (« À Genève, l’œil » → « a-geneve-loeil ») for pages, topics and
authors, and a 301 from a published page's old address when an éditeur changes its slug or
moves it (docs/articles.md)."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gazette.core.slugs import ascii_slug
from gazette.core.tests.shared_data import shared
from gazette.news.models import ArticlePage, Author
from gazette.news.newsroom import EDITOR

from .factories import make_article, make_author, make_home, make_section


@pytest.mark.parametrize(("text", "slug"), [
    ("À Genève, l’œil", "a-geneve-loeil"),
    ("L'Europe d’aujourd’hui", "leurope-daujourdhui"),
    ("Cœur, Æsope, Straße, garçon", "coeur-aesope-strasse-garcon"),
    ("Élections : « COP30 » !", "elections-cop30"),
    ("São Paulo – Mañana", "sao-paulo-manana"),
    ("Déjà-vu   2027", "deja-vu-2027"),
    ("a-geneve-loeil", "a-geneve-loeil"),  # a clean slug stays as it is
])  # fmt: skip
def test_ascii_slug_spells_french_in_ascii(text, slug):
    assert ascii_slug(text) == slug


@shared
def monde():
    return make_section(make_home(), "Monde")


def test_a_page_gets_its_slug_from_the_title_in_ascii(client, monde):
    article = make_article(monde, "À Genève, l’œil du cyclone")
    assert article.url == "/monde/a-geneve-loeil-du-cyclone/"
    assert client.get(article.url).status_code == 200
    again = make_article(monde, "À Genève, l’œil du cyclone")
    assert again.slug == "a-geneve-loeil-du-cyclone-2"  # numbered as Wagtail numbers


def test_a_typed_accented_slug_is_cleaned_on_the_server(monde):
    article = make_article(monde, "Titre", slug="Réforme-des-retraites", live=False)
    assert article.slug == "reforme-des-retraites"  # a draft too
    article.slug = "l’été-à-Nîmes"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.slug == "lete-a-nimes"


def test_migration_0004_gives_accented_topics_ascii_slugs(db):
    Tag.objects.bulk_create(
        [
            Tag(name="Élections", slug="élections"),
            Tag(name="Elections", slug="elections"),
            Tag(name="L’œil", slug="lœil"),
        ]
    )
    migration = importlib.import_module("gazette.news.migrations.0004_kicker_signature_roles")
    migration.ascii_tag_slugs(django_apps, schema_editor=None)
    assert dict(Tag.objects.values_list("name", "slug")) == {
        "Élections": "elections-2",
        "Elections": "elections",
        "L’œil": "loeil",
    }


def test_an_accented_slug_from_before_turns_ascii_when_next_published(client, monde):
    article = make_article(monde, "Été à Nîmes")
    ArticlePage.objects.filter(pk=article.pk).update(
        slug="été-à-nîmes", url_path="/la-une/monde/été-à-nîmes/"
    )
    article.refresh_from_db()
    assert client.get("/monde/%C3%A9t%C3%A9-%C3%A0-n%C3%AEmes/").status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.url == "/monde/ete-a-nimes/"
    response = client.get("/monde/%C3%A9t%C3%A9-%C3%A0-n%C3%AEmes/")
    assert (response.status_code, response["Location"]) == (301, "/monde/ete-a-nimes/")


def test_an_author_without_a_slug_gets_one_from_the_name(db):
    assert Author.objects.create(name="Hélène Œuvray").slug == "helene-oeuvray"
    namesake = Author(name="Hélène Œuvray")
    namesake.full_clean()  # what the snippet form runs
    assert namesake.slug == "helene-oeuvray-2"
    typed = Author(name="Autre", slug="")
    typed.slug = "zoé"
    typed.full_clean()
    assert typed.slug == "zoe"


# Through the admin, as an éditeur (never the superuser) ------------------------------------


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editrice", password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def edit_form(article, **changes) -> dict:
    """The article's edit form as the browser posts it, with `changes`, and « Publier »."""
    bylines = [
        {"id": b.pk, "author": b.author_id, "role": b.role, "ORDER": n}
        for n, b in enumerate(article.bylines.all(), start=1)
    ]
    fields = {
        "label": article.label,
        "kicker": article.kicker,
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "lead_image_caption": "",
        "bylines": inline_formset(bylines, initial=len(bylines)),
        "signature_line": article.signature_line,
        "body": streamfield([("paragraph", rich_text("<p>Un paragraphe.</p>"))]),
        "tags": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "comments_open": "on",
        **changes,
    }
    return {**nested_form_data(fields), "action-publish": "action-publish"}


def publish_through_the_admin(client, article, **changes):
    """Wagtail announces a new slug once the transaction commits: so does the test."""
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, edit_form(article, **changes))
    errors = response.context and response.context.get("form") and response.context["form"].errors
    assert response.status_code == 302, errors
    article.refresh_from_db()


def test_a_new_slug_leaves_a_301_from_the_old_address(client, monde, editor):
    article = make_article(monde, "Sommet à Genève", authors=(make_author("Zoé Lambert"),))
    old = article.url
    assert client.get(old).status_code == 200  # now in the page cache and the route memory
    client.force_login(editor)
    publish_through_the_admin(client, article, slug="sommet-de-geneve")
    assert article.url == "/monde/sommet-de-geneve/"
    client.logout()
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, "/monde/sommet-de-geneve/")
    assert client.get(article.url).status_code == 200
    assert Redirect.objects.get(old_path=old.rstrip("/")).redirect_page_id == article.pk


def test_an_accented_slug_typed_in_the_admin_is_saved_in_ascii(client, monde, editor):
    article = make_article(monde, "Sommet", authors=(make_author("Zoé Lambert"),))
    client.force_login(editor)
    publish_through_the_admin(client, article, slug="à-genève-l’œil")
    assert article.slug == "a-geneve-loeil"


def test_a_moved_article_leaves_a_301_from_the_old_address(client, monde, editor):
    europe = make_section(monde.get_parent(), "Europe")
    article = make_article(monde, "Sommet à Genève")
    old = article.url
    assert client.get(old).status_code == 200
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:move_confirm", args=[article.pk, europe.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(url).status_code == 302
    client.logout()
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, "/europe/sommet-a-geneve/")


def test_an_editor_adds_an_author_without_typing_the_slug(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_news_author:add")
    form = client.get(url).content.decode()
    assert 'data-w-sync-target-value="#id_slug"' in form  # the script fills it from the name
    response = client.post(url, {"name": "Hélène Œuvray", "slug": "", "role": "", "bio": ""})
    assert response.status_code == 302
    assert Author.objects.get(name="Hélène Œuvray").get_absolute_url() == "/auteurs/helene-oeuvray/"


def test_a_new_author_slug_leaves_a_301_from_the_old_address(client, monde, editor):
    author = make_author("Zoé Lambert")
    make_article(monde, authors=(author,))
    assert client.get("/auteurs/zoe-lambert/").status_code == 200  # now in the page cache
    client.force_login(editor)
    url = reverse("wagtailsnippets_news_author:edit", args=[author.pk])
    fields = {"name": "Zoé Lambert-Roy", "slug": "zoe-lambert-roy", "role": "", "bio": ""}
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(url, fields).status_code == 302
    client.logout()
    response = client.get("/auteurs/zoe-lambert/")
    assert (response.status_code, response["Location"]) == (301, "/auteurs/zoe-lambert-roy/")
    assert client.get("/auteurs/zoe-lambert-roy/").status_code == 200


# « Copier la page », as an éditeur -------------------------------------------------------------


def copy_through_the_admin(client, page, **fields):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {"new_parent_page": page.get_parent().pk, **fields}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


@pytest.fixture
def copyable(monde):
    """An article and a rubrique, each a page an éditeur may copy."""
    return {
        "article": make_article(monde, "Sommet", authors=(make_author("Zoé Lambert"),)),
        "section": make_section(monde.get_parent(), "Europe"),
    }


@pytest.mark.parametrize("kind", ["article", "section"])
def test_the_copy_form_fills_the_slug_from_the_new_title(client, copyable, editor, kind):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:copy", args=[copyable[kind].pk])).content
    html = html.decode()
    assert 'data-w-sync-target-value="#id_new_slug"' in html  # the title fills the slug
    assert "blur-&gt;w-slug#urlify" in html  # typed in the slug, transliterated too
    assert "data-w-slug-formatters-value" in html  # with the letters urlify drops (œ, æ, ß)


@pytest.mark.parametrize("kind", ["article", "section"])
@pytest.mark.parametrize("typed", ["À Genève, l'œuvre", "à-genève-l’œuvre", "a-geneve-loeuvre"])
def test_a_copy_is_saved_with_an_ascii_slug(client, copyable, editor, kind, typed):
    original = copyable[kind]
    client.force_login(editor)
    response = copy_through_the_admin(
        client, original, new_title="À Genève, l'œuvre", new_slug=typed
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    copy = original.get_parent().get_children().get(title="À Genève, l'œuvre")
    assert copy.slug == "a-geneve-loeuvre"


def test_a_copy_may_not_take_a_sisters_slug_once_transliterated(client, copyable, editor):
    article = copyable["article"]
    make_article(article.get_parent(), "À Genève, l’œuvre")
    client.force_login(editor)
    response = copy_through_the_admin(
        client, article, new_title="À Genève, l'œuvre", new_slug="À Genève, l'œuvre"
    )
    assert response.status_code == 200
    assert "new_slug" in response.context["form"].errors
