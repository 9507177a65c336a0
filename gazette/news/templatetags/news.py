"""Newsroom navigation for templates: `{% load news %}`."""

from django import template
from wagtail.models import Page, Site

from gazette.news.models import SectionPage

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
    home = site.root_page
    # Other views may put a paginator page, not a Wagtail page, under this common name.
    current = context.get("page") if isinstance(context.get("page"), Page) else None
    return {
        "home_url": home.get_url(request),
        "home_current": "page" if current and current.pk == home.pk else "",
        "sections": [
            (section.title, section.get_url(request), _current(current, section))
            for section in SectionPage.objects.child_of(home).visible().in_menu()
        ],
    }


def _current(page: Page | None, section: SectionPage) -> str:
    if page is None:
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""
