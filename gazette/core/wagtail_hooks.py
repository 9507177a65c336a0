from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .image_report import IncompleteImagesMenuItem, IncompleteImagesView


@hooks.register("register_admin_urls")
def register_incomplete_images_urls():
    return [
        path(
            "reports/images-to-complete/",
            IncompleteImagesView.as_view(),
            name="core_incomplete_images",
        ),
        path(
            "reports/images-to-complete/results/",
            IncompleteImagesView.as_view(results_only=True),
            name="core_incomplete_images_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_incomplete_images_menu_item():
    return IncompleteImagesMenuItem(
        _("Images to complete"), reverse("core_incomplete_images"), icon_name="image", order=50
    )
