"""Test data made the way an editor makes it: pages added to the tree, then published through a
revision, so that `page_published` fires and the stored row is what the editor's button stores.
Also `fr()`, the words a French reader sees for an interface msgid.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.models import Page

from gazette.core.models import CreditedImage
from gazette.news.corrections import ArticleNote
from gazette.news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
from gazette.news.site_root import make_site_root


def _publish(parent: Page, page: Page, *, live: bool = True) -> Page:
    page.live = False
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()  # fires page_published, like the editor's button
    return page


def ensure_initial_data() -> None:
    """What Wagtail's data migrations create (the default locale, the page and collection
    roots) and our newsroom groups. A transactional test flushes every table when it ends, so
    tests and fixtures that run after one put these back first."""
    from wagtail.models import Collection, Locale, PageLogEntry

    from gazette.news.newsroom import ensure_newsroom

    Locale.objects.get_or_create(language_code="fr")
    if not Page.get_first_root_node():
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        # Wagtail's migration writes no history for its root; a logged « Root » would show
        # in the site history report as no real install's does.
        PageLogEntry.objects.filter(page=root).delete()
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    ensure_newsroom()


def make_home(title: str = "La une") -> HomePage:
    """La une at the top of the tree, served by the default site for localhost."""
    home = _publish(Page.get_first_root_node(), HomePage(title=title, slug="la-une"))
    make_site_root(home, hostname="localhost", port=80)
    return home


def make_section(parent: Page, title: str, *, live: bool = True, **fields) -> SectionPage:
    fields.setdefault("show_in_menus", True)
    return _publish(parent, SectionPage(title=title, **fields), live=live)


def make_author(name: str, **fields) -> Author:
    return Author.objects.create(name=name, slug=slugify(name), **fields)


# The size of a real lead image, for the tests that read the sizes of its renditions.
LARGE = (1600, 900)


def make_image(
    title: str = "Photo d'essai", *, credit: str = "AFP", size=(320, 180), **fields
) -> CreditedImage:
    """A real JPEG, so that renditions are generated as in production. Small by default:
    Wagtail never enlarges, so a 320-pixel source makes each of a page's nine renditions
    (AVIF, WebP, JPEG at three widths) in milliseconds instead of 100 ms; a test that reads
    the widths a rendition gets asks for `LARGE`."""
    buffer = BytesIO()
    PillowImage.new("RGB", size, "steelblue").save(buffer, "JPEG")
    return CreditedImage.objects.create(
        title=title,
        credit=credit,
        description=fields.pop("description", f"Description de {title}"),
        file=ImageFile(buffer, name=f"{slugify(title)}.jpg"),
        **fields,
    )


def make_article(
    section: SectionPage,
    title: str = "Titre d'essai",
    *,
    live: bool = True,
    authors: tuple[Author, ...] = (),
    credits: tuple[tuple[Author, str], ...] = (),
    tags: tuple[str, ...] = (),
    **fields,
) -> ArticlePage:
    """`authors` wrote the text; `credits` are (author, role) pairs, after them."""
    fields.setdefault("standfirst", "Un chapô d'essai.")
    fields.setdefault("body", [("paragraph", "<p>Un paragraphe d'essai.</p>")])
    credits = [(author, ArticleAuthor.Role.TEXT) for author in authors] + list(credits)
    article = ArticlePage(
        title=title,
        bylines=[ArticleAuthor(author=author, role=role) for author, role in credits],
        **fields,
    )
    article.tags.add(*tags)
    return _publish(section, article, live=live)


def make_note(
    article: ArticlePage,
    text: str = "Une version précédente de cet article se trompait de date.",
    *,
    kind: str = ArticleNote.Kind.CORRECTION,
    live: bool = True,
    user=None,
) -> ArticleNote:
    """A note saved as a draft, then published through a revision, as by an éditeur."""
    note = ArticleNote(article=article, kind=kind, text=text, live=False)
    note.save()
    revision = note.save_revision(user=user)
    if live:
        revision.publish(user=user)
        note.refresh_from_db()
    return note


def jpeg_upload(name: str = "marche.jpg") -> SimpleUploadedFile:
    """A photo as a browser sends it in a form."""
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 48), "darkorange").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def fr(msgid: str) -> str:
    """Tests compare pages with the catalogue, not with a copy of it: a reworded translation
    must not break them, a msgid missing from the template must."""
    with translation.override("fr"):
        return translation.gettext(msgid)
