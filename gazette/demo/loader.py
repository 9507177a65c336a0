"""Turns `gazette.demo.texts` into a site: pages, authors, images, front page, settings.

Every function looks its object up by a stable key (slug, title) and creates only what is
missing, so that a second `load_demo` adds nothing and never overwrites what an editor has
changed since. Pages go live through `save_revision().publish()`, like the editor's button,
so that whatever listens to `page_published` (cache purge, search) sees the demo too.
"""

import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.html import escape
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, Site
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from gazette.core.models import CreditedImage, SiteSettings
from gazette.core.sites import address_of
from gazette.live.models import LiveEntry, LivePage
from gazette.live.services import publish_entry
from gazette.news import site_root
from gazette.news.corrections import ArticleNote
from gazette.news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomeFeatured,
    HomePage,
    SectionPage,
    SimplePage,
)

from . import pictures, texts
from .texts.schema import Article, Embed, Illustration, Intertitle, Live, Quote, Related

# Opinion pieces carry their section's initial, so that they read as opinion at a glance.
OPINION_LABELS = {ArticlePage.Label.EDITORIAL, ArticlePage.Label.OPINION, ArticlePage.Label.COLUMN}


def _publish(parent: Page, page: Page) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home(*, created: Counter) -> HomePage:
    """La une as the site's root (gazette/news/site_root.py), at the address the demo is served
    at, unless the site has a name and an address already: canonical URLs, feeds and
    sitemaps are built from it."""
    home, new = site_root.ensure_home()
    created["pages"] += new
    site = Site.objects.get(is_default_site=True)
    if not site.site_name or site.hostname == "localhost":
        hostname, port = address_of(settings.WAGTAILADMIN_BASE_URL)
        site_root.make_site_root(
            home, site_name=site.site_name or texts.SITE_NAME, hostname=hostname, port=port
        )
    return home


def ensure_sections(*, home: HomePage, created: Counter) -> dict[str, SectionPage]:
    """Sections are in the menu: la une lists the sections that are, in tree order."""
    sections: dict[str, SectionPage] = {}
    for spec in texts.SECTIONS:
        parent = sections[spec.parent] if spec.parent else home
        section = SectionPage.objects.child_of(parent).filter(slug=spec.slug).first()
        if section is None:
            section = _publish(
                parent,
                SectionPage(title=spec.title, slug=spec.slug, intro=spec.intro, show_in_menus=True),
            )
            created["sections"] += 1
        sections[spec.slug] = section
    return sections


def _rich_text(text: str) -> RichText:
    return RichText(f"<p>{escape(text)}</p>")


def ensure_simple_pages(*, home: HomePage, created: Counter) -> dict[str, SimplePage]:
    pages = {}
    for spec in texts.SIMPLE_PAGES:
        page = SimplePage.objects.child_of(home).filter(slug=spec.slug).first()
        if page is None:
            body = [
                ("intertitle", block.text)
                if isinstance(block, Intertitle)
                else ("paragraph", _rich_text(block))
                for block in spec.body
            ]
            page = _publish(home, SimplePage(title=spec.title, slug=spec.slug, body=body))
            created["pages"] += 1
        pages[spec.slug] = page
    return pages


def _image(
    *, title: str, filename: str, picture_of: Callable[[], pictures.Picture], created: Counter
) -> CreditedImage:
    """Found by title before being drawn: drawing is the slow part, and a rerun must not
    leave a second copy of every picture in the library. Width and height are given, or
    Wagtail decodes the whole JPEG once more to measure it."""
    image = CreditedImage.objects.filter(title=title).first()
    if image is None:
        picture = picture_of()
        image = CreditedImage(
            title=title,
            file=ImageFile(BytesIO(picture.data), name=filename),
            width=picture.size[0],
            height=picture.size[1],
            description=picture.description,
            credit=pictures.CREDIT,
            file_size=len(picture.data),
            file_hash=hash_filelike(BytesIO(picture.data)),
        )
        image.save()
        created["images"] += 1
    return image


