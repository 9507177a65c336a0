"""Never a stale page: for each kind of change an editor, a moderator or the ranking makes,
every public address of a small site is warmed in the page cache (and its kept fragments),
the change is made through the code the admin runs (a revision published by an éditeur, a
moderator's decision, a snippet saved), and every cached answer must then be the same bytes as
a render made from scratch: no page cache, no kept fragment.

The proof lists no page as "showing" anything: it crawls them all, so a page that shows an
article without recording its key fails here (gazette/core/invalidation.py). It also checks
the other way: a change leaves most of the site cached (no « purge everything » in disguise)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from gazette.audience.models import HourlyCount
from gazette.audience.services import refresh_most_read
from gazette.comments import services as comment_services
from gazette.comments.tests.factories import make_comment
from gazette.core.models import SiteSettings
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.live import services as live_services
from gazette.live.tests.factories import make_live_page, post_entry
from gazette.news.models import ArticlePage
from gazette.news.newsroom import EDITOR
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)
from gazette.news.tests.test_page_cache import application as cached_application

pytestmark = pytest.mark.django_db
django_application = get_wsgi_application()
RETITLED = "Sommet de Bruxelles : un accord au petit matin"


@pytest.fixture
def newsroom(django_user_model, django_capture_on_commit_callbacks):
    home = make_home()
    monde = make_section(home, "Monde")
    sport = make_section(home, "Sport")
    claire = make_author("Claire Vasseur")
    paul = make_author("Paul Morel")
    photo = make_image("Le sommet", description="Les délégations réunies")
    articles = [
        make_article(
            monde,
            "Sommet à Bruxelles",
            authors=[claire],
            tags=["europe"],
            lead_image=photo,
            body=[("paragraph", "<p>Les discussions reprennent ce matin.</p>")],
        ),
        make_article(monde, "Élections au Portugal", authors=[paul], tags=["europe"]),
        make_article(sport, "Finale à Lyon", authors=[paul], tags=["football"]),
        make_article(sport, "Le Tour passe par Nantes", authors=[claire]),
    ]
    now = timezone.now()
    # « Les + Lus », on every page, lists the first and the last: a change to the other two
    # must leave the pages that do not show them cached.
    for views, article in zip((50, 10), articles[::3], strict=True):
        HourlyCount.objects.create(article=article, hour=now - timedelta(hours=1), views=views)
    refresh_most_read(now=now)
    make_comment(articles[2], "Un très beau match.")
    live = make_live_page(monde, "Tempête sur l'Atlantique, en direct", authors=[paul])
    entry = post_entry(live, "Les rafales faiblissent.", title="Accalmie")
    editor = django_user_model.objects.create_user("edith", password="mot-de-passe-long-42")
    editor.groups.add(Group.objects.get(name=EDITOR))
    return {
        "home": home,
        "monde": monde,
        "sport": sport,
        "claire": claire,
        "photo": photo,
        "articles": articles,
        "editor": editor,
        "live": live,
        "entry": entry,
    }


def public_addresses(newsroom) -> list[tuple[str, str]]:
    """Every kind of public page of the site, with its query string."""
    year, month = timezone.localdate().year, timezone.localdate().month
    addresses = [
        "/",
        "/monde/",
        "/sport/",
        *(article.url for article in ArticlePage.objects.live()),
        reverse("news:author", args=["claire-vasseur"]),
        reverse("news:author", args=["paul-morel"]),
        reverse("news:tag", args=["europe"]),
        reverse("news:tag", args=["football"]),
        reverse("findability:archives"),
        reverse("findability:archive_year", args=[year]),
        reverse("findability:archive_month", args=[year, month]),
        reverse("findability:corrections"),
        reverse("findability:sitemap_index"),
        reverse("findability:sitemap", args=["articles"]),
        reverse("findability:sitemap", args=["pages"]),
        reverse("findability:news_sitemap"),
        reverse("findability:site_rss"),
        reverse("findability:site_atom"),
        reverse("findability:section_rss", args=["monde"]),
        reverse("findability:author_atom", args=["claire-vasseur"]),
        reverse("findability:tag_rss", args=["europe"]),
    ]
    live = newsroom["live"]
    polls = [
        (reverse("live:new_entries", args=[live.pk]), f"depuis={newsroom['entry'].pk}"),
        (reverse("live:new_entries", args=[live.pk]), "depuis=0"),
    ]
    searches = [
        (reverse("findability:search"), "q=sommet"),
        (reverse("findability:search"), "q=accord"),  # the words of the new title
        (reverse("findability:search"), "q=nantes"),
    ]
    return [(path, "") for path in addresses] + polls + searches


def cached(path: str, query: str = "") -> dict:
    return wsgi_request(cached_application, path, query=query)


def fresh(path: str, query: str = "") -> bytes:
    with override_settings(GAZETTE_FRAGMENT_CACHE=False):
        return wsgi_request(django_application, path, query=query)["body"]


def warm(addresses) -> None:
    for path, query in addresses:
        cached(path, query)
        assert cached(path, query)["cache"] == "hit", (path, query)


def stale_and_kept(addresses) -> tuple[list, int]:
    """The addresses whose cached answer differs from a fresh render, and how many answers
    were still hits (pages the change did not purge)."""
    stale, hits = [], 0
    for path, query in addresses:
        answer = cached(path, query)
        hits += answer["cache"] == "hit"
        if answer["body"] != fresh(path, query):
            stale.append((path, query, answer["cache"]))
    return stale, hits


def publish(page, editor, **changes):
    """As the admin's « Publier » does: a revision by the éditeur, then its publication."""
    page = page.specific
    page.refresh_from_db()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=editor).publish(user=editor)


