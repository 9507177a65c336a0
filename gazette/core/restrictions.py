"""Is any page of the site private? Usually not, and then no page needs asking.

Wagtail checks every page it serves for a view restriction (a password, logged-in readers,
groups) on the page and its ancestors: two queries per render. A newsroom rarely restricts
anything, so whether any restriction exists at all is kept under the fragments' generation
(gazette/core/fragments.py), and only when one does are pages asked one by one.

Adding or removing a restriction bumps that generation and purges every cached page (the app's
and the proxy's): a page that has just become private must not be served from a copy made
while it was public.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from . import fragments

PREFIX = "gazette:restrictions:"


def any_exist() -> bool:
    key = f"{PREFIX}{fragments.generation()}"
    found = cache.get(key)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(key, found, timeout=None)
    return found


def allows(request, page) -> bool:
    """Whether this reader may see `page`: the check Wagtail makes before serving it (its own
    restrictions and its ancestors'; a password typed earlier is kept in the session), for the
    views around a page that Wagtail does not serve (its comment form). No query while no page
    of the site is private."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def register_signal_handlers():
    post_save.connect(
        fragments.everything_changed_on_save,
        sender=PageViewRestriction,
        dispatch_uid="core-restrictions",
    )
    post_delete.connect(
        fragments.everything_changed_on_save,
        sender=PageViewRestriction,
        dispatch_uid="core-restrictions-d",
    )
