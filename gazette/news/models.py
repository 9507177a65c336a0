"""The newsroom's content: la une, sections, articles, authors, simple pages.

Listing pages read through `ArticlePageQuerySet.teasers()`, which fetches everything a teaser
shows in a fixed number of queries: a page with 20 teasers costs what a page with 2 costs.
Whatever a reader is shown of pages other than the one being read goes through `visible()`.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from gazette.core import invalidation, restrictions
from gazette.core.cache import PublicCacheMixin
from gazette.core.routing import CachedRouteMixin
from gazette.core.slugs import AsciiSlugMixin, ascii_slug

from .blocks import ArticleBodyBlock, SimpleBodyBlock
from .bulk import unique_slug
from .corrections import ArticleNote, ArticleNotesPanel

# Pages of results a listing offers, at most: see `CappedPaginator`.
MAX_PAGES = 50
# Stands for a section's path in a subquery built once (`latest_per_section`): letters, which
# a LIKE pattern writes as they are, and never a tree path (those are steps of 4 characters).
PATH_SLOT = "SECTIONPATH"
MENU_PREFIX = "gazette:menu-sections:v1:"  # `menu_sections`, kept per home page


class NewsPageQuerySet(PageQuerySet):
    def visible(self):
        """Live pages that every reader may open: none with a view restriction (a password,
        logged-in readers, groups) on itself or an ancestor. Every public listing, feed,
        sitemap and search reads pages through here: they show the same bytes to everyone, so
        a page only some readers may open is listed to none (docs/security-restrictions.md).
        Wagtail's `public()` reads the restrictions (one query) and leaves out each one's
        subtree by path; it is skipped while no page is private, the usual case."""
        pages = self.live()
        return pages.public() if restrictions.any_exist() else pages


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def page_rows() -> NewsPageQuerySet:
    """Every page as a row of the page table alone, what `newest_first()` sorts: Wagtail's
    `Page.objects`, with `visible()`."""
    return NewsPageQuerySet(Page)


class CappedPaginator(Paginator):
    """Counts no further than MAX_PAGES pages. An exact COUNT(*) reads every row: 100 ms
    for a section of 17,000 articles in an archive of 100,000 (bench/RESULTS.md), on each
    uncached view of each page, while readers hardly go past page 5. Older articles stay
    reachable through the sitemaps and narrower listings (search, tags, sub-sections)."""

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if isinstance(rows, models.QuerySet):  # unordered: any N rows count the same
            return rows.order_by()[: self.per_page * MAX_PAGES].count()
        return len(rows[: self.per_page * MAX_PAGES])


class TeaserPaginator(CappedPaginator):
    """Counts and slices page ids from `newest_first()`, then fetches the teasers of that one
    page by id: an author's 2,000 articles sort as pairs of values from the page table, rather
    than as whole article rows joined to theirs (41 ms at 100,000 articles on SQLite, 2.1 times
    the figure at 1,000: bench/RESULTS.md). The page holds the same teasers, in the same order,
    in as many queries as before."""

    def __init__(self, pages: NewsPageQuerySet, per_page: int):
        super().__init__(newest_first(pages), per_page)

    def _get_page(self, ids, *args, **kwargs):
        teasers = ArticlePage.objects.listed().filter(pk__in=ids)
        return super()._get_page(teasers, *args, **kwargs)


def paginate(request, queryset, per_page: int, *, paginator_class=CappedPaginator):
    """`?page=abc` or a page past the end is a 404, not a 500 nor an endless set of cache
    entries holding the same first page."""
    paginator = paginator_class(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(str(error)) from error


def newest_first(pages: NewsPageQuerySet) -> models.QuerySet:
    """The ids of the visible `pages`, newest first, read from the page table alone: listings
    pick their rows here, then fetch those teasers by id. SQLite walks the publication-date index
    (whose entries end with the page's id) and stops at the LIMIT only when both sort keys are
    on the page table; an `ArticlePage` query cannot say so, as Django writes its `-id` as the
    article table's `page_ptr_id` (the same value, one join away), and SQLite sorted all
    100,000 articles to find la une's lead (360 ms: bench/RESULTS.md)."""
    return pages.visible().order_by("-first_published_at", "-pk").values("pk")


def article_pages() -> NewsPageQuerySet:
    """Every article as a row of the page table. Joined rather than filtered on the content
    type: with `content_type_id = …` and a LIMIT 1, SQLite read the 100,000 articles through
    the content-type index, then sorted them."""
    return page_rows().filter(articlepage__isnull=False)


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        blank=True,
        help_text=_("The end of the author's address; made from the name when left empty."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "core.CreditedImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """A new slug leaves a permanent redirect from the old address, as a page's does."""
        self.slug = ascii_slug(self.slug or self.name)  # created in code, without clean()
        before = (
            self.pk and Author.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        )
        super().save(*args, **kwargs)
        if before and before != self.slug:
            old_path = Redirect.normalise_path(reverse("news:author", args=[before]))
            Redirect.objects.update_or_create(
                site=None,
                old_path=old_path,
                defaults={
                    "redirect_link": self.get_absolute_url(),
                    "redirect_page": None,
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )

    def get_absolute_url(self) -> str:
        return reverse("news:author", args=[self.slug])

    def full_clean(self, *args, **kwargs):
        """An address in ASCII (gazette/core/slugs.py), before the field is validated; made
        from the name when left empty, then numbered if a namesake already has it."""
        typed = self.slug
        self.slug = ascii_slug(self.slug or self.name)
        if not typed:
            taken = Author.objects.exclude(pk=self.pk).filter(slug__startswith=self.slug)
            self.slug = unique_slug(self.slug, set(taken.values_list("slug", flat=True)))
        super().full_clean(*args, **kwargs)

    def article_pages(self) -> NewsPageQuerySet:
        """Their articles as rows of the page table, for `newest_first()`: the ids come from the
        byline index, with no join to the article table before the sort."""
        return page_rows().filter(pk__in=self.bylines.values("article_id"))


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def tagged_pages(tag) -> NewsPageQuerySet:
    """The articles on `tag` as rows of the page table, for `newest_first()`, as an author's."""
    return page_rows().filter(pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id"))


class ArticlePageQuerySet(NewsPageQuerySet):
    def teasers(self):
        """Visible articles, newest first, with what a teaser shows already fetched, and
        their bylines. Of the section, only its title: the kicker's. Its 30 other columns,
        read and converted for each teaser, were a tenth of a listing's query
        (bench/RESULTS.md, 2026-12-03)."""
        return (
            self.visible()
            .select_related("section", "lead_image")
            .defer(*_unshown_section_columns())
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")),
                "lead_image__renditions",
            )
            .order_by("-first_published_at", "-id")  # a listing sorts first: `newest_first()`
        )

    def listed(self):
        """`teasers()` for the pages that list teasers, without what no teaser shows: the
        body, its JSON read and parsed for each, and the bylines, a query and two rows per
        article (la une's lead, the one teaser signed, reads its own); nor Wagtail's
        bookkeeping columns (`UNSHOWN_IN_TEASERS`): read, converted and set on each of 20
        teasers, they were a quarter of the time a list takes to fetch them (0.7 ms of 2.6).
        Feeds and search results, which show more, take `teasers()`."""
        return (
            self.teasers()
            .defer("body", *UNSHOWN_IN_TEASERS)
            .prefetch_related(None)
            .prefetch_related("lead_image__renditions")
        )

    def newest(self, pages: NewsPageQuerySet, count: int):
        """The `count` newest of the visible `pages`, as teasers (see `newest_first()`)."""
        return self.teasers().filter(pk__in=newest_first(pages)[:count])

    def latest_per_section(self, sections, count: int, *, exclude=(), also=()):
        """The `count` newest visible articles under each of `sections` (nested sections
        included), leaving out `exclude` (ids), in one query whatever the number of articles;
        the articles `also` names (ids) come with them, listed under `None` (la une's lead).
        Each section picks the ids of its newest pages in a subquery with a LIMIT, on the page
        table alone, so that PostgreSQL and SQLite both walk the publication-date index down
        and stop at once (joined to the article table, SQLite sorted every article first);
        the outer query fetches those teasers. A window ranking every article sorted the
        whole archive instead: 1.3 s at 100,000 articles (bench/RESULTS.md)."""
        subqueries = ["SELECT %s"] * len(also)
        params = [*also]
        if sections:
            section_type = ContentType.objects.get_for_model(SectionPage)
            candidates = (
                newest_first(page_rows())  # read once: the view restrictions are one query
                .exclude(content_type=section_type)  # only articles remain under a section
                .exclude(pk__in=exclude)
            )
            # One subquery built, then run with each section's path: the SQL is the same for
            # all, and Django took longer to build six of them than the database to run them.
            newest = candidates.filter(path__startswith=PATH_SLOT)[:count]
            sql, section_params = newest.query.sql_with_params()
            slot = section_params.index(PATH_SLOT + "%")  # Django's LIKE pattern, `startswith`
            for section in sections:
                subqueries.append(sql)
                params += [
                    section.path + "%" if n == slot else param
                    for n, param in enumerate(section_params)
                ]
        if not subqueries:
            return {}
        # UNION ALL of the LIMITed subqueries, each wrapped, as SQLite wants them; `OR`ed
        # `IN (...)` conditions instead made PostgreSQL test every article against each.
        ids = RawSQL(  # noqa: S611 - Django's own SQL, values passed as parameters
            " UNION ALL ".join(
                f"SELECT * FROM ({sql}) AS newest{n}"  # noqa: S608 - as above
                for n, sql in enumerate(subqueries)
            ),
            params,
        )
        grouped = {None: [], **{section.pk: [] for section in sections}}
        by_prefix = {section.path: section for section in sections}
        prefix_len = sections[0].depth * Page.steplen if sections else 0
        for article in self.listed().filter(pk__in=ids):
            if article.pk in also:
                grouped[None].append(article)
            else:
                grouped[by_prefix[article.path[:prefix_len]].pk].append(article)
        return grouped


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)

# What no teaser reads: revisions, locks, schedule, owner, locale, the search and menu
# settings, and the article's fields its own page alone shows. A teaser template that came
# to read one would cost a query per teaser: the query-count tests of the lists would say so.
UNSHOWN_IN_TEASERS = (
    "translation_key",
    "locale",
    "latest_revision",
    "has_unpublished_changes",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "owner",
    "latest_revision_created_at",
    "alias_of",
    "show_in_menus",
    "seo_title",
    "search_description",
    "numchild",
    "lead_image_caption",
    "updated_at",
    "comments_open",
)


@functools.cache
def _unshown_section_columns() -> tuple[str, ...]:
    shown = {"id", "page_ptr", "title"}
    return tuple(
        f"section__{field.name}"
        for field in SectionPage._meta.concrete_fields
        if field.name not in shown
    )


class HomePage(PublicCacheMixin, CachedRouteMixin, AsciiSlugMixin, Page):
    """La une: a lead story and featured stories chosen by editors, then each section."""

    lead_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the latest article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead_story"),
        InlinePanel("featured_items", label=_("Featured stories"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.SimplePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    TEASERS_PER_SECTION = 4

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        invalidation.record(f"list:section:{self.pk}")  # what a new article anywhere enters
        featured_ids = [item.article_id for item in self.featured_items.all()]
        chosen_ids = [pk for pk in [self.lead_story_id, *featured_ids] if pk]
        chosen = (  # nothing chosen, the usual case: not even the query built (1 ms)
            {
                article.pk: article
                for article in ArticlePage.objects.listed().filter(pk__in=chosen_ids)
            }
            if chosen_ids
            else {}
        )
        lead = chosen.get(self.lead_story_id)
        # Else the newest article: its id now, its teaser with the sections' (a query less).
        lead_id = (
            lead.pk
            if lead
            else newest_first(article_pages().descendant_of(self))
            .values_list("pk", flat=True)
            .first()
        )
        featured = [chosen[pk] for pk in featured_ids if pk in chosen and pk != lead_id]
        shown = {pk for pk in [lead_id, *(a.pk for a in featured)] if pk}
        sections = menu_sections(request, self)
        latest = ArticlePage.objects.latest_per_section(
            sections,
            self.TEASERS_PER_SECTION,
            exclude=shown,
            also=[lead_id] if lead is None and lead_id else [],
        )
        context.update(
            lead=lead or next(iter(latest.get(None, [])), None),
            featured=featured,
            section_blocks=[(section, latest[section.pk]) for section in sections],
        )
        return context


class HomeFeatured(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]


class SectionPage(PublicCacheMixin, AsciiSlugMixin, Page):
    """A rubrique (Monde, Culture...). Sections nest: « Europe » inside « Monde »."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.ArticlePage", "news.SectionPage", "live.LivePage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    objects = NewsPageManager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        invalidation.record(f"list:section:{self.pk}")  # what a new article in it enters
        context["articles"] = paginate(
            request,
            article_pages().descendant_of(self),
            settings.GAZETTE_PAGE_SIZE,
            paginator_class=TeaserPaginator,
        )
        context["subsections"] = SectionPage.objects.child_of(self).visible().in_menu()
        return context


def menu_sections(request, home: Page) -> list[SectionPage]:
    """`home`'s visible sections shown in menus, read once per request: la une lists their
    articles, and the menu (`{% section_menu %}`) of every page names them.

    Kept between requests as the site settings are (gazette/core/cached_settings.py): every
    page shows the menu, whose query cost 1.5 ms to build and run for a handful of rows that
    change a few times a year. The list is kept with the keys its rows recorded (each
    section's) and `navigation`, the keys the menu is kept with as a fragment: a section
    published, renamed, moved or hidden purges them, a view restriction purges everything,
    and the list goes stale with the menus that showed it."""
    kept = getattr(request, "_gazette_menu_sections", None)
    if kept is not None and kept[0] == home.pk:
        return kept[1]
    sections = invalidation.cached(
        f"{MENU_PREFIX}{home.pk}",
        lambda: list(SectionPage.objects.child_of(home).visible().in_menu()),
        timeout=settings.GAZETTE_SHARED_MAX_AGE,
        keys=("navigation",),  # purging.NAVIGATION; purging imports this module
    )
    if request is not None:
        request._gazette_menu_sections = (home.pk, sections)
    return sections


class ArticlePage(PublicCacheMixin, AsciiSlugMixin, Page):
    class Label(models.TextChoices):
        ARTICLE = "article", _("Article")
        ANALYSIS = "analysis", _("Analysis")
        INTERVIEW = "interview", _("Interview")
        OPINION = "opinion", _("Opinion")
        REPORT = "report", _("Report")
        INVESTIGATION = "investigation", _("Investigation")
        EDITORIAL = "editorial", _("Editorial")
        COLUMN = "column", _("Column")
        PORTRAIT = "portrait", _("Portrait")
        EXPLAINER = "explainer", _("Explainer")

    label = models.CharField(_("label"), max_length=20, choices=Label, default=Label.ARTICLE)
    kicker = models.CharField(
        _("kicker"),
        max_length=60,
        blank=True,
        help_text=_(
            "The story's subject, above the title: « COP30 », « Guerre en Ukraine ». "
            "The label shows when it is empty, and beside it when it is not « Article »."
        ),
    )
    standfirst = models.TextField(_("standfirst"), max_length=600)
    lead_image = models.ForeignKey(
        "core.CreditedImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=300, blank=True)
    signature_line = models.CharField(
        _("signature line"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown after the authors' names: « Par notre correspondante à Genève », « Avec AFP »."
        ),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    # « Mis à jour le »: set from the article's notes (corrections.record_note_change).
    updated_at = models.DateTimeField(_("updated on"), null=True, blank=True, editable=False)
    comments_open = models.BooleanField(_("comments open"), default=True)
    section = models.ForeignKey(
        SectionPage,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ArticlePageManager()
    routed_with = ("section",)  # gazette/core/routing.py

    content_panels = [
        FieldPanel("label"),
        FieldPanel("kicker"),
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead image"),
        ),
        InlinePanel("bylines", label=_("Authors"), min_num=1),
        FieldPanel("signature_line"),
        FieldPanel("body"),
        FieldPanel("tags"),
        ArticleNotesPanel(heading=_("Corrections and updates")),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("comments_open"),
    ]
    exclude_fields_in_copy = ["updated_at"]  # a copy is a new article, corrected of nothing
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("kicker"),
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        """The section is the parent page, kept on the row so that teasers get it through a
        join instead of one tree lookup each."""
        if self.path and self.depth > 1:
            self.section = SectionPage.objects.filter(path=self.path[: -self.steplen]).first()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Its topics read once, by the first part of the page that shows them: the body, the
        Open Graph tags and the JSON-LD each ask `tags.all()`, which taggit answers with the
        queryset a prefetch left in `_prefetched_objects_cache`. Left there unevaluated, the
        same queryset serves every caller, and a page whose parts are all kept
        (gazette/core/fragments.py) reads none. A preview's topics come from its revision."""
        context = super().get_context(request, *args, **kwargs)
        if not hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache = {}
        self._prefetched_objects_cache.setdefault("tags", self.tags.all())
        return context

    @cached_property
    def credits(self) -> list["ArticleAuthor"]:
        """Its bylines with their authors: one query, or none when a listing prefetched them."""
        bylines = self.bylines.all()
        if "bylines" not in getattr(self, "_prefetched_objects_cache", {}):
            bylines = bylines.select_related("author")
        return list(bylines)

    @property
    def authors(self) -> list[Author]:
        """Everyone credited, whatever their role: each one's page lists the article."""
        return [byline.author for byline in self.credits]

    @property
    def writers(self) -> list[Author]:
        """Who wrote the text: the « Par … » of the byline, schema.org's `author`."""
        return [b.author for b in self.credits if b.role == ArticleAuthor.Role.TEXT]

    @property
    def contributors(self) -> list[tuple[str, list[Author]]]:
        """(role, authors) for photos, graphics and video, in the order of the roles."""
        by_role: dict[str, list[Author]] = {}
        for byline in self.credits:
            if byline.role != ArticleAuthor.Role.TEXT:
                by_role.setdefault(byline.role, []).append(byline.author)
        return [
            (str(ArticleAuthor.Role(role).label), by_role[role])
            for role in ArticleAuthor.Role.values
            if role in by_role
        ]

    def with_content_json(self, content):
        """« Mis à jour le » follows the notes, which change without a page revision: a
        revision published later must not bring back the date it was saved with."""
        page = super().with_content_json(content)
        page.updated_at = self.updated_at
        return page

    @cached_property
    def public_notes(self) -> list[ArticleNote]:
        """Its published notes, oldest first: one query, or none when a listing prefetched
        them under this name (`Prefetch("notes", …, to_attr="public_notes")`)."""
        return list(self.notes.public())

    def photos(self) -> list:
        """The lead image and the body's images, in reading order."""
        body = [block.value["image"] for block in self.body if block.block_type == "image"]
        return [image for image in [self.lead_image, *body] if image]

    def get_label_display(self) -> str:
        """Django's, without its table of the ten labels built at each call: hashing them
        looks each up in the translation catalog, and the kicker of every teaser asks."""
        try:
            return str(self.Label(self.label).label)
        except ValueError:  # a value no longer among the choices shows as stored, as Django's
            return self.label

    @property
    def was_updated(self) -> bool:
        return bool(
            self.updated_at
            and self.first_published_at
            and self.updated_at > self.first_published_at
        )


class ArticleAuthor(Orderable):
    """One credit: an author from the Auteurs list and what they did for the article."""

    class Role(models.TextChoices):
        TEXT = "text", _("Text")
        PHOTO = "photo", _("Photos")
        GRAPHICS = "graphics", _("Graphics")
        VIDEO = "video", _("Video")

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
        db_index=False,  # the index below starts with it
    )

    role = models.CharField(_("contribution"), max_length=10, choices=Role, default=Role.TEXT)

    panels = [FieldPanel("author"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        # An author page reads its articles' ids from this index alone, without a visit to
        # each of the 2,000 rows of a prolific author (see `TeaserPaginator`).
        indexes = [models.Index(fields=["author", "article"], name="news_byline_author_article")]


class SimplePage(PublicCacheMixin, AsciiSlugMixin, Page):
    """À propos, Mentions légales: text pages with no date and no byline."""

    body = StreamField(SimpleBodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["news.HomePage", "news.SimplePage"]
    subpage_types = ["news.SimplePage"]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("simple page")
        verbose_name_plural = _("simple pages")
