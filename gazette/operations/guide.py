"""The « Guide de la rédaction » (docs/guide-redaction.md) inside the admin's help menu, in
place of Wagtail's English editor guide: the same file the repository shows, screenshots
included, so the guide a newsroom reads is the one the tests keep current."""

import re

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

GUIDE = settings.BASE_DIR / "docs" / "guide-redaction.md"
IMAGES = GUIDE.parent / "images"


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "operations/admin/guide.html"
    page_title = _("Newsroom guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        html = MarkdownIt("commonmark").render(GUIDE.read_text("utf-8"))
        images = reverse("operations_guide_image", args=["x"]).removesuffix("x.png")
        html = re.sub(r'src="images/', f'src="{images}', html)
        return {**super().get_context_data(**kwargs), "guide": mark_safe(html)}  # noqa: S308 - our file


def guide_image(request, name):
    path = IMAGES / name
    if not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
