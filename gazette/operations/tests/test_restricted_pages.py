"""A restricted article is seen by its readers only: not on la une, in a section, an author's or
a topic's page, the archives, a feed (full text on), a sitemap, search, « Les + Lus », an
« À lire aussi » block, the metadata of a page, nor through the comment endpoints.

The proof crawls the site as an anonymous reader: every link from la une, robots.txt and the
archives, then searches, then checks that the crawl reached every public route and page type
(a listing added later is crawled, or this test says it was not). The restriction is added
after the site was read once, as an editor would add it to a popular article: what was kept
then (fragments, « Les + Lus ») must not show the article either.
"""

import html
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.urls import get_resolver, reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from conftest import IMMEDIATE_TASKS
from gazette.audience.models import HourlyCount
from gazette.comments.models import Comment
from gazette.comments.tests.factories import READER, make_comment
from gazette.comments.tokens import issue_token
from gazette.findability.models import FeedSettings
from gazette.findability.sitemaps import sitemaps_for
from gazette.findability.tests.crawler import crawl, route_kinds
from gazette.news.models import HomeFeatured
from gazette.news.tests.factories import (
    ensure_initial_data,
    fr,
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

ROOT = "http://localhost"
TITLE = "Le coffre oublié de la préfecture"
STANDFIRST = "Ce que la préfecture ne voulait pas voir publié"
PHRASE = "Les clés du coffre dorment chez Gribouillard depuis janvier"  # no « ' » to escape
SLUG = "dossier-k7"
IMAGE = "photo-secrete-k7"
COMMENT = "Commentaire posé sous le dossier K7"
TOPIC = "Filière K7"
SMALL = (160, 90)  # images: the many renditions of teasers, share cards and feeds cost little
SEARCHES = ["Gribouillard", "coffre préfecture", "dorment janvier"]
NOT_FOUND = fr(
    "No article matches this search. Check the spelling, try other words, or remove a filter."
)


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, in a transaction rolled back at its end; each test runs in
    a savepoint inside it, as any `db` test does, so what a test adds goes with it."""
    media = tmp_path_factory.getbasetemp() / "media"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, TASKS=IMMEDIATE_TASKS),
        transaction.atomic(),
    ):
        ensure_initial_data()  # a transactional test may have flushed the tables
        yield _build()
        transaction.set_rollback(True)


def _build() -> dict:
    now = timezone.now()
    home = make_home()
    monde, dossiers = make_section(home, "Monde"), make_section(home, "Dossiers")
    claire = make_author("Claire Vasseur")
    secret = make_article(
        dossiers,
        TITLE,
        slug=SLUG,
        standfirst=STANDFIRST,
        authors=(claire,),
        tags=("Enquêtes", TOPIC),
        lead_image=make_image(IMAGE, size=SMALL),
        body=[("paragraph", f"<p>{PHRASE}.</p>")],
        first_published_at=now,
    )
    visible = [
        make_article(
            section,
            f"Article visible {n}",
            authors=(claire,),
            tags=("Enquêtes",),
            lead_image=make_image(f"photo-visible-{n}", size=SMALL) if n == 0 else None,
            body=[
                ("paragraph", f"<p>Un paragraphe public numéro {n}.</p>"),
                ("related", {"page": secret}),
            ],
            first_published_at=now - timezone.timedelta(hours=n + 1),
        )
        for n, section in enumerate([monde, monde, monde, dossiers, dossiers])
    ]
    HomeFeatured.objects.create(home=home, article=secret, sort_order=0)
    home.save_revision().publish()
    make_comment(secret, COMMENT)
    make_comment(visible[0], "Un commentaire public.")
    hour = now.replace(minute=0, second=0, microsecond=0)
    HourlyCount.objects.create(article=secret, hour=hour, views=900)
    HourlyCount.objects.create(article=visible[0], hour=hour, views=10)
    site = Site.objects.get(is_default_site=True)
    FeedSettings.objects.update_or_create(site=site, defaults={"full_content": True})
    return {"site": site, "secret": secret, "dossiers": dossiers}


KINDS = ["password", "login", "groups", "parent section"]


def restrict(newsroom, kind: str) -> None:
    """The article restricted by `kind`, or its section for readers who log in."""
    page = newsroom["secret"]
    if kind == "parent section":
        page, kind = newsroom["dossiers"], PageViewRestriction.LOGIN
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="k7" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Abonnés K7")])


def public_routes() -> set[str]:
    """Every named GET route of the apps that serve readers, each sitemap, each page type,
    and the further pages of each paginated listing."""
    resolver = get_resolver()
    names = {
        f"{namespace}:{name}"
        for namespace in ("news", "findability", "comments")
        for name in resolver.namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str) and name != "sitemap"
    }
    return {
        *names,
        *(f"sitemap:{section}" for section in sitemaps_for(Site.objects.get(is_default_site=True))),
        "page:homepage",
        "page:sectionpage",
        "page:articlepage",
        *(f"{kind}?page=" for kind in ("page:sectionpage", "news:author", "news:tag")),
        "findability:archive_month?page=",
    }


def leaks(body: str, *, own_address: bool = False) -> list[str]:
    secrets = [TITLE, STANDFIRST, PHRASE, COMMENT, IMAGE, TOPIC]
    if not own_address:  # its own answer may name its address (a login form's « next »)
        secrets.append(SLUG)
    return [secret for secret in secrets if secret in body]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_restricted_article_shows_nowhere(
    client, newsroom, settings, django_capture_on_commit_callbacks, kind
):
    settings.GAZETTE_PAGE_SIZE = 2
    secret = newsroom["secret"]
    for url in ["/", secret.url]:  # read while public: fragments and « Les + Lus » kept
        assert TITLE in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        restrict(newsroom, kind)

    seeds = ["/", "/robots.txt", reverse("findability:archives")]
    searches = [f"{reverse('findability:search')}?{urlencode({'q': q})}" for q in SEARCHES]
    seeds += searches
    visits = crawl(client, seeds, root=ROOT)
    found = {url: leaks(visit.body) for url, visit in visits.items() if leaks(visit.body)}
    assert found == {}
    assert public_routes() - route_kinds(visits, newsroom["site"]) == set()
    for search in searches:
        assert NOT_FOUND in html.unescape(visits[search].body), search

    own = client.get(secret.url)
    assert own.status_code in (200, 302)  # Wagtail's password form, or the way to log in
    assert leaks(own.content.decode(), own_address=True) == []


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_comment_endpoints_refuse_a_restricted_article(client, newsroom, kind):
    secret = newsroom["secret"]
    restrict(newsroom, kind)
    comments = Comment.objects.count()

    answers = [
        client.get(reverse("comments:token", args=[secret.pk])),
        client.get(reverse("comments:submit", args=[secret.pk])),
        client.post(
            reverse("comments:submit", args=[secret.pk]),
            {**READER, "token": issue_token(secret.pk)},
            REMOTE_ADDR="203.0.113.7",
        ),
    ]

    assert [answer.status_code for answer in answers] == [404, 404, 404]
    assert [leaks(answer.content.decode()) for answer in answers] == [[], [], []]
    assert Comment.objects.count() == comments
