"""« Images à compléter »: the report of the photos pages do not show yet, because they lack
their alt text (or a credit). Open to whoever may add or change images: a Rédacteur completes
those they uploaded, an Éditeur any of them."""

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry

from .models import CreditedImage

IMAGE_ACTIONS = ["add", "change", "delete"]


def image_policy():
    """Wagtail's (its `auth_model` is wagtailimages.Image), looked up when asked: it may not
    be imported before the apps are ready, and hooks modules can be."""
    return policy_registry.get_by_type(CreditedImage)


def what_is_missing(image: CreditedImage) -> str:
    missing = []
    if not image.description:
        missing.append(gettext("alt text"))
    if not image.credit and not image.credit_unknown:
        missing.append(gettext("credit"))
    return ", ".join(missing)


class ImageTitleColumn(TitleColumn):
    """A link to the edit form for the images the user may change, plain text otherwise."""

    def get_link_url(self, instance, parent_context):
        if image_policy().user_has_permission_for_instance(
            parent_context["request"].user, "change", instance
        ):
            return reverse("wagtailimages:edit", args=[instance.pk])
        return None


class IncompleteImagesView(ReportView):
    page_title = gettext_lazy("Images to complete")
    header_icon = "image"
    index_url_name = "core_incomplete_images"
    index_results_url_name = "core_incomplete_images_results"
    any_permission_required = IMAGE_ACTIONS
    columns = [
        ImageTitleColumn("title", label=gettext_lazy("Title")),
        Column("missing", label=gettext_lazy("Missing"), accessor=what_is_missing),
        UserColumn("uploaded_by_user", label=gettext_lazy("Uploaded by")),
        DateColumn("created_at", label=gettext_lazy("Uploaded")),
    ]
    list_export = ["title", "description", "credit", "uploaded_by_user", "created_at"]

    @property
    def permission_policy(self):
        return image_policy()

    def get_queryset(self):
        return (
            CreditedImage.objects.incomplete()
            .select_related("uploaded_by_user")
            .order_by("-created_at", "-pk")
        )


class IncompleteImagesMenuItem(MenuItem):
    def is_shown(self, request):
        return image_policy().user_has_any_permission(request.user, IMAGE_ACTIONS)
