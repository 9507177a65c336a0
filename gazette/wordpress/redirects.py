"""Old WordPress addresses kept alive as permanent redirects in Wagtail's redirects app.

Wagtail's middleware looks a 404's path up with its query string first, then without: so
« /?p=123 » can have its own row, and « / » itself never needs one. Paths are stored as
`Redirect.normalise_path` stores them (no trailing slash, sorted query), which is what the
middleware compares; a path that already has a redirect (an editor's, or an earlier run's)
is left alone.
"""

from urllib.parse import urlsplit

from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect

from gazette.core.table_rows import Rows
from gazette.news.models import Author

from .wxr import Item

FEEDS = {"/feed/": "rss", "/feed/rss2/": "rss", "/feed/rss/": "rss", "/feed/atom/": "atom"}


def add(entries: list[tuple[str, tuple[str, object]]]) -> int:
    """`entries` are (old path, target), the target ("page", pk) or ("link", "/path/").
    Returns the number of redirects created."""
    wanted: dict[str, tuple[str, object]] = {}
    for old, target in entries:
        path = Redirect.normalise_path(old)
        if path and path != "/":
            wanted.setdefault(path, target)
    if not wanted:
        return 0
    taken = set(
        Redirect.objects.filter(site=None, old_path__in=list(wanted)).values_list(
            "old_path", flat=True
        )
    )
    new = [
        {
            "old_path": path,
            "site_id": None,
            "is_permanent": True,
            "redirect_page_id": target if kind == "page" else None,
            "redirect_link": "" if kind == "page" else target,
        }
        for path, (kind, target) in wanted.items()
        if path not in taken
    ]
    # Plain rows (`gazette.core.table_rows`): 20,000 redirects in a 10,000-post export. The
    # paths are new (`taken` above), and a site-wide redirect (site NULL) never meets the
    # unique (old_path, site) constraint, so nothing could conflict.
    Rows(Redirect, with_id=False).write(new)
    return len(new)


def archive_targets(*, home, sections, category_paths, tags, authors) -> list:
    """Category, tag and author archives and their feeds, and the site's feeds."""
    entries = [(old, ("link", reverse(f"findability:site_{fmt}"))) for old, fmt in FEEDS.items()]
    home_path = home.url_path
    for slug, section in sections.items():
        old = f"/category/{category_paths[slug]}/"
        relative = section.url_path.removeprefix(home_path).strip("/")
        entries.append((old, ("page", section.pk)))
        entries.append(
            (f"{old}feed/", ("link", reverse("findability:section_rss", args=[relative])))
        )
    tag_slugs = dict(Tag.objects.filter(pk__in=tags.values()).values_list("pk", "slug"))
    for wp_slug, tag_pk in tags.items():
        slug = tag_slugs.get(tag_pk)
        if slug:
            entries.append((f"/tag/{wp_slug}/", ("link", reverse("news:tag", args=[slug]))))
            entries.append(
                (f"/tag/{wp_slug}/feed/", ("link", reverse("findability:tag_rss", args=[slug])))
            )
    author_slugs = dict(Author.objects.filter(pk__in=authors.values()).values_list("pk", "slug"))
    for login, author_pk in authors.items():
        slug = author_slugs.get(author_pk)
        if slug and login:
            entries.append((f"/author/{login}/", ("link", reverse("news:author", args=[slug]))))
            entries.append(
                (
                    f"/author/{login}/feed/",
                    ("link", reverse("findability:author_rss", args=[slug])),
                )
            )
    return entries


def old_paths(item: Item, *, site_host: str) -> list[str]:
    """Where WordPress served the item: its permalink, « /?p=ID » (always answered, and the
    GUID of most posts), and the GUID when it is an address on the same site."""
    query = "page_id" if item.post_type == "page" else "p"
    if item.post_type == "attachment":
        query = "attachment_id"
    paths = [f"/?{query}={item.wp_id}"]
    for url in (item.link, item.guid):
        parts = urlsplit(url)
        if parts.hostname == site_host and (parts.path.strip("/") or parts.query):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths
