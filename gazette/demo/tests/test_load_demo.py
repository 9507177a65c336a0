"""`load_demo` runs twice for the whole module (drawing the pictures is the slow part), in a
transaction rolled back at the end, so that the other modules still start from an empty site."""

import re
import stat
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from taggit.models import Tag
from wagtail.models import Page, Revision, Site
from wagtail.signals import page_published

from gazette.comments.models import Comment
from gazette.core.models import CreditedImage, SiteSettings
from gazette.demo import pictures, texts
from gazette.demo.texts.schema import Embed, Illustration, Quote, Related
from gazette.findability.tests.heads import assert_news_article, graph, head
from gazette.letters.models import (
    ConsentRecord,
    Delivery,
    Edition,
    Letter,
    Subscriber,
    Subscription,
)
from gazette.live.models import LiveEntry, LivePage
from gazette.news.corrections import ArticleNote
from gazette.news.models import (
    ArticlePage,
    Author,
    HomeFeatured,
    HomePage,
    SectionPage,
    SimplePage,
)
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER
from gazette.news.tests.factories import ensure_initial_data

# Typed as people type: a plain space inside « » and before ; : ! ?, never a non-breaking one.
TYPED_BY_HAND = re.compile(r"«(?! )|(?<! )»|\S[;:!?](?=\s|$)|[\u00a0\u202f]")
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SIX_SECTIONS = ["Monde", "France", "Économie", "Culture", "Sport", "Sciences"]
COUNTED = [
    Letter,
    Subscriber,
    Subscription,
    ConsentRecord,
    Edition,
    Delivery,
    LiveEntry,
    LivePage,
    Comment,
    ArticleNote,
    ArticlePage,
    SectionPage,
    SimplePage,
    HomePage,
    HomeFeatured,
    Author,
    CreditedImage,
    Revision,
    Tag,
    get_user_model(),
]


@dataclass
class Runs:
    first: str
    second: str
    counts_after_first: dict
    counts_after_second: dict
    published: list
    var_dir: Path
    after_commit: list  # what the first run left for the commit, which the test never makes


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


def load_demo(**options) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def runs(django_db_setup, django_db_blocker, tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    published = []

    def record(sender, instance, **kwargs):
        published.append(instance.specific)

    page_published.connect(record, dispatch_uid="demo-test")
    # Tasks inline, as in every test: the search index is filled as the demo publishes.
    settings = override_settings(
        VAR_DIR=var_dir,
        MEDIA_ROOT=var_dir / "media",
        PASSWORD_HASHERS=FAST_HASHER,
        TASKS=IMMEDIATE_TASKS,
    )
    with settings, django_db_blocker.unblock(), transaction.atomic():
        ensure_initial_data()  # a transactional test may have flushed the tables
        with TestCase.captureOnCommitCallbacks() as after_commit:
            first = load_demo()
        after_first = counts()
        page_published.disconnect(dispatch_uid="demo-test")
        second = load_demo()
        yield Runs(first, second, after_first, counts(), published, var_dir, after_commit)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_image_is_made_at_every_size_once_the_demo_is_committed(runs):
    """Not inside the transaction: an interrupted drawing must leave a whole demo behind. The
    command itself is tested in gazette/operations/tests/test_make_renditions.py."""
    commands = [
        callback.args
        for callback in runs.after_commit
        if getattr(callback, "func", None) is call_command
    ]
    assert commands == [("make_renditions",)]


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = FAST_HASHER


def live_articles():
    return ArticlePage.objects.live()


@pytest.mark.django_db
def test_at_least_forty_live_articles_in_six_sections_of_six_or_more(runs):
    assert live_articles().count() >= 40
    for title in SIX_SECTIONS:
        section = SectionPage.objects.get(title=title, depth=3)
        assert ArticlePage.objects.live().descendant_of(section).count() >= 6, title
    europe = SectionPage.objects.get(title="Europe")
    assert europe.get_parent().title == "Monde"
    assert ArticlePage.objects.child_of(europe).live().count() >= 2


@pytest.mark.django_db
def test_every_page_went_live_through_a_published_revision(runs):
    published_articles = {page.pk for page in runs.published if isinstance(page, ArticlePage)}
    assert published_articles == set(live_articles().values_list("pk", flat=True))
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.live and page.live_revision_id and not page.has_unpublished_changes, page


@pytest.mark.django_db
def test_the_lead_story_is_a_monde_article_with_guillemets_and_six_paragraphs(runs):
    home = HomePage.objects.get()
    lead = home.lead_story
    assert lead.section.title == "Monde"
    assert lead.label == ArticlePage.Label.ARTICLE
    assert "«" in lead.title and "»" in lead.title
    assert lead.standfirst
    assert [block.block_type for block in lead.body] == ["paragraph"] * 6
    assert home.featured_items.count() == 4


@pytest.mark.django_db
def test_home_replaces_wagtails_welcome_page_for_127_0_0_1(runs):
    assert list(Page.objects.filter(depth=2).specific()) == [HomePage.objects.get()]
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8000")
    site = Site.find_for_request(request)
    assert site.is_default_site and site.root_page.specific == HomePage.objects.get()
    assert site.root_page.title == "La une"


@pytest.mark.django_db
def test_every_article_has_a_described_and_credited_image_authors_and_tags(runs):
    for article in live_articles().select_related("lead_image"):
        image = article.lead_image
        assert image.description.startswith("Illustration abstraite"), article
        assert image.credit == "Illustration Gazette"
        assert (image.width, image.height) == (1600, 900)
        assert 1 <= article.bylines.count() <= 2, article
        assert 2 <= article.tags.count() <= 4, article
        assert 4 <= sum(block.block_type == "paragraph" for block in article.body) <= 8
    assert list(CreditedImage.objects.incomplete()) == []  # portraits too: none hidden


@pytest.mark.django_db
def test_an_article_shows_a_surtitre_and_another_a_signature_line(runs):
    assert live_articles().get(kicker="Sommet du climat")
    assert live_articles().get(signature_line="Par notre correspondante à Bruxelles")


@pytest.mark.django_db
def test_authors_have_a_role_a_bio_and_a_square_portrait(runs):
    assert 6 <= Author.objects.count() <= 8
    for author in Author.objects.select_related("photo"):
        assert author.role and author.bio
        assert (author.photo.width, author.photo.height) == (600, 600)
        assert author.photo.description.startswith(f"Portrait stylisé de {author.name}")


@pytest.mark.django_db
def test_content_is_varied(runs):
    articles = list(live_articles())
    assert {a.label for a in articles} == set(ArticlePage.Label)
    assert 15 <= Tag.objects.filter(news_articletag_items__isnull=False).distinct().count() <= 25
    blocks = {block.block_type for a in articles for block in a.body}
    assert {"intertitle", "quote", "image", "embed", "related"} <= blocks
    assert any(not a.comments_open for a in articles)


@pytest.mark.django_db
def test_publication_dates_spread_over_the_last_month(runs):
    now = timezone.now()
    articles = list(live_articles())
    local = [timezone.localtime(a.first_published_at) for a in articles]
    assert all(now - timedelta(days=32) < a.first_published_at <= now for a in articles)
    assert sum(moment.date() == timezone.localdate(now) for moment in local) >= 3
    assert any(moment.day == 1 and 6 <= moment.hour < 12 for moment in local)
    updated = [a for a in articles if a.was_updated]
    assert len(updated) >= 3
    assert all(a.updated_at == a.public_notes[-1].first_published_at for a in updated)
    assert len({moment.date() for moment in local}) >= 20


@pytest.mark.django_db
def test_some_articles_carry_corrections_and_updates_once(runs):
    notes = list(ArticleNote.objects.public().select_related("article"))
    corrected = {n.article for n in notes if n.kind == ArticleNote.Kind.CORRECTION}
    updated = {n.article for n in notes if n.kind == ArticleNote.Kind.UPDATE}
    assert len(corrected) >= 2 and len(updated) >= 1
    assert all(n.article.first_published_at < n.first_published_at for n in notes)
    assert all(n.last_published_at == n.first_published_at for n in notes)  # backdated
    assert ArticleNote.objects.count() == sum(len(spec.notes) for spec in texts.ARTICLES)


@pytest.mark.django_db
def test_simple_pages_and_site_settings(runs):
    about, legal, privacy, accessibility = (
        SimplePage.objects.get(title=t)
        for t in ("À propos", "Mentions légales", "Données personnelles", "Accessibilité")
    )
    assert "démonstration" in str(legal.body) and "fictive" in str(legal.body)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.site_name, settings.tagline) == ("Gazette", "Le quotidien de démonstration")
    networks = [network.key for network, _ in settings.follow_links()]
    assert {"facebook", "x", "instagram", "linkedin", "youtube", "mastodon", "bluesky"} <= set(
        networks
    )
    assert [link.value["page"].specific for link in settings.footer_links] == [
        about,
        legal,
        privacy,
        accessibility,
    ]
    assert "30 jours" in str(privacy.body) and "sans cookie" in str(privacy.body)
    assert "RGAA" in str(accessibility.body) and "Défenseur des droits" in str(accessibility.body)


