"""Search box, feed links and metadata for news templates: `{% load findability %}`.

News templates call these in the blocks core's base.html defines (`metadata`, `search`), so
gazette.news never imports this app: the arrow stays findability → news.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from gazette.core.models import SiteSettings

from ..metadata import (
    absolute,
    article_graph,
    date_modified,
    json_ld,
    page_url,
    root_url,
    share_image,
)

register = template.Library()


@register.inclusion_tag("findability/tags/search_form.html")
def search_form():
    return {}


@register.inclusion_tag("findability/tags/page_metadata.html", takes_context=True)
def page_metadata(context, title=""):
    """Canonical address and Open Graph basics for any public page. The canonical address is
    the page's own, keeping only a page number: `?utm_source=…` and friends are dropped."""
    request = context.get("request")
    if request is None:  # a page rendered outside a request has no address
        return {}
    page = context.get("page")
    if isinstance(page, Page):
        url = page_url(request, page)
        title = title or page.seo_title or page.title
    else:
        url = root_url(request) + request.path
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return {
        "url": url,
        "title": title,
        "site_name": SiteSettings.for_request(request).site_name,
    }


@register.inclusion_tag("findability/tags/article_metadata.html", takes_context=True)
def article_metadata(context, article, extra=None):
    """Open Graph `article`, X's large-image card and schema.org JSON-LD for an article;
    `extra`: schema.org fields of its own type (`article_graph`)."""
    request = context["request"]
    image = share_image(article.lead_image)
    return {
        "article": article,
        "url": page_url(request, article),
        "image": image,
        "image_url": absolute(request, image.url) if image else "",
        "modified": date_modified(article),
        "tags": [tag.name for tag in article.tags.all()],
        "author_urls": [absolute(request, author.get_absolute_url()) for author in article.writers],
        "site_name": SiteSettings.for_request(request).site_name,
        "json_ld": json_ld(article_graph(request, article, image=image, extra=extra)),
    }


@register.inclusion_tag("findability/tags/feed_links.html", takes_context=True)
def feed_links(context, section=None, author=None, tag=None, corrections=False):
    """`<link rel="alternate">` for the feeds of what the page shows, then the site's: feed
    readers and browser extensions offer the first one."""
    request = context.get("request")
    if request is None:
        return {}
    site_name = SiteSettings.for_request(request).site_name
    feeds = []
    if section is not None:
        path = section.get_url_parts(request)[2].strip("/")
        feeds.append((f"{site_name} – {section.title}", "section", [path]))
    elif author is not None:
        feeds.append((f"{site_name} – {author.name}", "author", [author.slug]))
    elif tag is not None:
        feeds.append((f"{site_name} – {tag.name}", "tag", [tag.slug]))
    elif corrections:
        feeds.append((f"{site_name} – {_('Corrections')}", "corrections", []))
    feeds.append((site_name, "site", []))
    root = root_url(request)
    return {
        "links": [
            (title, kind, root + reverse(f"findability:{scope}_{kind}", args=args))
            for title, scope, args in feeds
            for kind in ("rss", "atom")
        ]
    }
