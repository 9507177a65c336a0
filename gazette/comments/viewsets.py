"""The « Commentaires » area of the Wagtail admin, for the Modérateur group.

Wagtail's snippet views do the listing (filters, search, checkboxes) and the edit form; what
is ours goes through `services`: the bulk actions (approve, spam, bin), also offered on each
row as a one-comment selection, the edit, the newsroom's reply, and a reader's data request.
"""

import json
from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem as ButtonMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from gazette.core.admin_values import ShownFieldPanel, shown

from .models import BlocklistEntry, Comment
from .queue import ModerationColumn, moderate_view
from .services import (
    edit_comment,
    erase_commenter,
    export_commenter_data,
    moderate_comments,
    reply_as_newsroom,
)

DATA_PERMISSION = "comments.delete_comment"


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Comment.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Sent between"), widget=DateRangePickerWidget
    )
    article = django_filters.CharFilter(
        label=_("Article"), field_name="article__title", lookup_expr="icontains"
    )

    class Meta:
        model = Comment
        fields = ["status", "created_at", "article", "is_newsroom"]


def _bulk_action_url(action_type: str, comment: Comment, next_url: str) -> str:
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action_type))
    return f"{url}?{urlencode({'id': comment.pk, 'next': next_url})}"


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        """The bulk actions for this row alone, then the reply and the published comment."""
        buttons = super().get_list_more_buttons(instance)
        if not self.permission_policy.user_has_permission(self.request.user, "change"):
            return buttons
        next_url = self.request.get_full_path()
        for action in (ApproveBulkAction, SpamBulkAction, TrashBulkAction):
            if instance.status != action.status:
                buttons.append(
                    ButtonMenuItem(
                        action.display_name,
                        _bulk_action_url(action.action_type, instance, next_url),
                        icon_name=action.icon_name,
                        priority=action.action_priority,
                    )
                )
        buttons.append(
            ButtonMenuItem(
                _("Reply on behalf of the newsroom"),
                reverse("wagtailsnippets_comments_comment:reply", args=[quote(instance.pk)]),
                icon_name="comment",
                priority=50,
            )
        )
        if instance.status == Comment.Status.APPROVED:
            buttons.append(
                ButtonMenuItem(
                    _("View on the site"),
                    f"{instance.article.url}#{instance.anchor}",
                    icon_name="link-external",
                    priority=60,
                )
            )
        return buttons

    def get_add_url(self):
        """Comments come from readers or from « Répondre au nom de la rédaction »."""
        return None


class CommentEditView(EditView):
    def save_instance(self):
        comment = self.form.instance
        edit_comment(
            comment,
            moderator=self.request.user,
            author_name=comment.author_name,
            author_url=comment.author_url,
            text=comment.text,
        )
        log(comment, "wagtail.edit", user=self.request.user)
        return comment


class CommentInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        return shown(super().get_field_display_value(field_name, field))


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=Comment._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


def reply_view(request, pk):
    if not request.user.has_perm("comments.change_comment"):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reply = reply_as_newsroom(
            parent=comment, text=form.cleaned_data["text"], moderator=request.user
        )
        messages.success(
            request,
            gettext("Reply published on « %(title)s ».") % {"title": comment.article.title},
            buttons=[messages.button(f"{comment.article.url}#{reply.anchor}", gettext("View"))],
        )
        return redirect("wagtailsnippets_comments_comment:list")
    return TemplateResponse(
        request,
        "comments/admin/reply.html",
        {
            "comment": comment,
            "form": form,
            "page_title": gettext("Reply on behalf of the newsroom"),
        },
    )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("All comments")
    index_view_class = CommentIndexView
    index_template_name = "comments/admin/index.html"  # the keyboard shortcuts, documented
    edit_view_class = CommentEditView
    inspect_view_enabled = True
    inspect_view_class = CommentInspectView
    inspect_view_fields_exclude = ["submission_key"]
    filterset_class = CommentFilterSet
    search_fields = ["text", "author_name", "author_email"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "__str__",
        "article",
        "author_name",
        Column(
            "spam",
            label=_("Spam score"),
            accessor=lambda c: (
                f"{c.spam_score} – {' '.join(c.spam_reasons)}" if c.spam_reasons else c.spam_score
            ),
            sort_key="spam_score",
        ),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda c: c.status == Comment.Status.PENDING,
            sort_key="status",
        ),
        DateColumn("created_at", label=_("Sent on"), sort_key="created_at"),
        ModerationColumn("moderation", label=_("Moderate")),
    ]
    panels = [
        FieldPanel("author_name"),
        FieldPanel("author_url"),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                ShownFieldPanel("article", read_only=True),
                ShownFieldPanel("status", read_only=True),
                ShownFieldPanel("author_email", read_only=True),
                ShownFieldPanel("created_at", read_only=True),
                ShownFieldPanel("spam_score", read_only=True),
                ShownFieldPanel("spam_reasons", read_only=True),
                ShownFieldPanel("ip_address", read_only=True),
            ],
            heading=_("As received"),
        ),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("article")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reply/<int:pk>/", reply_view, name="reply"),
            path("moderate/<int:pk>/", moderate_view, name="moderate"),
        ]


