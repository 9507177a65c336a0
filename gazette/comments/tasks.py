"""Background work on comments (django-tasks): the moderators' e-mail and the IP erasure.

E-mail leaves the request: a slow mail server must not keep a reader waiting for the
redirect, and a failed send is recorded by the task backend instead of losing the comment.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext
from django_tasks import task

from gazette.core.periodic import enqueue_unless_waiting
from gazette.news.newsroom import MODERATOR

from .models import Comment

ERASE_IPS_EVERY = timedelta(days=1)


@task()
def email_moderators(comment_id: int) -> int:
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0  # already moderated, or erased at the author's request
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=MODERATOR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    queue = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_comments_comment:list"
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Comment awaiting moderation: %(title)s") % {
            "title": comment.article.title
        }
        body = gettext(
            "%(name)s commented on « %(title)s »:\n\n%(excerpt)s\n\nModeration queue: %(url)s\n"
        ) % {
            "name": comment.author_name,
            "title": comment.article.title,
            "excerpt": Truncator(comment.text).chars(500),
            "url": f"{queue}?status={Comment.Status.PENDING}",
        }
    return send_mail(subject, body, None, recipients)


@task()
def erase_comment_ips() -> int:
    """Daily: readers' IP addresses are kept GAZETTE_COMMENT_IP_DAYS days for the anti-spam
    rules, then erased without anyone having to remember it."""
    try:
        return erase_old_ip_addresses(older_than_days=settings.GAZETTE_COMMENT_IP_DAYS)
    finally:
        schedule_ip_erasure(after=ERASE_IPS_EVERY)


def erase_old_ip_addresses(*, older_than_days: int) -> int:
    """IP addresses and browsers serve anti-spam (rate limit, blocklist) for a few weeks, then
    they are personal data with no purpose left: erased, not kept « just in case »."""
    return Comment.objects.with_ip_older_than(older_than_days).update(
        ip_address=None, user_agent=""
    )


def schedule_ip_erasure(*, after: timedelta = timedelta(0)) -> None:
    enqueue_unless_waiting(erase_comment_ips, after=after)
