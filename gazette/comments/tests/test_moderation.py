"""Moderation policies, the moderators' actions, and the purge they trigger after commit."""

import pytest
from django.core import mail

from gazette.comments import services
from gazette.comments.models import Comment, ModerationSettings
from gazette.comments.signals import comment_changed
from gazette.news.tests.factories import make_article

from .factories import make_comment

pytestmark = pytest.mark.django_db


def submit(article, email="claire@exemple.fr", text="Un avis.", **fields):
    return services.submit_comment(
        article=article, author_name="Claire", author_email=email, text=text, **fields
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the end of a request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def purged():
    """Articles announced through `comment_changed`: a real receiver, as the cache purge is."""
    articles = []

    def receiver(sender, article, **kwargs):
        articles.append(article.pk)

    comment_changed.connect(receiver, dispatch_uid="test-purged")
    yield articles
    comment_changed.disconnect(dispatch_uid="test-purged")


@pytest.mark.parametrize(
    ("policy", "earlier", "status"),
    [
        ("all", None, "pending"),
        ("all", "approved", "pending"),
        ("first_time", None, "pending"),
        ("first_time", "pending", "pending"),
        ("first_time", "spam", "pending"),
        ("first_time", "approved", "approved"),
        ("none", None, "approved"),
    ],
)
def test_moderation_policy(article, moderation, policy, earlier, status):
    moderation.policy = policy
    moderation.save()
    if earlier:
        make_comment(article, "Plus tôt", status=earlier, author_email="Claire@Exemple.fr")

    assert submit(article).status == status


@pytest.mark.parametrize("policy", ["first_time", "none"])
def test_suspicious_comment_waits_whatever_the_policy(article, moderation, policy):
    moderation.policy = policy
    moderation.save()
    make_comment(article, "Plus tôt", author_email="claire@exemple.fr")

    comment = submit(article, text="https://a.fr https://b.fr https://c.fr")

    assert comment.status == Comment.Status.PENDING
    assert comment.spam_score == 30 and comment.spam_reasons


def test_approval_is_announced_after_commit(article, moderation, moderator, purged, committed):
    with committed():
        comment = submit(article)
    assert purged == []

    with committed():
        services.approve_comment(comment, moderator=moderator)
        assert purged == []  # not before the commit: the proxy would refetch the old page

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == moderator and comment.moderated_at
    assert purged == [article.pk]


@pytest.mark.parametrize(
    ("before", "action", "announced"),
    [
        ("pending", services.mark_spam, False),
        ("pending", services.trash_comment, False),
        ("approved", services.mark_spam, True),
        ("approved", services.trash_comment, True),
        ("spam", services.approve_comment, True),
    ],
)
def test_removing_a_published_comment_is_announced(
    article, moderation, moderator, purged, committed, before, action, announced
):
    comment = make_comment(article, status=before)

    with committed():
        action(comment, moderator=moderator)

    assert Comment.objects.filter(pk=comment.pk, status=comment.status).exists()
    assert (purged == [article.pk]) is announced


def test_bulk_moderation_purges_each_article_once(
    article, section, moderation, moderator, purged, committed
):
    other = make_article(section, "Autre")
    comments = [make_comment(a, status="pending") for a in (article, article, article, other)]

    with committed():
        count = services.moderate_comments(comments, status="approved", moderator=moderator)

    assert count == 4
    assert Comment.objects.visible().count() == 4
    assert sorted(purged) == sorted([article.pk, other.pk])


def test_edit_keeps_track_and_purges(article, moderation, moderator, purged, committed):
    comment = make_comment(article, "Un txte avec une faute.")

    with committed():
        services.edit_comment(
            comment,
            moderator=moderator,
            author_name="Lecteur",
            author_url="",
            text="Un texte sans faute.",
        )

    comment.refresh_from_db()
    assert comment.text == "Un texte sans faute." and comment.edited_at
    assert purged == [article.pk]


def test_newsroom_reply_is_published_signed_and_approves_its_parent(
    article, moderation, moderator, purged, committed
):
    question = make_comment(article, "Une question ?", status="pending")

    with committed():
        reply = services.reply_as_newsroom(
            parent=question, text="Une réponse.", moderator=moderator
        )

    question.refresh_from_db()
    assert question.status == reply.status == Comment.Status.APPROVED
    assert reply.is_newsroom and reply.parent == question
    assert reply.author_name == "Mona Vidal"
    assert purged and set(purged) == {article.pk}


def test_newsroom_reply_without_a_full_name_is_signed_la_redaction(article, moderation, moderator):
    moderator.first_name = moderator.last_name = ""
    reply = services.reply_as_newsroom(
        parent=make_comment(article), text="Merci.", moderator=moderator
    )
    assert reply.author_name == "La rédaction"


def test_moderators_get_an_email_for_a_pending_comment_when_asked(
    article, moderation, moderator, settings, committed
):
    settings.WAGTAILADMIN_BASE_URL = "https://gazette.exemple.fr"
    moderation.notify_moderators = False  # on by default (test_quick_moderation.py)
    moderation.save()
    with committed():
        submit(article, email="sans-notification@exemple.fr")
    assert mail.outbox == []

    moderation.notify_moderators = True
    moderation.save()
    with committed():
        submit(article, text="Un autre avis.")
        spam = submit(article, text="Pourriel", honeypot="x")

    [message] = mail.outbox
    assert message.to == ["mona@gazette.invalid"]
    assert "La ville tient bon" in message.subject
    assert "Un autre avis." in message.body
    assert "https://gazette.exemple.fr/admin/snippets/comments/comment/?status=pending" in (
        message.body
    )
    assert spam.status == Comment.Status.SPAM


def test_comment_without_form_token_is_accepted_from_code(article, moderation):
    """The demo loader and imports call the service directly: no time trap, no token."""
    moderation.min_seconds = 60
    moderation.policy = ModerationSettings.Policy.NONE
    moderation.save()

    assert submit(article).status == Comment.Status.APPROVED


def test_deleting_a_published_comment_for_good_is_announced(article, purged, committed):
    published, waiting = make_comment(article), make_comment(article, status="pending")

    with committed():
        waiting.delete()
    assert purged == []

    with committed():
        published.delete()
    assert purged == [article.pk]
