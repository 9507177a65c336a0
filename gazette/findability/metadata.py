"""What search engines, social networks and feed readers read about a page besides its HTML:
absolute addresses, the share image, and the schema.org description of an article.

Texts go out as the newsroom typed them, like the `<meta name="description">`: French spacing
is the page's typography, and consumers of metadata lay text out their own way.

Addresses start from the Wagtail site's root URL (Paramètres › Sites), not from the request's
Host header: a canonical URL must name one address whatever host name the request used, and
those are the addresses the proxy purge already works with.
"""

import json

from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from gazette.core.dates import iso_datetime
from gazette.core.models import SiteSettings
from gazette.core.renditions import filter_specs
from gazette.news.corrections import ArticleNote

# The sizes are in gazette/core/renditions.py, with those of the templates: made in advance.
[SHARE_IMAGE] = filter_specs("share")
[LOGO] = filter_specs("logo")
FALLBACK_LOGO = "findability/publisher-logo.png"  # 512 × 512, for a site without its own logo
FALLBACK_LOGO_SIZE = 512
JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def root_url(request) -> str:
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url


def absolute(request, url: str) -> str:
    """A media URL may already be absolute (S3 or a CDN); a path gets the site's root."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return root_url(request).split(":", 1)[0] + ":" + url
    return root_url(request) + url


def page_url(request, page) -> str:
    site_id, root, path = page.get_url_parts(request)
    return root + path


def share_image(image):
    """The lead image's share rendition, or None; made when the image was saved."""
    return image.get_rendition(SHARE_IMAGE) if image else None


def site_identity(request) -> tuple[str, dict]:
    """The newsroom's name and its logo as a schema.org ImageObject."""
    settings = SiteSettings.for_request(request)
    if settings.logo:
        logo = settings.logo.get_rendition(LOGO)
        image = {"url": absolute(request, logo.url), "width": logo.width, "height": logo.height}
    else:
        image = {
            "url": absolute(request, static(FALLBACK_LOGO)),
            "width": FALLBACK_LOGO_SIZE,
            "height": FALLBACK_LOGO_SIZE,
        }
    return settings.site_name, {"@type": "ImageObject", **image}


def date_modified(article):
    """The date readers see after « Mis à jour le », else the publication date: Google
    compares the structured dates with the visible ones."""
    return article.updated_at if article.was_updated else article.first_published_at


def article_graph(request, article, *, image=None, extra=None) -> dict:
    """schema.org NewsArticle and BreadcrumbList, as Google's article and breadcrumb rich
    results document them; `image` is the share rendition, when the article has one.
    `extra` fields replace or complete the article's: a page type of a higher app (a live
    page's LiveBlogPosting) adds what it knows without this module knowing of it.
    `author` is who wrote the text (the newsroom itself when no one is credited for it);
    photographers, graphic designers and video makers are each a `contributor` in a
    schema.org `Role` that names what they did."""
    url = page_url(request, article)
    site_name, logo = site_identity(request)
    publisher = {
        "@type": "Organization",
        "name": site_name,
        "url": root_url(request) + "/",
        "logo": logo,
    }
    news_article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.standfirst,
        "inLanguage": "fr-FR",
        # A draft never published has no date yet: its preview shows the date it would have.
        "datePublished": iso_datetime(article.first_published_at or timezone.now()),
        "dateModified": iso_datetime(date_modified(article) or timezone.now()),
        "author": [person(request, author) for author in article.writers] or [publisher],
        "publisher": publisher,
        "isAccessibleForFree": True,
    }
    contributors = [
        {"@type": "Role", "roleName": role, "contributor": person(request, author)}
        for role, authors in article.contributors
        for author in authors
    ]
    if contributors:
        news_article["contributor"] = contributors
    if article.signature_line:  # « Avec AFP »: schema.org's free credit of a work
        news_article["creditText"] = article.signature_line
    if image:
        news_article["image"] = [
            {
                "@type": "ImageObject",
                "url": absolute(request, image.url),
                "width": image.width,
                "height": image.height,
            }
        ]
    if article.section:
        news_article["articleSection"] = article.section.title
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        news_article["keywords"] = tags
    corrections = corrections_of(article)
    if corrections:
        news_article["correction"] = corrections
    news_article.update(extra or {})
    return {
        "@context": "https://schema.org",
        "@graph": [news_article, breadcrumbs(request, article)],
    }


def person(request, author) -> dict:
    return {
        "@type": "Person",
        "name": author.name,
        "url": absolute(request, author.get_absolute_url()),
    }


def corrections_of(article) -> list[dict]:
    """schema.org `correction`: the article's published corrections that stand, as
    CorrectionComment (Google reads `text` and `datePublished`). A withdrawn one is no longer
    asserted; its trace is for readers."""
    return [
        {
            "@type": "CorrectionComment",
            "text": note.text,
            "datePublished": iso_datetime(note.first_published_at),
            **({"dateModified": iso_datetime(note.amended_at)} if note.amended_at else {}),
        }
        for note in article.public_notes
        if note.kind == ArticleNote.Kind.CORRECTION and not note.withdrawn
    ]


def breadcrumbs(request, page) -> dict:
    """La une, the sections, the page: the trail Google shows instead of the bare address."""
    site = Site.find_for_request(request)
    trail = page.get_ancestors(inclusive=True).live().filter(depth__gte=site.root_page.depth)
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": page_url(request, crumb),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def json_ld(data) -> SafeString:
    """JSON for a `<script type="application/ld+json">`: UTF-8 as is, and no `</script>` or
    `<!--` a headline could carry to end the script early; `\\u003c` reads back as `<`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_IN_SCRIPT))  # noqa: S308 - markup characters escaped above
