from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from .models import Edition, Letter
from .viewsets import LettersViewSetGroup

register_snippet(LettersViewSetGroup)


@hooks.register("register_snippet_listing_buttons")
def figures_button(snippet, user, next_url=None):
    if isinstance(snippet, Letter) and user.has_perm("letters.view_letter"):
        yield Button(
            gettext("Figures"),
            reverse("wagtailsnippets_letters_letter:figures", args=[snippet.pk]),
            icon_name="table",
            priority=5,
        )


@hooks.register("register_snippet_listing_buttons")
def send_button(snippet, user, next_url=None):
    if isinstance(snippet, Edition) and snippet.status in (
        Edition.Status.DRAFT,
        Edition.Status.SCHEDULED,
    ):
        if user.has_perm("letters.change_edition"):
            yield Button(
                gettext("Preview"),
                reverse("wagtailsnippets_letters_edition:preview", args=[snippet.pk]),
                icon_name="view",
                priority=6,
                attrs={"target": "_blank"},
            )
            yield Button(
                gettext("Send now"),
                reverse("wagtailsnippets_letters_edition:send", args=[snippet.pk]),
                icon_name="mail",
                priority=5,
            )
