"""Rectificatifs and updates: dated at first publication in Paris time, shown in a labelled box
on the article, « Mis à jour le » set from them, kept through the page's later revisions, and
changed or withdrawn only by an éditeur with a reason, through the admin as through code."""

import datetime as dt
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.wsgi import get_wsgi_application
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Revision, Site
from wagtail.permissions import policy_registry

from gazette.core import page_cache
from gazette.core.dates import long_datetime
from gazette.core.tests.shared_data import shared
from gazette.core.tests.wsgi_client import wsgi_request
from gazette.core.typography import NBSP
from gazette.news.corrections import ArticleNote, NoteSettings
from gazette.news.newsroom import EDITOR, WRITER

from .factories import fr, make_article, make_home, make_note, make_section

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
CORRECTION, UPDATE = ArticleNote.Kind.CORRECTION, ArticleNote.Kind.UPDATE


@shared
def article():
    return make_article(make_section(make_home(), "Monde"), "Sommet à Bruxelles")


def user_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(django_user_model):
    return user_in(django_user_model, WRITER, "redac")


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, EDITOR, "edit")


def text_of(html: str) -> str:
    """The page's words without markup, spaces as a reader's browser joins them."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace(NBSP, " ")


def box(html: str, box_id: str) -> str:
    match = re.search(
        rf'<section class="article-notes" aria-labelledby="{box_id}">.*?</section>', html, re.S
    )
    return match.group() if match else ""


def article_header(html: str) -> str:
    start = html.index('<header class="article-header">')
    return html[start : html.index("</header>", start)]


def amend(note, *, user=None, **changes):
    """What the admin's edit view does: a revision of the changed note, then its publish."""
    latest = note.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(latest, name, value)
    latest.save_revision(user=user).publish(user=user)
    note.refresh_from_db()
    return note


def test_a_note_is_dated_when_first_published_and_printed_in_paris_time(client, article):
    before = timezone.now()
    note = make_note(article, "Le sommet s'est tenu mardi, et non lundi.", live=False)
    assert note.first_published_at is None  # a draft has no date yet
    note.get_latest_revision().publish()
    note.refresh_from_db()
    assert before <= note.first_published_at <= timezone.now()
    ArticleNote.objects.filter(pk=note.pk).update(
        first_published_at=dt.datetime(2026, 12, 3, 8, 12, tzinfo=dt.UTC)
    )
    html = client.get(article.url).content.decode()
    assert "Rectificatif, le 3 décembre 2026 à 9 h 12 : Le sommet s'est tenu mardi" in text_of(
        html.replace("\u2019", "'")
    )
    assert '<time datetime="2026-12-03T09:12:00+01:00">' in html


def test_corrections_show_under_the_standfirst_in_a_labelled_region(client, article):
    make_note(article, "Une erreur de date.")
    html = client.get(article.url).content.decode()
    corrections = box(html, "rectificatifs")
    assert '<h2 id="rectificatifs" class="article-notes-title">Rectificatif</h2>' in corrections
    header = article_header(html)
    assert header.index('class="standfirst"') < header.index(corrections)
    assert f'href="{reverse("findability:corrections")}"' in corrections
    assert "<script" not in corrections


def test_updates_go_where_the_newsroom_chooses(client, article):
    make_note(article, "Le bilan a été revu à la hausse.", kind=UPDATE)
    html = client.get(article.url).content.decode()
    assert "Le bilan a été revu" in article_header(html)
    settings = NoteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.updates_position = NoteSettings.Position.BOTTOM
    settings.save()
    html = client.get(article.url).content.decode()
    updates = box(html, "mises-a-jour")
    assert "Mise à jour" in updates and "Le bilan a été revu" in updates
    assert html.index('class="article-body"') < html.index(updates)
    assert "Le bilan a été revu" not in article_header(html)