def ensure_authors(*, created: Counter) -> dict[str, Author]:
    authors = {}
    for spec in texts.AUTHORS:
        author = Author.objects.filter(slug=spec.slug).first()
        if author is None:
            photo = _image(
                title=f"Portrait de {spec.name}",
                filename=f"portrait-{spec.slug}.jpg",
                picture_of=lambda spec=spec: pictures.draw_portrait(
                    key=spec.slug,
                    palette=pictures.PALETTES[spec.palette],
                    name=spec.name,
                    hair=spec.hair,
                ),
                created=created,
            )
            author = Author.objects.create(
                name=spec.name, slug=spec.slug, role=spec.role, bio=spec.bio, photo=photo
            )
            created["authors"] += 1
        authors[spec.slug] = author
    return authors


def in_creation_order(articles: Iterable[Article]) -> list[Article]:
    """Targets of « À lire aussi » first: a related block needs its page to exist."""
    ordered, done, pending = [], set(), list(articles)
    while pending:
        ready = [spec for spec in pending if set(spec.related) <= done]
        if not ready:
            raise ValueError(f"« À lire aussi » sans cible : {[s.slug for s in pending]}")
        ordered += ready
        done |= {spec.slug for spec in ready}
        pending = [spec for spec in pending if spec.slug not in done]
    return ordered


def _illustration(
    spec: Article, *, key: str, title: str, motif: str, initial: str, created: Counter
) -> CreditedImage:
    section = texts.SECTION_BY_SLUG[spec.section]
    return _image(
        title=title,
        filename=f"{key}.jpg",
        picture_of=lambda: pictures.draw_illustration(
            key=key,
            palette=pictures.PALETTES[section.slug],
            motif=motif,
            theme=section.theme,
            initial=initial,
        ),
        created=created,
    )


def _body(spec: Article, *, articles: dict[str, ArticlePage], created: Counter) -> list[tuple]:
    body, pictures_drawn = [], 0
    for block in spec.body:
        match block:
            case str():
                body.append(("paragraph", _rich_text(block)))
            case Intertitle(text=text):
                body.append(("intertitle", text))
            case Quote(text=text, source=source):
                body.append(("quote", {"text": text, "source": source}))
            case Illustration(caption=caption, motif=motif):
                pictures_drawn += 1
                image = _illustration(
                    spec,
                    key=f"{spec.slug}-{pictures_drawn}",
                    motif=motif,
                    initial="",
                    title=f"{spec.title} (illustration {pictures_drawn + 1})",
                    created=created,
                )
                body.append(("image", {"image": image, "caption": caption}))
            case Embed(url=url, title=title, caption=caption):
                body.append(("embed", {"url": url, "title": title, "caption": caption}))
            case Related(slug=slug):
                body.append(("related", {"page": articles[slug]}))
    return body


def ensure_article(
    spec: Article,
    *,
    sections: dict[str, SectionPage],
    authors: dict[str, Author],
    articles: dict[str, ArticlePage],
    now: datetime,
    created: Counter,
    page_class: type[ArticlePage] = ArticlePage,
    **fields,
) -> ArticlePage:
    """`first_published_at` is set before the revision is saved: `publish()` keeps an existing
    one. It sets `last_published_at` to the present moment, though, so that one is backdated
    afterwards, with the revision and its log entry, for a history that reads true.
    `page_class` and `fields`: an article of another type (a live page) and its own fields."""
    article = ArticlePage.objects.filter(slug=spec.slug).first()
    if article is not None:
        return article.specific
    section = texts.SECTION_BY_SLUG[spec.section]
    motifs = section.motifs
    published_at = spec.published(now)
    lead_image = _illustration(
        spec,
        key=spec.slug,
        title=f"{spec.title} (illustration)",
        motif=spec.motif or motifs[zlib.crc32(spec.slug.encode()) % len(motifs)],
        initial=section.title[0] if spec.label in OPINION_LABELS else "",
        created=created,
    )
    article = page_class(
        title=spec.title,
        slug=spec.slug,
        label=spec.label,
        kicker=spec.kicker,
        signature_line=spec.signature_line,
        standfirst=spec.standfirst,
        lead_image=lead_image,
        lead_image_caption=spec.caption,
        body=_body(spec, articles=articles, created=created),
        comments_open=spec.comments_open,
        first_published_at=published_at,
        bylines=[ArticleAuthor(author=authors[slug]) for slug in spec.authors],
        **fields,
    )
    article.tags.add(*spec.tags)
    _publish(sections[spec.section], article)
    ArticlePage.objects.filter(pk=article.pk).update(
        last_published_at=published_at, latest_revision_created_at=published_at
    )
    Revision.objects.filter(pk=article.latest_revision_id).update(created_at=published_at)
    PageLogEntry.objects.filter(page=article).update(timestamp=published_at)
    created["articles" if page_class is ArticlePage else "live_pages"] += 1
    return article


