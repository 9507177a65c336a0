"""The comments block of the cached article page: the same bytes for every reader, nothing
private in them, and a query count that does not grow with the number of comments."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gazette.comments.models import Comment
from gazette.core.tests.queries import without_purge_sync
from gazette.news.tests.factories import make_article

from .factories import make_comment

pytestmark = pytest.mark.django_db


def comments_html(client, article) -> str:
    html = client.get(article.url).content.decode()
    return html[
        html.index('<section class="comments"') : html.index(
            "</section>", html.index('<section class="comments"')
        )
    ]


@pytest.mark.parametrize(
    ("approved", "heading"),
    [(0, "Aucun commentaire"), (1, "1 commentaire"), (3, "3 commentaires")],
)
def test_count_heading(client, article, moderation, approved, heading):
    for n in range(approved):
        make_comment(article, f"Commentaire {n}")
    make_comment(article, "En attente", status=Comment.Status.PENDING)
    make_comment(article, "Pourriel", status=Comment.Status.SPAM)

    assert f'<h2 id="commentaires-titre">{heading}</h2>' in comments_html(client, article)


def test_only_approved_comments_show(client, article, moderation):
    make_comment(article, "Publié")
    for status in [Comment.Status.PENDING, Comment.Status.SPAM, Comment.Status.TRASH]:
        make_comment(article, f"Statut {status}", status=status)

    html = comments_html(client, article)

    assert "Publié" in html
    assert "Statut" not in html


def test_replies_nest_three_levels_then_stay_at_the_third(client, article, moderation):
    first = make_comment(article, "Niveau 1", author_name="Alice")
    second = make_comment(article, "Niveau 2", parent=first)
    third = make_comment(article, "Niveau 3", parent=second, author_name="Bruno")
    fourth = make_comment(article, "Niveau 4", parent=third)

    html = comments_html(client, article)

    def depth(comment):
        start = html.index(f'id="{comment.anchor}"')
        before = html[:start]
        return before.count('<ol class="comment-replies">') - before.count("</ol>") + 1

    assert [depth(c) for c in (first, second, third, fourth)] == [1, 2, 3, 3]
    fourth_html = html[html.index(f'id="{fourth.anchor}"') :]
    assert f'<a href="#{third.anchor}">En réponse à Bruno</a>' in fourth_html.split("</li>")[0]


def test_reply_lists_close_where_their_thread_ends(client, article, moderation):
    """The block's one loop closes each reply list after the last comment of its thread."""
    first = make_comment(article, "Fil A")
    reply = make_comment(article, "Fil A, réponse", parent=first)
    make_comment(article, "Fil A, réponse à la réponse", parent=reply)
    second = make_comment(article, "Fil B")
    make_comment(article, "Fil B, réponse", parent=second)

    html = comments_html(client, article)

    before_second = html[: html.index(f'id="{second.anchor}"')]
    assert before_second.count('<ol class="comment-replies">') == before_second.count("</ol>") == 2
    assert before_second.count('<li class="comment"') == before_second.count("</li>") + 1 == 4
    assert html.count('<li class="comment"') == html.count("</li>") == 5
    assert html.count('<ol class="comment-replies">') == 3


def test_each_comment_has_anchor_author_link_date_and_reply_link(client, article, moderation):
    comment = make_comment(
        article,
        author_name="Alice",
        author_url="https://alice.exemple.fr/",
        created_at=timezone.make_aware(timezone.datetime(2025, 7, 8, 14, 30)),
    )

    html = comments_html(client, article)

    assert f'<li class="comment" id="commentaire-{comment.pk}">' in html
    assert '<a href="https://alice.exemple.fr/" rel="nofollow ugc">Alice</a>' in html
    date = "le\xa08\xa0juillet 2025 à\xa014\xa0h\xa030"
    assert f'<time datetime="2025-07-08T14:30:00+02:00">{date}</time>' in html
    assert f'href="/commentaires/{article.pk}/envoyer/?repondre={comment.pk}"' in html
    assert f'data-reply="{comment.pk}"' in html