def test_the_latest_note_sets_mis_a_jour_le(client, article):
    assert not article.was_updated
    first = make_note(article, "Premier rectificatif.")
    article.refresh_from_db()
    assert article.updated_at == first.first_published_at and article.was_updated
    second = make_note(article, "Le bilan a été revu.", kind=UPDATE)
    article.refresh_from_db()
    assert article.updated_at == second.first_published_at
    html = text_of(client.get(article.url).content.decode())
    expected = f"{fr('Updated')} {long_datetime(second.first_published_at)}"
    assert expected.replace(NBSP, " ") in html


def test_a_later_page_revision_neither_drops_a_note_nor_its_date(client, article):
    """The trap of notes kept in the page: a revision begun before the note, published after."""
    draft = article.get_latest_revision_as_object()
    draft.title = "Sommet à Bruxelles : accord trouvé"
    revision = draft.save_revision()
    note = make_note(article, "Une erreur de date.")
    Revision.objects.get(pk=revision.pk).publish()  # later, from the admin or the scheduler
    article.refresh_from_db()
    assert article.title == "Sommet à Bruxelles : accord trouvé"
    assert article.updated_at == note.first_published_at
    html = client.get(article.url).content.decode()
    assert "Une erreur de date." in html and fr("Updated") in html


def test_an_amendment_is_dated_and_shown_and_history_keeps_both_texts(client, article, editor):
    note = make_note(article, "Le sommet a eu lieu lundi.", user=editor)
    amend(note, user=editor, text="Le sommet a eu lieu mardi.", reason="Jour erroné.")
    assert note.amended_at > note.first_published_at
    article.refresh_from_db()
    assert article.updated_at == note.amended_at
    texts = [r.as_object().text for r in note.revisions.order_by("created_at")]
    assert texts == ["Le sommet a eu lieu lundi.", "Le sommet a eu lieu mardi."]
    assert {r.user for r in note.revisions.all()} == {editor}
    html = text_of(client.get(article.url).content.decode())
    assert "Le sommet a eu lieu mardi." in html and "lundi" not in html
    assert f"(note modifiée {long_datetime(note.amended_at)})".replace(NBSP, " ") in html


def test_publishing_again_without_a_change_dates_nothing(article):
    note = make_note(article)
    amend(note, reason="Rien.")
    assert note.amended_at is None and note.withdrawn_at is None


def test_a_withdrawn_note_leaves_its_trace_and_reason_not_its_text(client, article):
    note = make_note(article, "Le maire a démissionné.")
    amend(note, withdrawn=True, reason="Publiée par erreur sur cet article.")
    assert note.withdrawn_at is not None and note.amended_at is None
    html = text_of(client.get(article.url).content.decode())
    assert "Le maire a démissionné" not in html
    assert (
        f"note retirée {long_datetime(note.withdrawn_at)} : Publiée par erreur sur cet article."
    ).replace(NBSP, " ") in html


def test_an_old_revision_published_again_keeps_the_dates_of_public_changes(article):
    note = make_note(article, "Premier texte.")
    first_revision = note.live_revision
    amend(note, text="Second texte.", reason="Précision.")
    amended_at = note.amended_at
    first_revision.publish()  # « Revenir à cette version », then Publier
    note.refresh_from_db()
    assert note.text == "Premier texte."
    assert note.amended_at > amended_at  # back to the first text: a new amendment


def test_a_new_note_shows_at_once_wherever_the_page_cache_kept_the_article(
    article, django_capture_on_commit_callbacks
):
    """Warm pages and kept fragments: the note comes with no page revision, yet the next
    anonymous request of each page that shows it has it."""
    application = page_cache.with_page_cache(get_wsgi_application())
    paths = [
        article.url,
        reverse("findability:site_rss"),
        reverse("findability:section_atom", args=["monde"]),
        reverse("findability:corrections"),
        reverse("findability:corrections_rss"),
        reverse("findability:corrections_atom"),
    ]
    for path in paths:
        wsgi_request(application, path)
        assert wsgi_request(application, path)["cache"] == "hit", path
    with django_capture_on_commit_callbacks(execute=True):
        note = make_note(article, "Le sommet s'est tenu mardi.")
    for path in paths:
        answer = wsgi_request(application, path)
        assert answer["cache"] == "miss", path
        assert "tenu mardi" in answer["body"].decode(), path
    page = wsgi_request(application, article.url)["body"].decode()
    assert f'id="{note.anchor}"' in box(page, "rectificatifs")  # not only in the JSON-LD