@pytest.mark.django_db
def test_comments_show_threads_and_fill_the_moderation_queue(runs):
    statuses = {c.status for c in Comment.objects.all()}
    assert {Comment.Status.APPROVED, Comment.Status.PENDING, Comment.Status.SPAM} <= statuses
    assert Comment.objects.filter(parent__parent__isnull=False, status="approved").exists()
    assert Comment.objects.filter(is_newsroom=True).exists()


@pytest.mark.django_db
def test_one_live_page_runs_and_another_has_ended(runs, client, settings):
    settings.MEDIA_ROOT = runs.var_dir / "media"  # where the demo drew its pictures
    running, finished = (LivePage.objects.get(slug=live.page.slug) for live in texts.LIVES)
    assert running.is_running and not finished.is_running
    now = timezone.now()
    times = list(running.entries.values_list("published_at", flat=True))
    assert len(times) >= 6 and max(times) <= now and min(times) >= now - timedelta(hours=5)
    entries = running.entries.all()
    assert entries.filter(important=True).count() == 1
    assert entries.filter(pinned=True).count() == 1
    assert entries.exclude(quote="").exclude(quote_source="").exists()
    [photo] = entries.exclude(image=None)
    assert photo.image.alt and photo.image.credit and photo.image_caption
    assert entries.exclude(title="").exists() and entries.filter(title="").exists()
    assert all(entry.signature for entry in entries)
    assert finished.entries.count() >= 4
    assert all(e.published_at <= finished.ended_at for e in finished.entries.all())

    html = client.get(running.url).content.decode()
    assert running.summary and html.count('class="live-entry') >= 6
    assert "EN DIRECT" in client.get("/").content.decode()
    assert "Ce direct est terminé" in client.get(finished.url).content.decode()


