"""Newsroom navigation and an article's notes for templates: `{% load news %}`."""

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, npgettext
from wagtail.models import Page, Site

from gazette.core import invalidation
from gazette.core.templatetags.core import published_time
from gazette.news.corrections import ArticleNote, NoteSettings
from gazette.news.models import SectionPage, menu_sections
from gazette.news.purging import key_of_page

register = template.Library()


@register.inclusion_tag("news/tags/section_menu.html", takes_context=True)
def section_menu(context):
    """La une, then the home page's visible sections shown in menus, in one query (two
    while a page of the site is private: see `visible()`).

    Wagtail's site lookup already joined the root page (and caches the site on the request),
    so only the sections are read. The entry for the page being read, or for the section an
    article belongs to, carries `aria-current`, so a screen reader says where the reader is.
    """
    request = context.get("request")
    site = Site.find_for_request(request)
    if site is None:
        return {}
    invalidation.record("navigation")  # a section published, moved or hidden: every menu
    home = site.root_page
    sections = menu_sections(request, home)
    # Read earlier for la une's own list, they recorded their keys then: again for the menu,
    # which may be kept apart from the page (a shared fragment starts with no key).
    invalidation.record(*(key_of_page(section) for section in sections))
    # Other views may put a paginator page, not a Wagtail page, under this common name.
    current = context.get("page") if isinstance(context.get("page"), Page) else None
    return {
        "home_url": home.get_url(request),
        "home_current": "page" if current and current.pk == home.pk else "",
        "sections": [
            (section.title, section.get_url(request), _current(current, section))
            for section in sections
        ],
    }


def _current(page: Page | None, section: SectionPage) -> str:
    if page is None:
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""


BOX_IDS = {ArticleNote.Kind.CORRECTION: "rectificatifs", ArticleNote.Kind.UPDATE: "mises-a-jour"}


@register.inclusion_tag("news/tags/article_notes.html", takes_context=True)
def article_notes(context, article, place: str):
    """The boxes of `article`'s notes for one `place` of the page, "top" (under the standfirst:
    corrections, and updates if the newsroom wants them there) or "bottom" (updates, if it
    does not). Each box is a region named by its heading, and needs no script."""
    request = context.get("request")
    updates_on_top = (
        request is None
        or NoteSettings.for_request(request).updates_position == NoteSettings.Position.TOP
    )
    kinds = {
        "top": [ArticleNote.Kind.CORRECTION]
        + ([ArticleNote.Kind.UPDATE] if updates_on_top else []),
        "bottom": [] if updates_on_top else [ArticleNote.Kind.UPDATE],
    }[place]
    boxes = []
    for kind in kinds:
        notes = [note for note in article.public_notes if note.kind == kind]
        if notes:
            boxes.append(
                {
                    "id": BOX_IDS[kind],
                    "title": _box_title(kind, len(notes)),
                    "notes": notes,
                    "list_url": (
                        reverse("findability:corrections")
                        if kind == ArticleNote.Kind.CORRECTION
                        else ""
                    ),
                }
            )
    return {"boxes": boxes}


def _box_title(kind: str, count: int) -> str:
    if kind == ArticleNote.Kind.CORRECTION:
        return npgettext("article notes", "Correction", "Corrections", count)
    return npgettext("article notes", "Update", "Updates", count)


@register.simple_tag
def note_heading(note: ArticleNote, list_url: str = ""):
    """« Rectificatif, le 3 décembre 2026 à 9 h 12 : », the kind linking to `list_url` (the
    page of all corrections) when given."""
    kind = note.get_kind_display()
    if list_url:
        kind = format_html('<a href="{}">{}</a>', list_url, kind)
    values = {"kind": kind, "date": published_time(note.first_published_at)}
    return mark_safe(  # noqa: S308 - our catalogue's text, the values escaped
        gettext("%(kind)s, %(date)s:") % {k: conditional_escape(v) for k, v in values.items()}
    )
