"""Purging what readers see: the app's page cache and the proxy or CDN in front.

Every event that changes public pages (publishing, comments, « Les + Lus », settings) ends in
`purge_paths` with the exact paths it changed, or in `purge_everything` when every page shows
the change. Both wait for the transaction to commit: purged earlier, a page could be fetched
again from the database before the change is visible, and cached old.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.encoding import iri_to_uri

from . import page_cache

logger = logging.getLogger(__name__)


def purge_paths(paths) -> None:
    paths = sorted({path for path in paths if path and path.startswith("/")})
    if paths:
        transaction.on_commit(lambda: _purge_now(paths))


def purge_everything() -> None:
    transaction.on_commit(_purge_everything_now)


def _purge_now(paths: list[str]) -> None:
    page_cache.purge_paths_now(paths)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for backend in _frontend_backends():
        backend.purge_batch([base + iri_to_uri(path) for path in paths])


def _purge_everything_now() -> None:
    page_cache.purge_everything_now()
    for backend in _frontend_backends():
        if hasattr(backend, "purge_everything"):
            backend.purge_everything(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/")
        else:
            logger.warning("%s ne sait pas tout purger : les pages attendront s-maxage", backend)


def _frontend_backends():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    from wagtail.contrib.frontend_cache.utils import get_backends

    return get_backends().values()