@pytest.mark.django_db
def test_two_letters_with_confirmed_readers_and_a_past_edition_each(runs, client, settings):
    settings.MEDIA_ROOT = runs.var_dir / "media"
    matinale = Letter.objects.get(slug="la-matinale")
    hebdo = Letter.objects.get(slug="hebdo-sciences")
    assert (matinale.title, matinale.frequency) == ("La matinale", "daily")
    assert (hebdo.title, hebdo.frequency) == ("L'hebdo Sciences", "weekly")
    assert [s.title for s in hebdo.sections.all()] == ["Sciences"]
    readers = Subscriber.objects.all()
    assert len(readers) >= 4 and all(r.email.endswith("@exemple.org") for r in readers)
    for letter in (matinale, hebdo):
        assert Subscription.objects.confirmed().filter(letter=letter).count() >= 3
    for reader in readers:
        actions = list(reader.consents.values_list("action", flat=True))
        assert actions == ["requested", "confirmed"]
        assert reader.consents.first().consent_text.startswith("Nous vous envoyons un e-mail")
    for letter in (matinale, hebdo):
        [edition] = letter.editions.all()
        assert edition.status == Edition.Status.SENT and edition.chosen_articles.exists()
        deliveries = edition.deliveries.all()
        assert deliveries.count() == edition.sent_count >= 3
        assert {d.status for d in deliveries} == {Delivery.Status.SENT}
        archive = client.get(letter.get_absolute_url()).content.decode()
        assert reverse("letters:edition", args=[letter.slug, edition.pk]) in archive
    [hebdo_edition] = hebdo.editions.all()
    sciences = {c.article.section.title for c in hebdo_edition.chosen_articles.all()}
    assert sciences == {"Sciences"}
    assert "lettre d'information" not in runs.second


@pytest.mark.django_db
def test_every_demo_article_has_complete_json_ld(runs, settings):
    settings.MEDIA_ROOT = runs.var_dir / "media"
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    template = Template("{% load findability %}{% article_metadata page %}")
    articles = list(live_articles().specific())
    assert len(articles) >= 40
    for article in articles:
        parsed = head(template.render(Context({"request": request, "page": article})))
        nodes = graph(parsed)
        assert_news_article(nodes["NewsArticle"], article.full_url)
        assert len(nodes["BreadcrumbList"]["itemListElement"]) >= 3, article.title


@pytest.mark.django_db
def test_every_demo_article_is_found_by_search_feeds_and_sitemaps(runs, client, settings):
    settings.MEDIA_ROOT = runs.var_dir / "media"
    sitemap = client.get("/sitemap-articles.xml").content.decode()
    feeds = {}
    for article in live_articles().specific():
        assert f"<loc>{article.full_url}</loc>" in sitemap, article.title
        path = article.section.url.strip("/")
        if path not in feeds:
            feeds[path] = client.get(f"/flux/rubriques/{path}/rss/").content.decode()
        assert f"urn:uuid:{article.translation_key}" in feeds[path], article.title
        found = client.get("/recherche/", {"q": article.title}).content.decode()
        assert f'href="{article.url}"' in found, article.title


@pytest.mark.django_db  # with the module's other tests that read the demo: `runs` is made once
def test_second_run_creates_nothing(runs):
    assert runs.first.startswith("43 articles, 7 rubriques, 5 pages, 8 auteurs")
    assert runs.second.startswith("Contenu de démonstration déjà présent : rien à créer.")
    assert runs.counts_after_second == runs.counts_after_first


@pytest.mark.django_db
def test_accounts_are_printed_saved_and_in_their_groups(runs):
    passwords = dict(re.findall(r"utilisateur (\w+), mot de passe (\S+)", runs.first))
    assert set(passwords) == {"admin", "redacteur", "editeur", "moderateur"}
    assert "Administration : http://127.0.0.1:8000/admin/ — utilisateur admin" in runs.first
    assert dict(re.findall(r"utilisateur (\w+), mot de passe (\S+)", runs.second)) == passwords
    credentials = runs.var_dir / "demo-credentials.txt"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert all(
        f"{user}\t{password}" in credentials.read_text() for user, password in passwords.items()
    )
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, group in [("redacteur", WRITER), ("editeur", EDITOR), ("moderateur", MODERATOR)]:
        user = users.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password(passwords[username])