def retitle(newsroom):
    publish(newsroom["articles"][0], newsroom["editor"], title=RETITLED)


def new_slug(newsroom):
    publish(newsroom["articles"][1], newsroom["editor"], slug="elections-portugal-2026")


def unpublish(newsroom):
    newsroom["articles"][3].specific.unpublish()


def new_article(newsroom):
    make_article(newsroom["sport"], "Un accord pour le stade", tags=["football"])


def move(newsroom):
    newsroom["articles"][1].specific.move(newsroom["sport"], pos="last-child")


def rename_section(newsroom):
    publish(newsroom["monde"], newsroom["editor"], title="International")


def rename_author(newsroom):
    author = newsroom["claire"]
    author.name = "Claire Vasseur-Martin"
    author.save()


def correct_image(newsroom):
    photo = newsroom["photo"]
    photo.description = "Les ministres en séance plénière"
    photo.save()


def save_settings(newsroom):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Le Courrier du Soir"
    settings.save()


def approve_comment(newsroom):
    comment = make_comment(
        newsroom["articles"][2], "Quel dernier quart d'heure !", status="pending"
    )
    comment_services.approve_comment(comment, moderator=newsroom["editor"])


def new_ranking(newsroom):
    article = newsroom["articles"][3]
    HourlyCount.objects.create(article=article, hour=timezone.now(), views=500)
    refresh_most_read(now=timezone.now())


def restrict(newsroom):
    PageViewRestriction.objects.create(
        page=newsroom["articles"][2], restriction_type=PageViewRestriction.LOGIN
    )


def new_live_entry(newsroom):
    post_entry(newsroom["live"], "Vigilance rouge levée.", user=newsroom["editor"])


def edit_live_entry(newsroom):
    entry = newsroom["entry"]
    entry.body = "<p>Les rafales faiblissent nettement.</p>"
    live_services.edit_entry(entry)


def withdraw_live_entry(newsroom):
    live_services.withdraw_entry(newsroom["entry"])


def end_live(newsroom):
    publish(newsroom["live"], newsroom["editor"], ended_at=timezone.now())


CHANGES = [
    # (change, whether it may purge every page: what every page shows changed)
    (retitle, False),
    (new_slug, False),
    (unpublish, False),
    (new_article, False),
    (move, False),
    (rename_section, True),  # the menu of every page
    (rename_author, False),
    (correct_image, False),
    (save_settings, True),  # the site's name on every page
    (approve_comment, False),
    (new_ranking, False),  # « Les + Lus » is a piece stitched in when pages are served
    (restrict, True),  # a page made private: every list may have shown it
    (new_live_entry, False),
    (edit_live_entry, False),
    (withdraw_live_entry, False),
    (end_live, False),
]


@pytest.mark.parametrize(("change", "everywhere"), CHANGES, ids=[c.__name__ for c, _ in CHANGES])
def test_after_a_change_every_cached_page_is_a_fresh_render(
    newsroom, change, everywhere, django_capture_on_commit_callbacks
):
    addresses = public_addresses(newsroom)
    warm(addresses)
    with django_capture_on_commit_callbacks(execute=True):
        change(newsroom)
    stale, kept = stale_and_kept(addresses)
    assert stale == [], f"{change.__name__}: stale after the change"
    if not everywhere:
        assert kept > 0, f"{change.__name__}: purged every page"


def test_a_corrected_headline_is_gone_everywhere_at_once(
    newsroom, django_capture_on_commit_callbacks
):
    """The scenario of issue 15: re-titled and republished, the old headline stays nowhere,
    « Les + Lus » of every page and the search results included."""
    addresses = public_addresses(newsroom)
    warm(addresses)
    with django_capture_on_commit_callbacks(execute=True):
        retitle(newsroom)
    for path, query in addresses:
        answer = cached(path, query)
        assert "Sommet à Bruxelles" not in answer["body"].decode(), (path, query)
    found = cached(reverse("findability:search"), "q=accord")["body"].decode()
    assert RETITLED.split(" :")[0] in found
