"""Every admin screen each role can open speaks French, in newsroom words.

A crawler signs in as a member of each group (never as the superuser), starts at the dashboard,
follows every admin link its menu and screens offer (the menu is JSON in the page), and opens
the create, edit and inspect screens of each model. On each screen it reads what the editor
meets, as the public pages' test does (text, accessible names, tooltips, menu labels), and
fails on: an English msgid of Django's, Wagtail's or our catalogues shown as is; an English
word of the admin's vocabulary; Python values shown raw (« None », « False », « [] »); and
Wagtail's French that no newsroom writes (« Ce(tte) », « workflow », « Salut »)."""

import json
import re
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models.sites import Site

from gazette.comments.models import BlocklistEntry, Comment
from gazette.core.tests.french import SPOKEN_ATTRIBUTES, english_msgids, visible_text
from gazette.live.tests.factories import make_live_page, post_entry
from gazette.news.newsroom import ADMINISTRATOR, EDITOR, MODERATOR, WRITER
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db

ADMIN_ATTRIBUTES = {*SPOKEN_ATTRIBUTES, "data-w-tooltip-content-value", "data-label"}
ADMIN_ENGLISH = re.compile(
    r"\b(Root|Status|Site name|Root page|Submission key|Can (add|change|delete|view|choose|"
    r"publish|lock|unlock|access)|Dashboard|Settings|Snippets|Reports|Users|Groups|Edit|Delete|"
    r"Save|Cancel|Choose|Upload|Welcome|Draft|Live|Scheduled|Locked|Owner|Revisions?|History|"
    r"Preview|Submit|Approve|Reject|Your|You|The|and|of|by|with|to|ago|hours?|days?)\b"
)
# Wagtail's French hedges every agreement and keeps its English jargon; a newsroom does not.
CLUMSY_FRENCH = re.compile(
    r"\w\((e|es|s|tte|elle|ne|le)\)|\ble/la\b|\b[Ww]orkflows?\b|\bSalut\b|\bcrées\b|"
    r"\brejetée?s?\b|contenupour|\b0 minute|[Pp]age programmé\b|STATUS"
)
RAW_VALUES = {"None", "False", "True", "[]", "{}"}
# Not screens: files, JSON for scripts, sign-out, and previews of the public site (its own test).
SKIPPED = re.compile(
    r"/logout/|/jsi18n/|/api/|export|\.csv|\.json|/preview/|/view_draft/|/serve/|/bulk/[^?]*$|"
    r"/images/\d+/preview/|/documents/\d+/[^/]+$|/usage/.*\?|/sprite"
)
ROLES = {WRITER: "claire", EDITOR: "paul", MODERATOR: "mona", ADMINISTRATOR: "lea"}
# Wagtail's generic screens, the same template for every model: one visit each.
GENERIC = re.compile(r"/(copy|delete|history|usage|chosen|results)/")


@cache
def english_sentences() -> frozenset[str]:
    """Every English msgid of the French catalogues Django reads, normalised, minus any French
    translation equal to it (« Article », « Pages », « Date » are words of both)."""
    folders = [Path(settings.BASE_DIR, "gazette", "locale")]
    folders += [Path(app.path, "locale") for app in apps.get_app_configs()]
    folders.append(Path(apps.get_app_config("admin").path).parent.parent / "conf" / "locale")
    msgids, french = set(), set()
    for folder in folders:
        for po in folder.glob("fr/LC_MESSAGES/django*.po"):
            for entry in polib.pofile(str(po)):
                msgids.add(normalise(entry.msgid))
                french.update(
                    normalise(s) for s in [entry.msgstr, *entry.msgstr_plural.values()] if s
                )
    return frozenset(m for m in msgids - french if re.search(r"[A-Za-z]{3}", m))


def normalise(text: str) -> str:
    return " ".join(text.split()).rstrip(" :").strip().lower()


