"""The page editor, as a newsroom uses it: no draft appears before the editor saves, and an
author reopening a page sees what the éditeur asked to change. The notes' admin is in
corrections_admin.py, registered from here (Wagtail loads only this module)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.create import AddSubpageView, CreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, WorkflowState

from . import corrections_admin  # noqa: F401 (registers the notes' snippet and hook)
from .models import ArticlePage
from .page_types import may_create, may_create_type


class CreateWithoutAutosave(CreateView):
    """Wagtail 8 autosaves a new page by creating it: an article begun and abandoned stayed in
    the tree as a draft. Autosave starts once the page exists, after the first explicit save
    (WAGTAIL_AUTOSAVE_INTERVAL still applies to the edit page)."""

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


class AddPermittedSubpage(AddSubpageView):
    """Offers only the page types the user may create (gazette/news/page_types.py): a
    Rédacteur in a rubrique chooses between an article and a live page, never a rubrique; where
    one type remains, straight to its form, as Wagtail does."""

    def get(self, request, *args, **kwargs):
        self.page_types = [
            page_type
            for page_type in self.page_types
            if may_create_type(request.user, page_type[1], page_type[2])
        ]
        if len(self.page_types) == 1:
            _, app_label, model_name, _ = self.page_types[0]
            return redirect("wagtailadmin_pages:add", app_label, model_name, self.parent_page.id)
        return super().get(request, *args, **kwargs)


class NewsroomPageViewSet(PageViewSet):
    model = Page
    name = "newsroom_pages"
    add_view_class = CreateWithoutAutosave
    add_subpage_view_class = AddPermittedSubpage


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return NewsroomPageViewSet()


@hooks.register("before_create_page")
def only_permitted_page_types(request, parent_page, page_class):
    if not may_create(request.user, page_class):
        raise PermissionDenied


@hooks.register("before_copy_page")
def only_permitted_copies(request, page):
    if not may_create(request.user, page.specific_class):
        raise PermissionDenied


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """« Demander des modifications » sends its note by e-mail only; the author reopening the
    page must read it there too, above the form, until they submit the page again."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state is None:
        return
    who = task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
    text = gettext("%(who)s asked for changes") % {"who": who}
    if task_state.comment:
        text = gettext("%(who)s asked for changes: « %(comment)s »") % {
            "who": who,
            "comment": task_state.comment,
        }
    messages.warning(request, text)


@hooks.register("before_edit_page")
def warn_of_photos_without_alt_text(request, page):
    """Pages do not show a photo without alt text (docs/newsroom-roles.md): say so where the
    article is edited, rather than let it lose its photo silently."""
    if request.method != "GET" or page.specific_class is not ArticlePage:
        return
    article = page.get_latest_revision_as_object()
    count = sum(not photo.alt for photo in article.photos())
    if count:
        text = ngettext(
            "%(count)s photo of this article has no alt text: it is not shown. Complete it "
            "in Reports › Images to complete, or choose another.",
            "%(count)s photos of this article have no alt text: they are not shown. Complete "
            "them in Reports › Images to complete, or choose others.",
            count,
        ) % {"count": count}
        messages.warning(
            request,
            text,
            buttons=[
                messages.button(reverse("core_incomplete_images"), gettext("Images to complete"))
            ],
        )
