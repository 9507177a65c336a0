"""Site settings read from the cache, not from the database, on every page.

Every public page shows the site's settings (its name in the title, the follow links, whether
comments are open): with Wagtail's `for_site`, one query each per render. They change a few
times a year, so a copy is kept with the key `settings` (gazette/core/invalidation.py), which
every page that reads them records, and saving settings purges it: the pages and fragments
that showed them, and the copy itself, in every process (within a second in the embedded
shape).
"""

from django.conf import settings

from . import invalidation

PREFIX = "gazette:setting:v2:"
KEY = "settings"


class CachedSiteSettingMixin:
    """For a `BaseSiteSetting`: `for_site` from the cache, `save` purges what showed it."""

    @classmethod
    def for_request(cls, request):
        """Wagtail keeps the instance on the request once read: a second part of the page
        that shows it would not read it again, so it is recorded at each ask."""
        invalidation.record(KEY)
        return super().for_request(request)

    @classmethod
    def for_site(cls, site):
        if site is None:  # no site answers this host: Wagtail says so its own way
            return super().for_site(site)
        invalidation.record(KEY)
        parent = super()
        return invalidation.cached(
            f"{PREFIX}{cls._meta.label_lower}:{site.pk}",
            lambda: parent.for_site(site),
            timeout=settings.GAZETTE_SHARED_MAX_AGE,
            keys=(KEY,),
        )

    def save(self, *args, **kwargs):
        edited = not self._state.adding  # a first read creates the row: nothing to forget
        super().save(*args, **kwargs)
        if edited:
            invalidation.purge([KEY])
