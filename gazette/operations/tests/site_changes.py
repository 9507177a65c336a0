"""The small site of the never-stale proofs, its public addresses, and the changes made to it
as the admin makes them: shared by the in-process proof (test_never_stale.py) and the one with
real servers (test_never_stale_servers.py), where each change runs in another process
(`change_in_this_process`), as an éditeur's would on another app server."""

import base64
import json
import sys
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from gazette.audience.models import HourlyCount
from gazette.audience.services import refresh_most_read
from gazette.comments import services as comment_services
from gazette.comments.tests.factories import make_comment
from gazette.core.models import CreditedImage, SiteSettings
from gazette.live import services as live_services
from gazette.live.models import LiveEntry, LivePage
from gazette.live.tests.factories import make_live_page, post_entry
from gazette.news.models import ArticlePage, Author, HomePage, SectionPage
from gazette.news.newsroom import EDITOR
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

RETITLED = "Sommet de Bruxelles : un accord au petit matin"
EDITOR_NAME = "edith"


def build_newsroom() -> dict:
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
    post_entry(live, "Les rafales faiblissent.", title="Accalmie")
    editor = get_user_model().objects.create_user(EDITOR_NAME, password="mot-de-passe-long-42")
    editor.groups.add(Group.objects.get(name=EDITOR))
    return newsroom_from_database()


def newsroom_from_database() -> dict:
    """The same site found again by its names, in a process that did not build it."""
    return {
        "home": HomePage.objects.get(),
        "monde": SectionPage.objects.get(slug="monde"),
        "sport": SectionPage.objects.get(slug="sport"),
        "claire": Author.objects.get(slug="claire-vasseur"),
        "photo": CreditedImage.objects.get(title="Le sommet"),
        "articles": list(ArticlePage.objects.order_by("pk")[:4]),
        "editor": get_user_model().objects.get(username=EDITOR_NAME),
        "live": LivePage.objects.get(),
        "entry": LiveEntry.objects.order_by("pk").first(),
    }


def public_addresses() -> list[tuple[str, str]]:
    """Every kind of public page of the site, with its query string."""
    year, month = timezone.localdate().year, timezone.localdate().month
    addresses = [
        "/",
        "/monde/",
        "/sport/",
        *(article.url for article in ArticlePage.objects.live().order_by("pk")),
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
    live = LivePage.objects.get()
    first = LiveEntry.objects.order_by("pk").first()
    polls = [
        (reverse("live:new_entries", args=[live.pk]), f"depuis={first.pk}"),
        (reverse("live:new_entries", args=[live.pk]), "depuis=0"),
        (reverse("live:feed", args=[live.pk]), ""),
    ]
    searches = [
        (reverse("findability:search"), "q=sommet"),
        (reverse("findability:search"), "q=accord"),  # the words of the new title
        (reverse("findability:search"), "q=nantes"),
    ]
    return [(path, "") for path in addresses] + polls + searches


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


def change_in_this_process(name: str, output: str) -> None:
    """Run by `manage.py shell -c` in a process of its own, with the settings of the servers
    (their database, Redis, the Varnish it purges): the change, as an éditeur's on another
    app server, then a fresh render of the addresses it is given on its standard input (the
    site's before the change) and of the site's addresses now, written to `output` for the
    test to compare with what the servers answer.

    Started ahead of time, it waits for those addresses, and says « changed » on its standard
    output as soon as the change is committed (its purges sent): the test starts asking the
    servers while the reference is being rendered."""
    addresses = [tuple(address) for address in json.loads(sys.stdin.readline())]
    changes = {change.__name__: change for change, _ in CHANGES}
    changes[name](newsroom_from_database())
    sys.stdout.write("changed\n")
    sys.stdout.flush()
    wanted = list(dict.fromkeys([*addresses, *public_addresses()]))
    Path(output).write_text(json.dumps(fresh_answers(wanted)))


def fresh_answers(addresses) -> list:
    """Each address rendered from the database alone: an empty in-memory cache of its own (no
    Redis, nothing kept from before), no page cache, no kept fragment. Inside a transaction
    rolled back at the end: rendering may write (« Les + Lus » computed again announces
    itself, which purges), and the servers under test must not hear of the reference."""
    from django.core.wsgi import get_wsgi_application
    from django.db import transaction
    from django.test import override_settings

    from gazette.core.tests.wsgi_client import wsgi_request

    application = get_wsgi_application()
    empty = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    answers = []
    with (
        override_settings(
            CACHES=empty,
            GAZETTE_PAGE_CACHE=False,
            GAZETTE_FRAGMENT_CACHE=False,
            WAGTAILFRONTENDCACHE={},
        ),
        transaction.atomic(),
    ):
        for path, query in addresses:
            answer = wsgi_request(application, path, query=query)
            status = int(answer["status"].split()[0])
            location = answer["headers"].get("Location")
            body = base64.b64encode(answer["body"]).decode()
            answers.append([path, query, status, location, body])
        transaction.set_rollback(True)
    return answers
