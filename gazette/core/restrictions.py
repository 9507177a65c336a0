"""Is any page of the site private? Usually not, and then no page needs asking.

Wagtail checks every page it serves for a view restriction (a password, logged-in readers,
groups) on the page and its ancestors: two queries per render. A newsroom rarely restricts
anything, so whether any restriction exists at all is kept in the cache, and only when one
does are pages asked one by one.

Adding or removing a restriction purges everything (gazette/core/invalidation.py): that copy
and every cached page, the app's and the proxy's. A page that has just become private must not
be served from a copy made while it was public, and the lists that showed it (la une, feeds,
search, sitemaps) must drop it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from . import invalidation

KEY = "gazette:restrictions:v2"


def any_exist() -> bool:
    return invalidation.cached(KEY, PageViewRestriction.objects.exists, shown=False)


def allows(request, page) -> bool:
    """Whether this reader may see `page`: the check Wagtail makes before serving it (its own
    restrictions and its ancestors'; a password typed earlier is kept in the session), for the
    views around a page that Wagtail does not serve (its comment form). No query while no page
    of the site is private."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def register_signal_handlers():
    post_save.connect(
        invalidation.everything_changed_on_save,
        sender=PageViewRestriction,
        dispatch_uid="core-restrictions",
    )
    post_delete.connect(
        invalidation.everything_changed_on_save,
        sender=PageViewRestriction,
        dispatch_uid="core-restrictions-d",
    )