class BlocklistViewSet(SnippetViewSet):
    model = BlocklistEntry
    icon = "cross"
    menu_label = _("Blocklist")
    list_display = ["value", "kind", "note", DateColumn("created_at", label=_("Added on"))]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
    search_backend_name = None


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=_("Reader's e-mail address"))
    confirm = forms.BooleanField(
        label=_("I confirm the erasure: it cannot be undone."), required=False
    )


def personal_data_view(request):
    """A reader asks what we keep about them, or to be forgotten (RGPD art. 15 and 17)."""
    if not request.user.has_perm(DATA_PERMISSION):
        raise PermissionDenied
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if "export" in request.POST:
            data = export_commenter_data(email)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="commentaires.json"'
            return response
        if form.cleaned_data["confirm"]:
            counts = erase_commenter(email)
            messages.success(
                request,
                gettext(
                    "%(anonymised)s published comments anonymised, %(deleted)s other comments "
                    "deleted."
                )
                % counts,
            )
            return redirect("comments_personal_data:index")
        form.add_error("confirm", gettext("Tick this box to erase the data."))
    return TemplateResponse(
        request,
        "comments/admin/personal_data.html",
        {"form": form, "page_title": gettext("Commenters' personal data")},
    )


class PersonalDataViewSet(ViewSet):
    name = "comments_personal_data"
    url_prefix = "comments/personal-data"
    icon = "user"
    menu_label = _("Personal data")

    def get_urlpatterns(self):
        return [path("", personal_data_view, name="index")]

    @cached_property
    def menu_item_class(self):
        return type(
            "PersonalDataMenuItem",
            (MenuItem,),
            {"is_shown": lambda self, request: request.user.has_perm(DATA_PERMISSION)},
        )


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class CommentsMenuItem(SubmenuMenuItem):
    def render_component(self, request):
        """A class for the pending count's badge (see `wagtail_hooks.pending_count_badge`): in
        the label, « Commentaires (4) » was cut to « Commentaires… »."""
        component = super().render_component(request)
        component.classname = f"{component.classname} comments-pending".strip()
        return component


class CommentsViewSetGroup(SnippetViewSetGroup):
    items = (CommentViewSet, BlocklistViewSet, PersonalDataViewSet)
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 250

    def get_menu_item(self, order=None):
        comments, blocklist, personal_data = self.registerables
        queue = PermissionMenuItem(
            _("Awaiting moderation"),
            f"{comments.menu_url}?status={Comment.Status.PENDING}",
            icon_name="comment",
            order=1,
            permission="comments.change_comment",
        )
        settings = PermissionMenuItem(
            _("Moderation settings"),
            reverse("wagtailsettings:edit", args=["comments", "moderationsettings"]),
            icon_name="cog",
            order=4,
            permission="comments.change_moderationsettings",
        )
        items = [
            queue,
            comments.get_menu_item(order=2),
            blocklist.get_menu_item(order=3),
            settings,
            personal_data.get_menu_item(order=5),
        ]
        return CommentsMenuItem(
            label=self.menu_label,
            menu=Menu(items=items),
            name="comments",
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


class ModerationBulkAction(SnippetBulkAction):
    """Approve, spam or bin the selected comments; each page that changes is purged once."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    status = ""
    icon_name = ""
    question = ""
    success_message = ""

    def dispatch(self, request, *args, **kwargs):
        """Refused before anything is listed: Wagtail's confirmation page also names the
        comments one may not moderate (their first words, spam included)."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = moderate_comments(objects, status=cls.status, moderator=kwargs["self"].request.user)
        return count, 0

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_title": capfirst(self.display_name),
            "question": self.question,
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED
    icon_name = "check"
    question = _("Publish these comments on their articles?")
    success_message = ngettext_lazy(
        "%(count)s comment approved.", "%(count)s comments approved.", "count"
    )


class SpamBulkAction(ModerationBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Move the selected comments to spam")
    action_priority = 20
    status = Comment.Status.SPAM
    icon_name = "warning"
    question = _("Move these comments to spam? They can be recovered from there.")
    success_message = ngettext_lazy(
        "%(count)s comment moved to spam.", "%(count)s comments moved to spam.", "count"
    )


class TrashBulkAction(ModerationBulkAction):
    display_name = _("Move to the bin")
    action_type = "trash"
    aria_label = _("Move the selected comments to the bin")
    action_priority = 25
    status = Comment.Status.TRASH
    icon_name = "bin"
    question = _("Move these comments to the bin? They can be recovered from there.")
    success_message = ngettext_lazy(
        "%(count)s comment moved to the bin.", "%(count)s comments moved to the bin.", "count"
    )
