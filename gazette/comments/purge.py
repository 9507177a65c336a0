"""Readers get the article page from caches: after a comment change, drop the stale copies."""

from django.apps import apps


def purge_article(article) -> None:
    """Purge the article page from the proxy or CDN through Wagtail's frontend cache, when
    `wagtail.contrib.frontend_cache` is installed; the embedded shape has no shared cache.
    Wagtail sends the purge from a task and its backends log a failure rather than raise it:
    a proxy outage must not stop a moderator approving a comment.

    The app-level page cache (« Speed and scale-out ») does not exist yet; when it comes, its
    copy of the article URL is deleted here too, and this function becomes a call to the one
    function that purges a page's URLs.
    """
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

        purge_page_from_cache(article)
