from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import Comment
from .queue import ModerationPanel
from .viewsets import ApproveBulkAction, CommentsViewSetGroup, SpamBulkAction, TrashBulkAction

register_snippet(CommentsViewSetGroup)
for bulk_action in (ApproveBulkAction, SpamBulkAction, TrashBulkAction):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    panels.append(ModerationPanel())


@hooks.register("insert_global_admin_js")
def moderation_shortcuts():
    return format_html('<script src="{}" defer></script>', static("comments/moderation.js"))


@hooks.register("insert_global_admin_css")
def pending_count_badge():
    """The menu is drawn by a script from JSON labels, which can carry no badge: the count is
    the content of the « Commentaires » item's ::after, with its spoken alternative. One COUNT
    on an indexed column per admin page."""
    link = format_html('<link rel="stylesheet" href="{}">', static("comments/moderation.css"))
    pending = Comment.objects.pending().count()
    if not pending:
        return link
    spoken = ngettext(
        "%(count)s comment awaiting moderation", "%(count)s comments awaiting moderation", pending
    ) % {"count": pending}
    return format_html(
        '{}<style>.comments-pending::after {{ content: "{}" / "{}"; }}</style>',
        link,
        pending,
        spoken,
    )
