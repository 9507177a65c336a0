"""Readers get the article page from caches: after a comment change, drop the stale copies."""

from gazette.core.purge import purge_paths
from gazette.news.purging import page_path


def purge_article(article) -> None:
    """The article's own page is the only one showing its comments. The app's page cache and
    the proxy in front are purged after the commit; a proxy outage is logged, not raised: it
    must not stop a moderator approving a comment."""
    purge_paths([page_path(article)])
