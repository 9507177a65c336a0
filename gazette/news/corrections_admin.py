"""The admin of corrections and updates: « Rectificatifs » in the menu, and the rules of
gazette/news/corrections.py applied to each note, not only to the model.

Wagtail's generic views ask the model permission (may this user change notes?), and its
instance checks only hide buttons; the views here also ask about the note itself (may this
user change this published note?), so that a typed address or a forged POST is refused too.
"""

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import DateColumn, LiveStatusTagColumn
from wagtail.admin.widgets import AdminPageChooser
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSet,
    UnpublishView,
)

from .corrections import ArticleNote, ArticleNoteForm
from .models import ArticlePage


class NoteInstanceMixin:
    """Refuses what the policy refuses for this note (`permission_required` names the action)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance(self.permission_required, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class NoteIndexView(IndexView):
    add_item_label = _("Add a correction or an update")  # not Wagtail's « Ajouter un(e) … »


class NoteCreateView(CreateView):
    def get_initial_form_instance(self):
        """`?article=12`, from the article's edit screen (`ArticleNotesPanel`)."""
        article_id = self.request.GET.get("article", "")
        article = (
            ArticlePage.objects.filter(pk=article_id).first() if article_id.isdigit() else None
        )
        return ArticleNote(article=article) if article else super().get_initial_form_instance()


class NoteEditView(NoteInstanceMixin, EditView):
    pass


class NoteDeleteView(NoteInstanceMixin, DeleteView):
    pass


class NoteUnpublishView(NoteInstanceMixin, UnpublishView):
    permission_required = "unpublish"


class NoteViewSet(SnippetViewSet):
    model = ArticleNote
    icon = "warning"
    menu_label = _("Corrections")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = NoteIndexView
    add_view_class = NoteCreateView
    edit_view_class = NoteEditView
    delete_view_class = NoteDeleteView
    unpublish_view_class = NoteUnpublishView
    copy_view_enabled = False  # a copy would carry the original's date of publication
    list_display = [
        "__str__",
        "article",
        LiveStatusTagColumn(label=_("Status")),
        "first_published_at",
        DateColumn("withdrawn_at", label=capfirst(_("withdrawn on"))),
    ]
    ordering = ["-pk"]
    list_filter = ["kind", "live", "withdrawn"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldPanel("article", widget=AdminPageChooser(target_models=[ArticlePage])),
            FieldPanel("kind"),
            FieldPanel("text"),
            FieldPanel("withdrawn"),
            FieldPanel("reason"),
        ],
        base_form_class=ArticleNoteForm,
    )

    def get_queryset(self, request):
        return ArticleNote.objects.select_related("article")


register_snippet(NoteViewSet)


@hooks.register("construct_snippet_action_menu")
def _no_unpublish_for_notes(menu_items, request, context):
    """A published note leaves the page only by being withdrawn, with its reason."""
    if context.get("model") is ArticleNote:
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]
