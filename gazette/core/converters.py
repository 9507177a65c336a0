"""Path converters of our URLs, registered by `CoreConfig.ready()` (once: Django warns when a
name is registered again)."""

from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    """A database id, `<id:article_id>`: at most 18 digits. Django's `int` takes any length,
    and a number past 2⁶³ makes SQLite raise OverflowError and PostgreSQL a DataError, a 500
    where there is simply no such page."""

    regex = "[0-9]{1,18}"


MAX_ID = 10**18 - 1  # the largest IdConverter takes
