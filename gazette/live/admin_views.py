"""The desk's screen for a live page: a compact form that publishes an entry in one click,
and the entries below it, each editable or withdrawable by whoever may (services.py).

Plain views on Wagtail's form template rather than a snippet viewset: an entry has no draft,
revision or workflow, and every screen is about one live page, reached from its header."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .models import LiveEntry, LivePage


class LinkField(forms.URLField):
    """An address typed without its scheme is taken as https (Django 6's default)."""

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class LiveEntryForm(WagtailAdminModelForm):
    class Meta:
        model = LiveEntry
        fields = [
            "title",
            "body",
            "image",
            "image_caption",
            "quote",
            "quote_source",
            "embed_url",
            "important",
            "pinned",
            "author",
        ]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"embed_url": LinkField}


def _page_for(request, page_id: int) -> LivePage:
    page = get_object_or_404(LivePage, pk=page_id)
    if not services.may_post(request.user, page):
        raise PermissionDenied
    return page


def _entry_for(request, entry_id: int) -> LiveEntry:
    entry = get_object_or_404(LiveEntry.objects.select_related("page"), pk=entry_id)
    if not services.may_change(request.user, entry):
        raise PermissionDenied
    return entry


def _render(request, page: LivePage, form, *, entry=None):
    entries = [
        (item, services.may_change(request.user, item))
        for item in page.entries.select_related("author", "user").order_by("-published_at", "-pk")
    ]
    return TemplateResponse(
        request,
        "live/admin/entries.html",
        {
            "page": page,
            "form": form,
            "media": form.media,
            "entry": entry,
            "entries": entries,
            "newest_day": entries[0][0].day if entries else None,
            "page_title": _("Live entries") if entry is None else _("Edit the entry"),
            "page_subtitle": page.title,
            "header_title": page.title,
            "header_icon": "time",
            "action_url": request.path,
            "submit_button_label": _("Publish the entry") if entry is None else _("Save"),
            "submit_button_active_label": _("Publishing…"),
        },
    )


def entries(request, page_id: int):
    page = _page_for(request, page_id)
    form = LiveEntryForm(request.POST or None, instance=LiveEntry(page=page))
    if request.method == "POST" and form.is_valid():
        services.publish_entry(form.save(commit=False), user=request.user)
        messages.success(request, _("Entry published: readers get it within seconds."))
        return redirect("live_admin:entries", page.pk)
    return _render(request, page, form)


def edit(request, entry_id: int):
    entry = _entry_for(request, entry_id)
    form = LiveEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        services.edit_entry(form.save(commit=False))
        messages.success(request, _("Entry saved: it shows as edited."))
        return redirect("live_admin:entries", entry.page_id)
    return _render(request, entry.page, form, entry=entry)


@require_POST
def withdraw(request, entry_id: int):
    entry = _entry_for(request, entry_id)
    services.withdraw_entry(entry)
    messages.success(request, _("Entry withdrawn: readers no longer see it."))
    return redirect("live_admin:entries", entry.page_id)


def entries_url(page) -> str:
    return reverse("live_admin:entries", args=[page.pk])
