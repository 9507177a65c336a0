"""Readers get the article page from caches: after a comment change, drop the stale copies.

The comments block records `comments:12` when it is shown (templatetags/comments.py): what
shows an article's comments is purged by that key, and nothing else is. A proxy outage is
logged, not raised: it must not stop a moderator approving a comment."""

from gazette.core import invalidation


def key_of(article_id: int) -> str:
    return f"comments:{article_id}"


def purge_article(article) -> None:
    """After the commit, in the app's page cache and the proxy in front."""
    invalidation.purge([key_of(article.pk)])
