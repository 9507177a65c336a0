from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import ApproveBulkAction, CommentsViewSetGroup, SpamBulkAction, TrashBulkAction

register_snippet(CommentsViewSetGroup)
for bulk_action in (ApproveBulkAction, SpamBulkAction, TrashBulkAction):
    hooks.register("register_bulk_action", bulk_action)
