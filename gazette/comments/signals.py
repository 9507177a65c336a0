"""`comment_changed`: what readers see of an article's comments has changed.

Sent after the transaction commits (approve, edit, remove, erase), with the article as
`article`: a receiver that refreshes a cache must not run before the change is visible to
other connections, or the proxy could fetch the old page again and keep it.
"""

from django.db import transaction
from django.dispatch import Signal

from gazette.news.models import ArticlePage

from .models import Comment

comment_changed = Signal()


def announce(article_ids: set[int]) -> None:
    """Send `comment_changed` once per article, after the commit; an article deleted in the
    meantime is skipped (Wagtail purges deleted pages itself)."""
    if not article_ids:
        return

    def send():
        for article in ArticlePage.objects.filter(pk__in=article_ids):
            comment_changed.send(sender=Comment, article=article)

    transaction.on_commit(send)
