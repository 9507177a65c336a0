"""« Lettres d'information » in the admin: Éditeurs open letters, compose and send editions,
and see subscribers; Rédacteurs and Modérateurs do not reach them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gazette.letters.models import Edition, Letter, Subscriber, Subscription
from gazette.news.newsroom import ADMINISTRATOR, EDITOR, MODERATOR, WRITER

from .test_reader_journey import make_edition

pytestmark = pytest.mark.django_db

LISTS = [
    reverse("wagtailsnippets_letters_letter:list"),
    reverse("wagtailsnippets_letters_edition:list"),
    reverse("wagtailsnippets_letters_subscriber:list"),
]


def user_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(user_in(django_user_model, EDITOR, "edith"))
    return client


@pytest.mark.parametrize(
    ("group", "allowed"),
    [(EDITOR, True), (ADMINISTRATOR, True), (WRITER, False), (MODERATOR, False)],
)
def test_only_editors_and_administrators_reach_the_letters(
    client, django_user_model, letter, group, allowed
):
    client.force_login(user_in(django_user_model, group, "quelquun"))
    for url in LISTS:
        response = client.get(url)
        assert (response.status_code == 200) is allowed, url
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Lettres d&#x27;information" in menu or "Lettres d'information" in menu) is allowed


def test_an_editor_opens_a_letter_in_french(editor, section):
    form = editor.get(reverse("wagtailsnippets_letters_letter:add")).content.decode()
    assert "Fréquence" in form and "Ouverte aux abonnements" in form
    assert "Édition automatique" in form and "vendredi" in form
    response = editor.post(
        reverse("wagtailsnippets_letters_letter:add"),
        {
            "title": "L'hebdo Sciences",
            "slug": "hebdo-sciences",
            "description": "Chaque vendredi.",
            "frequency": "weekly",
            "sections": [section.pk],
            "automatic": "on",
            "send_time": "17:30",
            "weekday": "4",
            "article_count": "5",
            "active": "on",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert list(letter.sections.all()) == [section]
    assert (str(letter.send_time), letter.weekday) == ("17:30:00", 4)


def test_an_editor_composes_schedules_and_sends_an_edition(
    editor, smtp, letter, article, django_capture_on_commit_callbacks
):
    reader = Subscriber.objects.create(email="lea@exemple.org")
    Subscription.objects.create(subscriber=reader, letter=letter, confirmed_at="2026-11-02T07:00Z")
    response = editor.post(
        reverse("wagtailsnippets_letters_edition:add"),
        {
            "letter": letter.pk,
            "subject": "Ce matin",
            "editor_note": "Bonjour.",
            "chosen_articles-TOTAL_FORMS": "1",
            "chosen_articles-INITIAL_FORMS": "0",
            "chosen_articles-MIN_NUM_FORMS": "1",
            "chosen_articles-MAX_NUM_FORMS": "1000",
            "chosen_articles-0-article": article.pk,
            "chosen_articles-0-ORDER": "1",
            "chosen_articles-0-id": "",
            "chosen_articles-0-DELETE": "",
            "scheduled_at": "2030-01-06T07:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edition = Edition.objects.get()
    assert edition.status == Edition.Status.SCHEDULED

    send = reverse("wagtailsnippets_letters_edition:send", args=[edition.pk])
    question = editor.get(send).content.decode()
    assert "pour 1 abonné confirmé de « La matinale »" in question
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(send).status_code == 302
    edition.refresh_from_db()
    assert (edition.status, edition.sent_count) == (Edition.Status.SENT, 1)
    assert [m["To"] for m in smtp.messages] == ["lea@exemple.org"]

    # Sent: no longer editable, no second send.
    edit = editor.get(reverse("wagtailsnippets_letters_edition:edit", args=[edition.pk]))
    assert edit.status_code == 302
    assert editor.post(send).status_code == 302
    assert len(smtp.messages) == 1


def test_a_writer_cannot_send(client, django_user_model, letter, article):
    edition = make_edition(letter, article)
    client.force_login(user_in(django_user_model, WRITER, "rene"))
    send = reverse("wagtailsnippets_letters_edition:send", args=[edition.pk])
    assert client.post(send).status_code in (302, 403)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_subscribers_are_searched_by_address_and_never_added_by_hand(editor, letter):
    Subscriber.objects.create(email="lea@exemple.org")
    Subscriber.objects.create(email="paul@exemple.org")
    found = editor.get(LISTS[2], {"q": "lea"}).content.decode()
    assert "lea@exemple.org" in found and "paul@exemple.org" not in found
    assert editor.get(reverse("wagtailsnippets_letters_subscriber:add")).status_code in (302, 403)


def test_an_editor_previews_and_sends_a_test_to_themselves(
    client, django_user_model, smtp, letter, article
):
    edith = user_in(django_user_model, EDITOR, "edith")
    edith.email = "edith@gazette.invalid"
    edith.save()
    client.force_login(edith)
    edition = make_edition(letter, article)
    preview = client.get(reverse("wagtailsnippets_letters_edition:preview", args=[edition.pk]))
    assert preview.status_code == 200
    assert "Le télescope voit plus loin" in preview.content.decode()
    sent = client.post(reverse("wagtailsnippets_letters_edition:preview", args=[edition.pk]))
    assert sent.status_code == 302
    [message] = smtp.messages
    assert message["To"] == "edith@gazette.invalid"
    assert message["Subject"] == "[Essai] Le télescope, et le reste"
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT  # nobody else got it
    assert not edition.deliveries.exists()


def sent_edition_with_departures(letter, article):
    """Three readers got the edition ten days ago; one left two days later, one nine."""
    from datetime import timedelta

    from django.utils import timezone

    from gazette.letters.models import Delivery

    now = timezone.now()
    sent = now - timedelta(days=10)
    edition = make_edition(letter, article, subject="L'édition d'il y a dix jours")
    Edition.objects.filter(pk=edition.pk).update(
        status=Edition.Status.SENT, started_at=sent, sent_at=sent, sent_count=3, failed_count=1
    )
    for number, left in enumerate([timedelta(days=2), timedelta(days=9), None]):
        reader = Subscriber.objects.create(email=f"lecteur{number}@exemple.org")
        Subscription.objects.create(
            subscriber=reader,
            letter=letter,
            confirmed_at=now - timedelta(days=40 + number),
            unsubscribed_at=sent + left if left else None,
        )
        Delivery.objects.create(edition=edition, subscriber=reader, status="sent", sent_at=sent)
    return edition


def test_each_edition_shows_sent_failed_and_who_left_within_seven_days(editor, letter, article):
    sent_edition_with_departures(letter, article)
    listing = editor.get(reverse("wagtailsnippets_letters_edition:list")).content.decode()
    assert "Désabonnés sous 7 jours" in listing
    figures = editor.get(reverse("wagtailsnippets_letters_letter:figures", args=[letter.pk]))
    html = figures.content.decode()
    assert figures.status_code == 200
    assert "1 abonné confirmé aujourd’hui" in html or "1 abonné confirmé aujourd'hui" in html
    row = html[html.index("L&#x27;édition d&#x27;il y a dix jours") :]
    cells = [cell.split("</td>")[0] for cell in row.split("<td>")[2:5]]
    assert [c.strip() for c in cells] == ["3", "1", "1"]  # sent, failed, left within 7 days
    assert "Aucune ouverture" in html


def test_the_growth_chart_is_drawn_by_the_server_day_by_day(editor, letter, article):
    from django.utils import timezone

    from gazette.letters.figures import readers_per_day

    sent_edition_with_departures(letter, article)
    points = readers_per_day(letter, today=timezone.localdate())
    assert len(points) == 30
    assert points[0][1] == 3 and points[-1][1] == 1  # three readers, then two left
    html = editor.get(
        reverse("wagtailsnippets_letters_letter:figures", args=[letter.pk])
    ).content.decode()
    chart = html.split('aria-labelledby="letter-chart-title')[1].split("</svg>")[0]
    assert chart.count("<rect ") == 30 and "<script" not in chart
    assert "Abonnés confirmés, jour par jour" in html
    listing = editor.get(reverse("wagtailsnippets_letters_letter:list")).content.decode()
    assert reverse("wagtailsnippets_letters_letter:figures", args=[letter.pk]) in listing


@pytest.mark.parametrize("group", [WRITER, MODERATOR])
def test_writers_and_moderators_do_not_reach_the_figures(client, django_user_model, letter, group):
    client.force_login(user_in(django_user_model, group, "quelquun"))
    response = client.get(reverse("wagtailsnippets_letters_letter:figures", args=[letter.pk]))
    assert response.status_code in (302, 403)
    assert "abonné" not in response.content.decode()
