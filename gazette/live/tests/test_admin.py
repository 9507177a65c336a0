"""The desk's screen, as Rédacteur, Éditeur and Modérateur accounts use it (never a superuser):
one action publishes an entry, without the page's review workflow; an Éditeur edits or
withdraws any entry, a Rédacteur their own; the screens are in French."""

import json
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gazette.core.tests.shared_data import shared
from gazette.live.models import LiveEntry
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER
from gazette.news.tests.factories import fr, make_author, make_home, make_section

from .factories import make_live_page, post_entry

pytestmark = pytest.mark.django_db


@shared
def live():
    return make_live_page(make_section(make_home(), "Monde"))


@pytest.fixture
def user_in(django_user_model):
    def make(group: str, name: str = ""):
        user = django_user_model.objects.create_user(
            name or f"u-{group}", password="mot-de-passe-long-42", first_name=name or group
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def is_refused(response) -> bool:
    return response.status_code in (302, 403) and (
        response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    )


def draftail(text: str) -> str:
    """What the admin's rich text editor posts: Draftail's content state, not HTML."""
    block = {"key": "a1b2c", "type": "unstyled", "text": text, "depth": 0}
    block.update(inlineStyleRanges=[], entityRanges=[])
    return json.dumps({"blocks": [block], "entityMap": {}})


def entry_data(text="Les secours sont sur place.", **fields):
    return {"title": "", "body": draftail(text), "embed_url": "", **fields}


@pytest.mark.parametrize("group", [WRITER, EDITOR])
def test_the_desk_publishes_an_entry_in_one_action(
    client, live, user_in, group, django_capture_on_commit_callbacks
):
    user = user_in(group)
    client.force_login(user)
    url = reverse("live_admin:entries", args=[live.pk])
    screen = client.get(url)
    assert screen.status_code == 200
    assert fr("Publish the entry") in unescape(screen.content.decode())

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, entry_data(important="on"))

    assert response.status_code == 302
    entry = LiveEntry.objects.get()
    assert entry.user == user and entry.important and not entry.withdrawn
    assert callbacks, "the purge waits for the commit"
    assert "Les secours sont sur place." in client.get(live.url).content.decode()


def test_a_moderator_may_not_post(client, live, user_in):
    client.force_login(user_in(MODERATOR))
    url = reverse("live_admin:entries", args=[live.pk])
    assert is_refused(client.get(url))
    assert is_refused(client.post(url, entry_data()))
    assert not LiveEntry.objects.exists()


def test_an_editor_edits_any_entry_and_it_shows_as_edited(client, live, user_in):
    entry = post_entry(live, "Deux blessés.", user=user_in(WRITER, "Yann"))
    client.force_login(user_in(EDITOR))
    url = reverse("live_admin:edit", args=[entry.pk])
    assert client.get(url).status_code == 200

    client.post(url, entry_data("Trois blessés.", author=make_author("Léa Roux").pk))

    entry.refresh_from_db()
    assert entry.edited_at and "Trois blessés." in entry.body
    assert entry.signature == "Léa Roux"
    html = client.get(live.url).content.decode()
    assert fr("edited at") in html and "Trois blessés." in html


def test_a_writer_changes_their_own_entry_not_a_colleagues(client, live, user_in):
    writer = user_in(WRITER, "Yann")
    own = post_entry(live, "La mienne.", user=writer)
    colleagues = post_entry(live, "Celle d'un collègue.", user=user_in(EDITOR, "Léa"))
    client.force_login(writer)

    assert client.get(reverse("live_admin:edit", args=[own.pk])).status_code == 200
    assert is_refused(client.get(reverse("live_admin:edit", args=[colleagues.pk])))
    assert is_refused(client.post(reverse("live_admin:withdraw", args=[colleagues.pk])))
    colleagues.refresh_from_db()
    assert not colleagues.withdrawn


def test_an_editor_withdraws_an_entry(client, live, user_in):
    entry = post_entry(live, "Une rumeur.", user=user_in(WRITER, "Yann"))
    client.force_login(user_in(EDITOR))
    response = client.post(reverse("live_admin:withdraw", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.withdrawn
    assert "Une rumeur." not in client.get(live.url).content.decode()
    assert client.get(reverse("live_admin:withdraw", args=[entry.pk])).status_code == 405


def test_the_live_pages_header_leads_to_its_entries_in_french(client, live, user_in):
    client.force_login(user_in(WRITER))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[live.pk])).content.decode()
    assert reverse("live_admin:entries", args=[live.pk]) in html
    assert fr("Live entries") in html
    screen = unescape(client.get(reverse("live_admin:entries", args=[live.pk])).content.decode())
    for msgid in ("Live entries", "Entries, newest first", "Publish the entry"):
        assert fr(msgid) != msgid and fr(msgid) in screen, msgid
    assert "Texte" in screen  # the field labels too


def test_a_writer_creates_a_live_page_in_a_section(client, live, user_in):
    client.force_login(user_in(WRITER))
    section = live.get_parent()
    response = client.get(reverse("wagtailadmin_pages:add", args=["live", "livepage", section.pk]))
    assert response.status_code == 200
    assert fr("the essentials").capitalize() in unescape(response.content.decode())