def test_text_is_escaped_keeps_line_breaks_and_links_bare_urls(client, article, moderation):
    make_comment(
        article,
        "<script>alert(1)</script> <b>gras</b>\n"
        "Deuxième ligne : voir https://exemple.fr/page?a=1&b=2.\n\nNouveau paragraphe",
        author_name="<b>Alice</b>",
        author_url="javascript:alert(1)",
    )

    html = comments_html(client, article)

    assert "<script>alert" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;gras&lt;/b&gt;<br>Deuxième ligne" in html
    assert (
        '<a href="https://exemple.fr/page?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://exemple.fr/page?a=1&amp;b=2</a>." in html
    )
    assert "</p><p>Nouveau paragraphe</p>" in html
    assert "javascript:" not in html
    assert "&lt;b&gt;Alice&lt;/b&gt;" in html


def test_newsroom_reply_is_marked(client, article, moderation):
    make_comment(article, "Merci de votre lecture.", is_newsroom=True, author_name="Mona Vidal")

    html = comments_html(client, article)

    assert '<li class="comment comment-newsroom"' in html
    assert '<span class="comment-badge">Rédaction</span>' in html


def test_open_article_shows_the_form_without_any_csrf_token(client, article, moderation):
    html = comments_html(client, article)

    assert "<h3>Laisser un commentaire</h3>" in html
    assert 'class="comment-open" hidden>Commenter</button>' in html
    assert f'action="/commentaires/{article.pk}/envoyer/"' in html
    for label in ["Nom", "E-mail", "Site web", "Commentaire"]:
        assert re.search(
            rf"<label for=\"id_\w+\">{label}( <span class=\"required\"|</label>)", html
        )
    assert "Votre adresse e-mail ne sera pas publiée." in html
    assert "Les champs obligatoires sont indiqués avec *" in html
    assert ">Envoyer</button>" in html
    assert '<input type="hidden" name="token" value="">' in html
    assert "csrfmiddlewaretoken" not in html
    assert 'id="commentaire-en-attente" role="status"' in html


def test_closed_article_shows_comments_but_no_form(client, section, moderation):
    article = make_article(section, "Fermé", comments_open=False)
    make_comment(article, "Un ancien commentaire")

    html = comments_html(client, article)

    assert "Un ancien commentaire" in html
    assert "Les commentaires sont fermés." in html
    assert "<form" not in html and "Répondre" not in html


@pytest.mark.parametrize(("age_days", "is_open"), [(9, True), (11, False)])
def test_comments_close_n_days_after_first_publication(
    client, section, moderation, age_days, is_open
):
    moderation.close_after_days = 10
    moderation.save()
    article = make_article(section, "Daté")
    article.first_published_at = timezone.now() - timedelta(days=age_days)
    article.save(update_fields=["first_published_at"])

    html = comments_html(client, article)

    assert ("<form" in html) is is_open
    assert ("Les commentaires sont fermés." in html) is not is_open


def test_page_sets_no_cookie_and_stays_public(client, article, moderation):
    make_comment(article)

    response = client.get(article.url)

    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "cookie" not in response.get("Vary", "").lower()


def queries_for(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(without_purge_sync(queries))


def test_query_count_is_the_same_for_2_and_30_comments(client, settings, article, moderation):
    settings.GAZETTE_FRAGMENT_CACHE = False  # every part rendered: what a cold render costs

    def add(count):
        parent = None
        for n in range(count):
            parent = make_comment(article, f"Commentaire {n}", parent=parent if n % 3 else None)

    add(2)
    with_two = queries_for(client, article.url)
    add(28)
    with_thirty = queries_for(client, article.url)

    assert with_thirty == with_two


def test_email_address_never_reaches_the_page(client, article, moderation):
    for status in Comment.Status:
        make_comment(
            article,
            f"Statut {status}",
            status=status,
            author_email=f"secret-{status}@exemple.fr",
            ip_address="198.51.100.4",
        )

    html = client.get(article.url).content.decode()

    assert "secret-" not in html and "@exemple.fr" not in html
    assert "198.51.100.4" not in html


def test_the_comments_stylesheet_is_linked_once_in_the_head(client, article, moderation):
    """In the body it let the browser paint the article alone, then move it when « Les + Lus »
    opened its column (e2e/test_reading.py measures the shift)."""
    html = client.get(article.url).content.decode()
    head, body = html.split("</head>", 1)
    assert head.count("comments/comments.") == 1
    assert 'rel="stylesheet"' not in body
    form_page = client.get(reverse("comments:submit", args=[article.pk])).content.decode()
    assert "comments/comments." in form_page.split("</head>", 1)[0]
