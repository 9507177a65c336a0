"""Moderation at the newsroom's speed: one click approves, spams or bins a comment, from the
queue or from the dashboard panel, with no confirmation page and an « Annuler » that puts the
comment back where it was.

Every click is a POST with the CSRF token (a link a crawler or a prefetch could follow must
not publish a comment), and every POST checks the moderator's permission on that comment: a
Rédacteur who forges one is refused. Keyboard shortcuts (comments/static/comments/moderation.js)
press these same buttons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column

from .models import Comment
from .services import moderate_comments

MODERATE_PERMISSION = "comments.change_comment"
PANEL_SIZE = 10
# (status, button label, past participle for the message, shortcut key)
ACTIONS = (
    (Comment.Status.APPROVED, _("Approve"), _("approved"), "a"),
    (Comment.Status.SPAM, _("Spam"), _("moved to spam"), "s"),
    (Comment.Status.TRASH, _("Bin"), _("moved to the bin"), "c"),
)
DONE = {
    **{status: done for status, _label, done, _key in ACTIONS},
    Comment.Status.PENDING: _("put back in the queue"),
}


def queue_url() -> str:
    return f"{reverse('wagtailsnippets_comments_comment:list')}?status={Comment.Status.PENDING}"


def buttons_context(request, comment: Comment, *, next_url: str) -> dict:
    return {
        "comment": comment,
        "actions": [(s, label, key) for s, label, _done, key in ACTIONS if s != comment.status],
        "url": reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk]),
        "next": next_url,
        "csrf_token": get_token(request),
    }


@require_POST
def moderate_view(request, pk):
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    status = request.POST.get("status", "")
    if status not in Comment.Status.values:
        return HttpResponseBadRequest(gettext("Unknown moderation status."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = queue_url()
    previous = comment.status
    moderate_comments([comment], status=status, moderator=request.user)
    undo = render_to_string(
        "comments/admin/undo.html",
        {
            "message": gettext("Comment by %(name)s %(done)s.")
            % {"name": comment.author_name, "done": DONE[status]},
            "url": reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk]),
            "previous": previous,
            "next": next_url,
        },
        request=request,
    )
    messages.success(request, undo)
    return redirect(next_url)


class ModerationColumn(Column):
    """The queue's one-click buttons, one form per action."""

    cell_template_name = "comments/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        request = parent_context["request"]
        return {
            **super().get_cell_context_data(instance, parent_context),
            **buttons_context(request, instance, next_url=request.get_full_path()),
        }


class ModerationPanel(Component):
    """The modérateur's dashboard: how many wait, and the oldest ones, ready to moderate."""

    name = "moderation"
    template_name = "comments/admin/dashboard_panel.html"
    order = 50

    def render_html(self, parent_context=None):
        if not parent_context["request"].user.has_perm(MODERATE_PERMISSION):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        pending = Comment.objects.pending().select_related("article").order_by("created_at")
        home = reverse("wagtailadmin_home")
        return {
            "count": pending.count(),
            "comments": [
                buttons_context(request, comment, next_url=home) for comment in pending[:PANEL_SIZE]
            ],
            "queue_url": queue_url(),
        }
