"""Kept fragments of pages (gazette/core/fragments.py): a render from them is the same bytes as
a render from the database, costs a few queries, and every change an editor makes shows on the
next render, with the page cache out of the way (Django's test client calls Django itself)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from gazette.core import page_store
from gazette.core.models import PagePurge, SiteSettings
from gazette.core.tests.queries import without_purge_sync
from gazette.news.models import Author, HomePage

from .factories import make_article, make_author, make_home, make_image, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    home = make_home()
    monde = make_section(home, "Monde")
    sport = make_section(home, "Sport")
    author = make_author("Claire Vasseur")
    article = make_article(
        monde,
        "Sommet à Bruxelles",
        authors=[author],
        tags=["europe"],
        lead_image=make_image("Le sommet", description="Les délégations réunies"),
        body=[("paragraph", "<p>Les discussions reprennent ce matin.</p>")],
    )
    return {"home": home, "monde": monde, "sport": sport, "author": author, "article": article}


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", ["/", "/monde/", "/monde/sommet-a-bruxelles/"])
def test_a_render_from_fragments_is_the_same_bytes_as_a_cold_one(client, site, settings, url):
    settings.GAZETTE_FRAGMENT_CACHE = False
    cold = html(client, url)
    settings.GAZETTE_FRAGMENT_CACHE = True
    html(client, url)  # fills them
    assert html(client, url) == cold


def test_an_article_from_fragments_costs_no_query(client, site):
    """Its route, its row, the site, the settings, the view restrictions, its comments and
    every other part kept; only the purge log is read, once a second (embedded shape)."""
    url = site["article"].url
    html(client, url), html(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert "Les discussions reprennent" in html(client, url)
    assert without_purge_sync(queries) == []


def test_a_new_revision_shows_at_once(client, site):
    article = site["article"]
    assert "Les discussions reprennent" in html(client, article.url)
    article.body = [("paragraph", "<p>Un accord est trouvé dans la nuit.</p>")]
    article.title = "Accord à Bruxelles"
    article.save_revision().publish()
    page = html(client, article.url)
    assert "Un accord est trouvé" in page and "Les discussions reprennent" not in page
    assert "Accord à Bruxelles" in page.split("</head>")[0]  # the metadata too


def test_a_moved_article_shows_its_new_section(client, site):
    article = site["article"]
    html(client, article.url)
    article.move(site["sport"], pos="last-child")
    article.refresh_from_db()
    old = client.get("/monde/sommet-a-bruxelles/")  # Wagtail's automatic redirect, not the page
    assert old.status_code == 301 and old["Location"] == "/sport/sommet-a-bruxelles/"
    page = html(client, article.url)
    assert 'class="kicker-section" href="/sport/">Sport</a>' in page
    assert "/sport/sommet-a-bruxelles/" in page.split("</head>")[0]  # canonical address


def test_a_renamed_author_shows_in_the_byline(client, site):
    html(client, site["article"].url)
    author = site["author"]
    author.name = "Claire Vasseur-Martin"
    author.save()
    assert "Claire Vasseur-Martin" in html(client, site["article"].url)


def test_a_renamed_section_shows_in_the_menu_and_the_kicker(client, site):
    html(client, site["article"].url)
    monde = site["monde"]
    monde.title = "International"
    monde.save_revision().publish()
    page = html(client, site["article"].url)
    assert page.count(">International</a>") == 2  # the menu and the kicker
    assert ">Monde<" not in page


def test_the_kept_menu_sections_follow_a_section_published_hidden_or_made_private(
    client, site, settings
):
    """The sections of the menu are kept between requests (`menu_sections`), fragments or not:
    every change to what the menu names shows on the next render."""
    settings.GAZETTE_FRAGMENT_CACHE = False
    url = site["article"].url
    assert ">Sport</a>" in html(client, url)
    culture = make_section(site["home"], "Culture")
    assert ">Culture</a>" in html(client, url)
    sport = site["sport"]
    sport.show_in_menus = False
    sport.save_revision().publish()
    assert ">Sport</a>" not in html(client, url)
    PageViewRestriction.objects.create(page=culture, restriction_type=PageViewRestriction.LOGIN)
    assert ">Culture</a>" not in html(client, url)


def test_a_renamed_topic_and_a_corrected_image_show(client, site):
    html(client, site["article"].url)
    tag = site["article"].tags.get()
    tag.name = "Union européenne"
    tag.save()
    image = site["article"].lead_image
    image.description = "Les ministres en séance"
    image.save()
    page = html(client, site["article"].url)
    assert ">Union européenne</a>" in page
    assert 'alt="Les ministres en séance"' in page


def test_saved_settings_show_on_every_part_at_once(client, site):
    html(client, site["article"].url)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Le Courrier du Soir"
    settings.tagline = "Chaque soir, l'essentiel"
    settings.save()
    page = html(client, site["article"].url)
    head, body = page.split("</head>")
    assert "– Le Courrier du Soir</title>" in head
    assert 'content="Le Courrier du Soir"' in head  # og:site_name, in the article's metadata
    assert "Chaque soir" in body  # the masthead


def test_a_new_article_can_be_previewed(site):
    draft = make_article(site["monde"], "Pas encore publié", live=False)
    assert "Pas encore publié" in draft.make_preview_request().content.decode()


def test_a_preview_neither_reads_nor_keeps_fragments(client, site):
    article = site["article"]
    html(client, article.url)
    article.refresh_from_db()  # as the editor's form has it
    article.body = [("paragraph", "<p>Brouillon jamais publié.</p>")]
    preview = article.make_preview_request().content.decode()
    assert "Brouillon jamais publié" in preview
    assert "Brouillon jamais publié" not in html(client, article.url)


def test_a_page_made_private_is_private_at_once(client, site):
    article = site["article"]
    assert "Les discussions reprennent" in html(client, article.url)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(article.url)
    assert "Les discussions reprennent" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_a_new_site_for_a_host_answers_at_once(client, site, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "sport.test"]
    before = client.get("/", HTTP_HOST="sport.test")  # the default site answers, and is kept
    assert before.context["page"].pk == site["home"].pk
    edition = HomePage(title="Édition sport", slug="edition-sport")
    Page.get_first_root_node().add_child(instance=edition)
    edition.save_revision().publish()
    Site.objects.create(hostname="sport.test", port=80, root_page=edition)
    response = client.get("/", HTTP_HOST="sport.test")
    assert response.status_code == 200
    assert response.context["page"].pk == edition.pk  # the other édition's une


def test_another_process_purge_reaches_this_one_within_the_sync(client, site):
    """The embedded shape: each process keeps its fragments in its own memory, and applies the
    keys another process purged from the purge log."""
    if not page_store.is_local():
        pytest.skip("one shared cache: nothing to carry between processes")
    article = site["article"]
    html(client, article.url)  # keeps the parts; also notes where the purge log stands
    Author.objects.filter(pk=site["author"].pk).update(name="Claire Vasseur-Martin")
    page_store._last_seen["checked"] = 0.0
    assert "Claire Vasseur-Martin" not in html(client, article.url)  # kept, no purge heard
    PagePurge.objects.record(f"author:{site['author'].pk}")  # what the other process writes
    page_store._last_seen["checked"] = 0.0  # a second later
    assert "Claire Vasseur-Martin" in html(client, article.url)


def test_a_counter_the_cache_dropped_never_makes_an_old_part_look_fresh(client, site):
    """The in-process cache culls what was least recently used when it is full, and the purge
    counter is read only when a part is made, not when kept parts are served: it can go while
    the parts stay. Restarted from 1, the next purge gave the article's key a version below
    the counter kept with its parts, which then passed for fresh."""
    if not page_store.is_local():
        pytest.skip("Redis: one counter for every process, without expiry, never culled")
    from django.core.cache import cache

    from gazette.core import invalidation

    article = site["article"]
    for _ in range(3):
        invalidation.bump(["something-else"])  # the counter well past 1
    html(client, article.url), html(client, article.url)  # its parts and its row kept
    cache.delete(invalidation.SEQUENCE)  # culled
    article.title = "Accord à Bruxelles"
    article.save_revision().publish()
    assert "Accord à Bruxelles" in html(client, article.url)
