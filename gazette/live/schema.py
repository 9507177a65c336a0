"""schema.org `LiveBlogPosting`: what search engines read of a live page and its entries.

These are fields given to findability's article metadata (`{% article_metadata page extra %}`),
which describes the page as it describes any article (publisher, authors, image, breadcrumbs)
and takes these in place of its own: the arrow stays live → news, findability knows of no
live page. Only the entries readers see are listed (a withdrawn one is no longer asserted),
from the same rows the page shows, so the JSON-LD and the HTML tell the same story and are
purged by the same `live:<id>`.
"""

from django.utils.text import Truncator
from wagtail.rich_text import get_text_for_indexing

from gazette.core.dates import iso_datetime

HEADLINE_LENGTH = 110  # what Google shows of a headline


def live_blog_fields(request, page, entries) -> dict:
    site_id, root, path = page.get_url_parts(request)
    url = root + path
    fields = {
        "@type": "LiveBlogPosting",
        "coverageStartTime": iso_datetime(page.started_at),
        "liveBlogUpdate": [update(entry, url=url, root=root) for entry in entries],
    }
    if page.ended_at:
        fields["coverageEndTime"] = iso_datetime(page.ended_at)
    changes = [entry.edited_at or entry.published_at for entry in entries]
    if changes and page.first_published_at:  # an entry is the page's latest change
        fields["dateModified"] = iso_datetime(max([*changes, page.first_published_at]))
    return fields


def update(entry, *, url: str, root: str) -> dict:
    body = plain_text(entry)
    posting = {
        "@type": "BlogPosting",
        "@id": f"{url}#{entry.anchor}",
        "url": f"{url}#{entry.anchor}",
        "headline": entry.title or Truncator(body).chars(HEADLINE_LENGTH),
        "articleBody": body,
        "datePublished": iso_datetime(entry.published_at),
    }
    if entry.edited_at:
        posting["dateModified"] = iso_datetime(entry.edited_at)
    if entry.author:
        posting["author"] = {
            "@type": "Person",
            "name": entry.author.name,
            "url": root + entry.author.get_absolute_url(),
        }
    elif entry.signature:
        posting["author"] = {"@type": "Person", "name": entry.signature}
    return posting


def plain_text(entry) -> str:
    """The text without markup (`articleBody` is text), the quote after it as printed."""
    text = get_text_for_indexing(entry.body)
    if entry.quote:
        source = f" ({entry.quote_source})" if entry.quote_source else ""
        text = f"{text} « {entry.quote} »{source}".strip()
    return text