def test_unpublishing_the_article_keeps_its_notes(article):
    note = make_note(article)
    article.refresh_from_db()
    article.unpublish()
    assert ArticleNote.objects.get(pk=note.pk).live


POLICY_CASES = [
    # (group, state, action, allowed)
    (WRITER, "draft", "change", True),
    (WRITER, "draft", "publish", False),
    (WRITER, "draft", "delete", False),
    (WRITER, "published", "change", False),
    (EDITOR, "draft", "change", True),
    (EDITOR, "draft", "delete", True),
    (EDITOR, "published", "change", True),
    (EDITOR, "published", "publish", True),
    (EDITOR, "published", "delete", False),
    (EDITOR, "published", "unpublish", False),
    (EDITOR, "withdrawn", "change", False),
    ("superuser", "published", "delete", False),
    ("superuser", "published", "unpublish", False),
    ("superuser", "withdrawn", "change", False),
]


@pytest.mark.parametrize(("group", "state", "action", "allowed"), POLICY_CASES)
def test_who_may_do_what_with_a_note(django_user_model, article, group, state, action, allowed):
    if group == "superuser":
        user = django_user_model.objects.create_superuser("root", password="x" * 20)
    else:
        user = user_in(django_user_model, group, "someone")
    note = make_note(article, live=state != "draft")
    if state == "withdrawn":
        amend(note, withdrawn=True, reason="Erreur.")
    policy = policy_registry.get(note)
    assert policy.user_has_permission_for_instance(user, action, note) is allowed


def test_a_writer_cannot_publish_a_note_by_code(article, writer):
    note = make_note(article, live=False)
    with pytest.raises(PermissionDenied):
        note.get_latest_revision().publish(user=writer)


def test_a_writers_note_goes_through_relecture_and_an_editor_publishes_it(article, writer, editor):
    note = make_note(article, "Proposé par la rédactrice.", live=False, user=writer)
    workflow = ArticleNote.get_default_workflow()
    assert workflow is not None and workflow.name == "Relecture"
    workflow.start(note, writer)
    note.refresh_from_db()
    assert note.workflow_in_progress and not note.live
    task_state = note.current_workflow_task_state
    task_state.task.on_action(task_state, editor, "approve")
    note.refresh_from_db()
    assert note.live and note.first_published_at is not None
    article.refresh_from_db()
    assert article.updated_at == note.first_published_at


# The admin's views, as a browser would reach them. Wagtail answers a refusal with a redirect
# to the admin's home and a message.


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def admin_url(name, *args):
    return reverse(f"{ArticleNote.snippet_viewset.get_admin_url_namespace()}:{name}", args=args)


def form_data(note, **changes):
    data = {"kind": note.kind, "text": note.text, "reason": "", "action-publish": "1"}
    if note.withdrawn:
        data["withdrawn"] = "on"
    data.update(changes)
    return data


