"""Site settings read from the cache, not from the database, on every page.

Every public page shows the site's settings (its name in the title, the follow links, whether
comments are open): with Wagtail's `for_site`, one query each per render. They change a few
times a year, so a copy is kept under the fragments' generation (gazette/core/fragments.py),
and saving settings bumps it: every process reads them again, within a second in the
embedded shape.
"""

from django.conf import settings
from django.core.cache import cache

from . import fragments

PREFIX = "gazette:setting:"


class CachedSiteSettingMixin:
    """For a `BaseSiteSetting`: `for_site` from the cache, `save` invalidates it."""

    @classmethod
    def for_site(cls, site):
        if site is None:  # no site answers this host: Wagtail says so its own way
            return super().for_site(site)
        key = f"{PREFIX}{cls._meta.label_lower}:{site.pk}:{fragments.generation()}"
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, timeout=settings.GAZETTE_SHARED_MAX_AGE)
        return instance

    def save(self, *args, **kwargs):
        edited = not self._state.adding  # a first read creates the row: nothing to forget
        super().save(*args, **kwargs)
        if edited:
            fragments.bump()