def menu_of(html: str) -> tuple[list[str], list[str]]:
    """The sidebar is JSON that a script turns into the menu: its labels and its links."""
    match = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    labels, urls = [], []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "label" and isinstance(value, str):
                    labels.append(value)
                elif key == "url" and isinstance(value, str):
                    urls.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    if match:
        walk(json.loads(match.group(1)))
    return labels, urls


def faults(text: str, english: frozenset[str], ours: list[str]) -> list[str]:
    found = []
    if normalise(text) in english:
        found.append("English msgid")
    if match := ADMIN_ENGLISH.search(text):
        found.append(f"English word « {match.group()} »")
    if match := CLUMSY_FRENCH.search(text):
        found.append(f"clumsy French « {match.group()} »")
    if text.strip() in RAW_VALUES:
        found.append("raw Python value")
    found += [f"our msgid « {m} »" for m in ours if m in text]
    return found


def shape_of(url: str) -> str:
    path = urlsplit(url).path
    if generic := GENERIC.search(path):
        return generic.group()
    return re.sub(r"/\d+/", "/N/", path)


def crawl(client, seeds: list[str]) -> tuple[dict[str, int], list[str]]:
    """Breadth first from the seeds; one screen per URL shape (ids and query left out), so
    that the 40 edit pages of 40 articles cost one visit. A shape that redirected stays open
    (another page of it may be one this role can edit), but not the address itself: the
    settings links of every page's menu redirect, and asking them again at each page was
    half of the crawl's requests, for a screen already visited."""
    english, ours = english_sentences(), english_msgids()
    queue, seen, redirected, statuses, problems = deque(seeds), set(), set(), {}, []
    admin = "/" + settings.GAZETTE_ADMIN_PATH
    while queue:
        url = queue.popleft()
        shape = shape_of(url)
        if shape in seen or url in redirected or SKIPPED.search(url):
            continue
        seen.add(shape)
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code in {301, 302}:
            queue.appendleft(response["Location"])
            seen.discard(shape)
            redirected.add(url)
            continue
        content_type = response.get("Content-Type", "")
        if "json" in content_type:  # a chooser: its HTML travels in JSON
            html = response.json().get("html") or ""
        elif "html" in content_type:
            html = response.content.decode()
        else:
            continue
        labels, menu_urls = menu_of(html)
        for text in [*visible_text(html, ADMIN_ATTRIBUTES), *labels]:
            problems += [f"{url}: {text[:80]!r}: {fault}" for fault in faults(text, english, ours)]
        links = re.findall(r'href="(/[^"#]*)"', html) + menu_urls
        queue.extend(link.replace("&amp;", "&") for link in links if link.startswith(admin))
    return statuses, problems


@pytest.fixture(scope="module")
def newsroom(build_once):
    """A small newsroom in the middle of its day: an article in review, one published with a
    photo, comments waiting, a live page with an entry, a document, a blocklist entry, a user
    per role. Built once for the module, in a transaction rolled back after its last test:
    each test runs in a savepoint inside it, so what one crawl writes never reaches the next."""
    with build_once():
        yield build_newsroom()


