"""Writes on comments: submission, moderation, the newsroom's replies, personal data.

Each change readers can see ends in `comment_changed`, sent after the commit (see signals.py),
so that the page caches are purged once the new state is visible to every connection.
"""

import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from gazette.news.models import ArticlePage

from . import spam
from .models import NAME_MAX_LENGTH, USER_AGENT_MAX_LENGTH, Comment, ModerationSettings
from .signals import announce
from .tasks import email_moderators
from .tokens import FormToken


def submit_comment(
    *,
    article: ArticlePage,
    author_name: str,
    author_email: str,
    text: str,
    author_url: str = "",
    parent: Comment | None = None,
    ip_address: str | None = None,
    user_agent: str = "",
    honeypot: str = "",
    form_token: FormToken | None = None,
) -> Comment:
    """Score, decide and store a reader's comment; the caller answers only after this returns,
    so a reader told « en attente » has a comment in the database.

    Spam is stored too (status SPAM, with its reasons): a false positive must be recoverable.
    One form token, one text, one address make one submission: sent twice (a double click, a
    retry after a lost answer) it is stored once and the first comment is returned, even when
    both requests race, thanks to the unique `submission_key`.
    """
    key = _submission_key(form_token, author_email, text)
    if key and (existing := Comment.objects.filter(submission_key=key).first()):
        return existing
    moderation = ModerationSettings.for_site(article.get_site())
    verdict = spam.assess(
        spam.Submission(
            article_id=article.pk,
            author_name=author_name,
            author_email=author_email,
            author_url=author_url,
            text=text,
            ip_address=ip_address,
            honeypot=honeypot,
            seconds_to_fill=form_token.age() if form_token else None,
            confirming=bool(form_token and form_token.confirming),
        ),
        moderation,
    )
    comment = Comment(
        article=article,
        parent=parent,
        author_name=author_name,
        author_email=author_email,
        author_url=author_url,
        text=text,
        status=_status_for(verdict, moderation, author_email),
        ip_address=ip_address,
        user_agent=user_agent[:USER_AGENT_MAX_LENGTH],
        spam_score=verdict.score,
        spam_reasons=verdict.reasons,
        submission_key=key,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        if key is None:
            raise
        return Comment.objects.get(submission_key=key)
    if comment.status == Comment.Status.APPROVED:
        announce({article.pk})
    elif comment.status == Comment.Status.PENDING and moderation.notify_moderators:
        transaction.on_commit(lambda: email_moderators.enqueue(comment.pk))
    return comment


def _submission_key(form_token: FormToken | None, email: str, text: str) -> str | None:
    if form_token is None:
        return None
    return hashlib.sha256(f"{form_token.nonce}\0{email.lower()}\0{text}".encode()).hexdigest()


def _status_for(verdict: spam.Verdict, moderation: ModerationSettings, email: str) -> str:
    if verdict.is_spam:
        return Comment.Status.SPAM
    if verdict.reasons or moderation.policy == ModerationSettings.Policy.ALL:
        return Comment.Status.PENDING
    if moderation.policy == ModerationSettings.Policy.FIRST_TIME:
        if not email or not Comment.objects.visible().by_email(email).exists():
            return Comment.Status.PENDING
    return Comment.Status.APPROVED


def moderate_comments(comments, *, status: str, moderator) -> int:
    """One UPDATE for the whole selection, one purge per article whose page changes: a bulk
    approval of 50 comments on one article purges it once."""
    comments = list(comments)
    now = timezone.now()
    touched = {c.article_id for c in comments if Comment.Status.APPROVED in (c.status, status)}
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        status=status, moderated_by=moderator, moderated_at=now
    )
    for comment in comments:
        comment.status, comment.moderated_by, comment.moderated_at = status, moderator, now
    announce(touched)
    return len(comments)


def approve_comment(comment: Comment, *, moderator) -> None:
    moderate_comments([comment], status=Comment.Status.APPROVED, moderator=moderator)


def mark_spam(comment: Comment, *, moderator) -> None:
    moderate_comments([comment], status=Comment.Status.SPAM, moderator=moderator)


def trash_comment(comment: Comment, *, moderator) -> None:
    moderate_comments([comment], status=Comment.Status.TRASH, moderator=moderator)


def edit_comment(
    comment: Comment, *, moderator, author_name: str, author_url: str, text: str
) -> None:
    """Moderators fix a typo or cut an insult; `edited_at` tells readers the text was changed."""
    comment.author_name, comment.author_url, comment.text = author_name, author_url, text
    comment.edited_at = comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.save(
        update_fields=[
            "author_name",
            "author_url",
            "text",
            "edited_at",
            "moderated_at",
            "moderated_by",
        ]
    )
    if comment.status == Comment.Status.APPROVED:
        announce({comment.article_id})


def reply_as_newsroom(*, parent: Comment, text: str, moderator) -> Comment:
    """Published at once, signed with the moderator's full name (never the login name) or
    « La rédaction », and marked as the newsroom's. Answering a comment still in the queue
    approves it too, as WordPress's « Approuver et répondre » does: a reply must not show
    without what it answers."""
    with translation.override(settings.LANGUAGE_CODE):
        name = moderator.get_full_name().strip() or gettext("The newsroom")
    now = timezone.now()
    with transaction.atomic():
        if parent.status != Comment.Status.APPROVED:
            approve_comment(parent, moderator=moderator)
        reply = Comment.objects.create(
            article_id=parent.article_id,
            parent=parent,
            author_name=name[:NAME_MAX_LENGTH],
            author_email=moderator.email,
            text=text,
            status=Comment.Status.APPROVED,
            is_newsroom=True,
            moderated_by=moderator,
            moderated_at=now,
        )
    announce({parent.article_id})
    return reply


def export_commenter_data(email: str) -> dict:
    """Everything stored about the author of this address, as a reader may ask (RGPD art. 15)."""
    comments = Comment.objects.by_email(email).select_related("article").order_by("created_at")
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "article_url": comment.article.full_url,
                "in_reply_to": comment.parent_id,
                "name": comment.author_name,
                "email": comment.author_email,
                "website": comment.author_url,
                "text": comment.text,
                "status": comment.status,
                "sent_at": comment.created_at.isoformat(timespec="seconds"),
                "edited_at": comment.edited_at.isoformat(timespec="seconds")
                if comment.edited_at
                else None,
                "ip_address": comment.ip_address,
                "browser": comment.user_agent,
            }
            for comment in comments
        ],
    }


def erase_commenter(email: str) -> dict[str, int]:
    """Erase a reader's personal data (RGPD art. 17).

    Comments never published (pending, spam, bin) are deleted outright: nobody read them.
    Published ones stay in the discussion, which replies may quote, but lose everything that
    points to their author: the name becomes « Anonyme », the e-mail, website, IP address and
    browser are erased. The text stays: it is what the reader chose to publish; a moderator
    can still edit or bin it if the reader asks.
    """
    comments = Comment.objects.by_email(email)
    with translation.override(settings.LANGUAGE_CODE):
        anonymous = gettext("Anonymous")
    with transaction.atomic():
        published = comments.visible()
        articles = set(published.values_list("article_id", flat=True))
        anonymised = published.update(
            author_name=anonymous, author_email="", author_url="", ip_address=None, user_agent=""
        )
        deleted, _ = comments.exclude(status=Comment.Status.APPROVED).delete()
    announce(articles)
    return {"anonymised": anonymised, "deleted": deleted}
