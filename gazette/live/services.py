"""Posting, editing and withdrawing live entries: each one purge of `live:<page id>`.

Not in `save()`: the admin's views and the tests share these, and a save that is not an
editor's act (a migration, a shell) must not mark an entry « modifié ». The purge waits for the
commit (`invalidation.purge`), or a reader's poll could be rendered and kept from the rows of
before the entry."""

from django.utils import timezone

from gazette.core import invalidation

from .models import LiveEntry, live_key


def publish_entry(entry: LiveEntry, *, user) -> LiveEntry:
    entry.user = user
    entry.published_at = timezone.now()
    entry.save()
    invalidation.purge([live_key(entry.page_id)])
    return entry


def edit_entry(entry: LiveEntry) -> LiveEntry:
    """Readers see « modifié à 14 h 40 »: a live entry is quoted and shared as soon as it is
    out, so a change is never silent."""
    entry.edited_at = timezone.now()
    entry.save()
    invalidation.purge([live_key(entry.page_id)])
    return entry


def withdraw_entry(entry: LiveEntry) -> None:
    """Kept, not deleted: the desk can say what was withdrawn and why, and its number never
    comes back as another entry's anchor."""
    entry.withdrawn = True
    entry.edited_at = timezone.now()
    entry.save(update_fields=["withdrawn", "edited_at"])
    invalidation.purge([live_key(entry.page_id)])


def may_post(user, page) -> bool:
    """The desk: whoever may edit the live page (Rédacteurs and Éditeurs)."""
    return page.permissions_for_user(user).can_edit()


def may_change(user, entry: LiveEntry) -> bool:
    """Éditeurs (who may publish the page) change any entry; a Rédacteur their own."""
    permissions = entry.page.permissions_for_user(user)
    return permissions.can_publish() or (entry.user_id == user.pk and permissions.can_edit())