def build_newsroom() -> dict:
    home = make_home()
    section = make_section(home, "Monde")
    author = make_author("Claire Vasseur")
    image = make_image("Le port au matin")
    published = make_article(
        section, "La ville tient bon", authors=[author], tags=["Climat"], lead_image=image
    )
    users = {}
    for group, username in ROLES.items():
        users[group] = get_user_model().objects.create_user(
            username, password="mot-de-passe-long-42", email=f"{username}@gazette.invalid"
        )
        users[group].groups.add(Group.objects.get(name=group))
    draft = make_article(section, "Un article à relire", live=False, authors=[author])
    draft.save_revision(user=users[WRITER])
    draft.get_workflow().start(draft, users[WRITER])
    question = Comment.objects.create(
        article=published, author_name="Lecteur", author_email="l@exemple.fr", text="Pourquoi ?"
    )
    Comment.objects.create(
        article=published,
        parent=question,
        author_name="Mona",
        text="Parce que.",
        status=Comment.Status.APPROVED,
        is_newsroom=True,
        edited_at=timezone.now(),
        spam_reasons=["3 liens dans le texte (au plus 2)."],
    )
    BlocklistEntry.objects.create(value="casino")
    live = make_live_page(section, authors=[author])
    entry = post_entry(live, user=users[WRITER], title="Alerte rouge", pinned=True, image=image)
    get_document_model().objects.create(title="Charte de la rédaction", file="charte.pdf")
    return {
        "users": users,
        "seeds": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore_root"),
            *[reverse("wagtailadmin_pages:edit", args=[p.pk]) for p in (home, section, draft)],
            reverse("wagtailadmin_pages:add_subpage", args=[section.pk]),
            reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk]),
            reverse("wagtailadmin_pages:add", args=["news", "simplepage", home.pk]),
            reverse("wagtailadmin_pages:add", args=["live", "livepage", section.pk]),
            reverse("wagtailadmin_pages:edit", args=[live.pk]),
            reverse("live_admin:entries", args=[live.pk]),
            reverse("live_admin:edit", args=[entry.pk]),
            reverse("wagtailadmin_pages:history", args=[published.pk]),
            reverse("wagtailsnippets_news_author:add"),
            reverse("wagtailsnippets_news_author:edit", args=[author.pk]),
            reverse("wagtailsnippets_comments_comment:inspect", args=[question.pk]),
            reverse("wagtailsnippets_comments_comment:inspect", args=[question.pk + 1]),
            reverse("wagtailsnippets_comments_comment:edit", args=[question.pk]),
            reverse("wagtailimages:edit", args=[image.pk]),
            reverse("wagtailimages:add_multiple"),
            reverse("wagtailadmin_account"),
            *[
                reverse("wagtailsettings:edit", args=[label, model])
                for label, model in [
                    ("core", "sitesettings"),
                    ("comments", "moderationsettings"),
                    ("findability", "feedsettings"),
                ]
            ],
            reverse("wagtailsites:edit", args=[Site.objects.get().pk]),
            reverse("wagtailusers_groups:edit", args=[Group.objects.get(name=WRITER).pk]),
            reverse("wagtailusers_users:edit", args=[users[WRITER].pk]),
            reverse("wagtailadmin_choose_page"),
            reverse("wagtailimages_chooser:choose"),
            reverse("wagtaildocs_chooser:choose"),
            reverse("wagtailsnippetchoosers_news_author:choose"),
        ],
    }


@pytest.mark.parametrize("group", list(ROLES))
def test_every_admin_screen_of_each_role_is_in_newsroom_french(client, newsroom, group):
    client.force_login(newsroom["users"][group])

    statuses, problems = crawl(client, newsroom["seeds"])

    assert len(statuses) > 15, statuses
    assert not [url for url, status in statuses.items() if status >= 500], statuses
    assert problems == []


@pytest.mark.django_db
def test_admin_tabs_carry_the_sites_name_not_wagtails(client, newsroom, settings):
    settings.WAGTAIL_SITE_NAME = "Le Journal du Lac"
    login = client.get(reverse("wagtailadmin_login")).content.decode()
    assert re.search(r"<title>[^<]* - Le Journal du Lac</title>", login)
    client.force_login(newsroom["users"][EDITOR])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    title = re.search(r"<title>([^<]*)</title>", dashboard).group(1)
    assert title.strip().endswith("- Le Journal du Lac") and "Wagtail" not in title


@pytest.mark.django_db
def test_the_sites_listing_heads_its_columns_in_french(client, newsroom, django_user_model):
    """A screen only the superuser opens (the Administrateur manages people, not sites). The
    newsroom's site is listed: with none, the listing has no table to head."""
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.invalid", "x" * 20))
    page = client.get(reverse("wagtailsites:index")).content.decode()
    headings = [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", page, re.S)
    ]
    assert not {"Site name", "Root page"} & set(" ".join(headings).split("  ")), headings
    assert "Site name" not in page and "Root page" not in page, headings
    assert "Nom du site" in " ".join(headings) and "Page racine" in " ".join(headings), headings