def test_a_writer_gets_403_on_a_published_note_an_editor_changes_it_with_a_reason(
    client, article, writer, editor
):
    note = make_note(article, "Texte publié.")
    client.force_login(writer)
    assert refused(client.get(admin_url("edit", note.pk)))
    assert refused(client.post(admin_url("edit", note.pk), form_data(note, reason="Moi.")))
    client.force_login(editor)
    assert client.get(admin_url("edit", note.pk)).status_code == 200
    response = client.post(admin_url("edit", note.pk), form_data(note, text="Texte corrigé."))
    assert response.status_code == 200  # the form again, with its error
    assert ArticleNote.objects.get(pk=note.pk).text == "Texte publié."
    other = make_article(article.get_parent().specific, "Autre article")
    response = client.post(
        admin_url("edit", note.pk),
        form_data(note, text="Texte corrigé.", reason="Coquille.", article=other.pk),
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.article_id) == ("Texte corrigé.", article.pk)  # article fixed
    assert note.latest_revision.as_object().reason == "Coquille."


def test_no_one_deletes_or_unpublishes_a_published_note(client, django_user_model, article):
    note = make_note(article)
    client.force_login(django_user_model.objects.create_superuser("root", password="x" * 20))
    for name in ("delete", "unpublish"):
        assert refused(client.get(admin_url(name, note.pk)))
        assert refused(client.post(admin_url(name, note.pk)))
    assert ArticleNote.objects.get(pk=note.pk).live
    assert "action-unpublish" not in client.get(admin_url("edit", note.pk)).content.decode()
    with pytest.raises(NoReverseMatch):  # a copy would keep the original's date
        admin_url("copy", note.pk)


def test_a_draft_note_can_be_deleted_by_an_editor(client, article, editor):
    note = make_note(article, live=False)
    client.force_login(editor)
    assert client.post(admin_url("delete", note.pk)).status_code == 302
    assert not ArticleNote.objects.filter(pk=note.pk).exists()


def test_editors_add_a_note_from_the_articles_edit_screen(client, article, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    add = f"{admin_url('add')}?article={article.pk}"
    assert f'href="{add}"' in html
    assert fr("Add a correction or an update") in html
    form = client.get(add).content.decode()
    assert re.search(rf'name="article"[^>]*value="{article.pk}"', form)
    response = client.post(
        add, {"article": article.pk, "kind": CORRECTION, "text": "Ajouté.", "action-publish": "1"}
    )
    assert response.status_code == 302
    note = ArticleNote.objects.get(text="Ajouté.")
    assert note.live and note.article_id == article.pk
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert admin_url("edit", note.pk) in html


def test_a_note_cannot_be_added_to_an_unpublished_article(client, article, editor):
    draft = make_article(article.get_parent().specific, "Pas encore publié", live=False)
    client.force_login(editor)
    response = client.post(
        admin_url("add"),
        {"article": draft.pk, "kind": CORRECTION, "text": "Trop tôt.", "action-publish": "1"},
    )
    assert response.status_code == 200
    assert fr("Notes are added to published articles only.") in unescape(response.content.decode())
    assert not ArticleNote.objects.exists()


def test_a_bad_article_parameter_is_ignored_not_a_500(client, editor, article):
    client.force_login(editor)
    for value in ("abc", "999999", ""):
        assert client.get(f"{admin_url('add')}?article={value}").status_code == 200


def test_dates_are_paris_time_whatever_the_active_time_zone(client, article, settings):
    note = make_note(article)
    ArticleNote.objects.filter(pk=note.pk).update(
        first_published_at=dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.UTC)
    )
    with timezone.override(ZoneInfo("Asia/Tokyo")):
        html = text_of(client.get(article.url).content.decode())
    assert "Rectificatif, le 2 juillet 2026 à 0 h 30" in html


def test_the_admin_lists_notes_newest_first_and_finds_them(client, article, editor):
    make_note(article, "Le premier rectificatif.")
    make_note(article, "La seconde note.", kind=UPDATE, live=False)
    client.force_login(editor)
    page = client.get(admin_url("list")).content.decode()
    assert page.index("La seconde note") < page.index("Le premier rectificatif")
    assert fr("Add a correction or an update") in unescape(page)
    found = client.get(admin_url("list"), {"q": "premier"}).content.decode()
    assert "Le premier rectificatif" in found and "La seconde note" not in found