def ensure_notes(spec: Article, *, article: ArticlePage, now: datetime, created: Counter) -> None:
    """The article's rectificatifs and updates, published as an éditeur would, then dated as
    `ensure_article` dates the article: the note's date is its first publication, which
    publishing keeps, and « Mis à jour le » follows (`record_note_change`). Only for an
    article with no note yet, so that a rerun adds them to a demo loaded before notes."""
    if not spec.notes or article.notes.exists():
        return
    published_at = article.first_published_at
    for note_spec in spec.notes:
        moment = min(published_at + note_spec.after, now)
        note = ArticleNote(
            article=article,
            kind=note_spec.kind,
            text=note_spec.text,
            live=False,
            first_published_at=moment,
        )
        note.save()
        note.save_revision().publish()
        ArticleNote.objects.filter(pk=note.pk).update(last_published_at=moment)
        Revision.objects.filter(pk=note.latest_revision_id).update(created_at=moment)
        ModelLogEntry.objects.for_instance(note).update(timestamp=moment)
        created["notes"] += 1


def ensure_live(
    spec: Live,
    *,
    sections: dict[str, SectionPage],
    authors: dict[str, Author],
    now: datetime,
    created: Counter,
) -> LivePage:
    """A live page and its entries, each posted by `publish_entry` as the desk's button does,
    then dated `after` the start (never later than now). Entries only on a page with none:
    the desk may have posted or withdrawn some since."""
    started_at = spec.page.published(now)
    ended_at = started_at + spec.ends_after if spec.ends_after else None
    page = ensure_article(
        spec.page,
        sections=sections,
        authors=authors,
        articles={},
        now=now,
        created=created,
        page_class=LivePage,
        summary="".join(f"<p>{escape(text)}</p>" for text in spec.summary),
        started_at=started_at,
        ended_at=ended_at,
    )
    if page.entries.exists():
        return page
    for number, entry_spec in enumerate(spec.entries, start=1):
        image = None
        if entry_spec.photo:
            image = _illustration(
                spec.page,
                key=f"{spec.page.slug}-entree-{number}",
                motif=entry_spec.motif,
                initial="",
                title=f"{spec.page.title} (photo de l'entrée {number})",
                created=created,
            )
        entry = publish_entry(
            LiveEntry(
                page=page,
                title=entry_spec.title,
                body=f"<p>{escape(entry_spec.text)}</p>",
                important=entry_spec.important,
                pinned=entry_spec.pinned,
                quote=entry_spec.quote,
                quote_source=entry_spec.quote_source,
                image=image,
                image_caption=entry_spec.photo,
                author=authors[entry_spec.author],
            ),
            user=None,
        )
        moment = min(started_at + entry_spec.after, now)
        LiveEntry.objects.filter(pk=entry.pk).update(published_at=moment)
        created["live_entries"] += 1
    return page


def ensure_front_page(*, home: HomePage, articles: dict[str, ArticlePage]) -> None:
    """Only on a front page nobody has composed yet: an editor's choice stands."""
    home.refresh_from_db()  # publish() saves every field: numchild must be the stored one
    if home.lead_story_id or home.featured_items.exists():
        return
    home.lead_story = articles[texts.LEAD_STORY]
    home.featured_items = [HomeFeatured(article=articles[slug]) for slug in texts.FEATURED]
    home.save_revision().publish()


def ensure_site_settings(*, pages: dict[str, SimplePage]) -> None:
    """Fills what is empty and leaves the rest: the settings are the newsroom's to edit."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.site_name = site_settings.site_name or texts.SITE_NAME
    site_settings.tagline = site_settings.tagline or texts.TAGLINE
    for field, url in texts.FOLLOW_URLS.items():
        setattr(site_settings, field, getattr(site_settings, field) or url)
    linked = {link.value["page"].pk for link in site_settings.footer_links if link.value["page"]}
    for slug in texts.FOOTER_PAGES:  # a page added to the demo since joins an edited footer
        if pages[slug].pk not in linked:
            site_settings.footer_links.append(
                ("link", {"label": pages[slug].title, "page": pages[slug], "url": ""})
            )
    site_settings.save()