@pytest.mark.django_db
def test_lost_credentials_file_gives_new_passwords(runs, fast_hasher, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # no file there
    output = load_demo()
    passwords = dict(re.findall(r"utilisateur (\w+), mot de passe (\S+)", output))
    assert "(nouveau : il manquait au fichier d'identifiants)" in output
    assert get_user_model().objects.get(username="editeur").check_password(passwords["editeur"])
    assert f"editeur\t{passwords['editeur']}" in (tmp_path / "demo-credentials.txt").read_text()


@pytest.mark.django_db
def test_a_password_changed_since_is_kept_and_not_shown(runs, fast_hasher, settings):
    settings.VAR_DIR = runs.var_dir
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("choisi-par-son-titulaire")
    admin.save()
    output = load_demo()
    assert "utilisateur admin, mot de passe changé depuis, non affiché" in output
    admin.refresh_from_db()
    assert admin.check_password("choisi-par-son-titulaire")


@pytest.mark.django_db
def test_verbosity_zero_prints_nothing(runs, fast_hasher, settings):
    settings.VAR_DIR = runs.var_dir
    assert load_demo(verbosity=0) == ""


@pytest.mark.parametrize("spec", texts.ARTICLES, ids=lambda spec: spec.slug)
def test_article_text_is_well_formed(spec):
    """Our texts are typed as people type them: spaces inside « » and before ; : ! ?, which the
    site's typography turns into the right non-breaking spaces at render time."""
    assert spec.section in texts.SECTION_BY_SLUG
    assert 4 <= len(spec.paragraphs) <= 8
    assert set(spec.authors) <= {author.slug for author in texts.AUTHORS}
    assert len(set(spec.tags)) == len(spec.tags)
    for block in spec.body:
        if isinstance(block, Illustration):
            assert block.motif in pictures.MOTIFS
        if isinstance(block, Related):
            assert block.slug in {other.slug for other in texts.ARTICLES} - {spec.slug}
        if isinstance(block, Embed):
            assert block.url.startswith("https://www.youtube.com/watch?v=")
    strings = [spec.title, spec.standfirst, spec.caption, *spec.paragraphs]
    strings += [block.text for block in spec.body if isinstance(block, Quote)]
    for text in strings:
        assert not TYPED_BY_HAND.search(text), text


@pytest.mark.parametrize("live", texts.LIVES, ids=lambda live: live.page.slug)
def test_live_text_is_well_formed(live):
    """As the articles' (spaces typed as people type them), and every entry within the
    coverage: none after the end, none before the start."""
    assert live.page.section in texts.SECTION_BY_SLUG
    assert 4 <= len(live.page.paragraphs) <= 8
    authors = {author.slug for author in texts.AUTHORS}
    assert set(live.page.authors) <= authors
    strings = [live.page.title, live.page.standfirst, live.page.caption, *live.page.paragraphs]
    strings += live.summary
    for entry in live.entries:
        assert entry.author in authors
        assert timedelta(0) < entry.after <= (live.ends_after or timedelta(hours=4))
        assert not entry.photo or entry.motif in pictures.MOTIFS
        strings += [entry.title, entry.text, entry.quote, entry.photo]
    for text in strings:
        assert not TYPED_BY_HAND.search(text), text


def test_slugs_and_front_page_choices_exist():
    slugs = [spec.slug for spec in texts.ARTICLES]
    assert len(slugs) == len(set(slugs))
    assert {texts.LEAD_STORY, *texts.FEATURED} <= set(slugs)


def test_pictures_are_deterministic_and_described():
    palette = pictures.PALETTES["sciences"]
    draw = pictures.draw_illustration
    first = draw(key="essai", palette=palette, motif="orbites", theme="la recherche", initial="S")
    again = draw(key="essai", palette=palette, motif="orbites", theme="la recherche", initial="S")
    other = draw(key="autre", palette=palette, motif="orbites", theme="la recherche", initial="S")
    assert first == again and first.data != other.data
    assert Image.open(BytesIO(first.data)).size == (1600, 900)
    assert first.description == (
        "Illustration abstraite aux tons violet profond et cyan : des orbites elliptiques "
        "parcourues de petites sphères sur un fond dégradé, avec un grand « S » en filigrane, "
        "évoquant la recherche."
    )
