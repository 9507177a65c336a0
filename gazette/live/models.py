"""« En direct »: a live page and the entries a desk posts on it, minute by minute.

A live page is an article (`LivePage` extends `ArticlePage`): la une, sections, feeds, search
and sitemaps list it with no change of theirs, and once « Ce direct est terminé » it reads as
an article with its full timeline. Its entries are rows of their own, not page revisions:
an entry is published in one action, without the page's review workflow, and reaches readers
through one purge of `live:<page id>` (services.py), which only what shows entries recorded.
"""

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from gazette.core import invalidation
from gazette.news.models import ArticlePage, Author

# What a desk needs in a few lines written at speed: emphasis, links, short lists.
ENTRY_FEATURES = ["bold", "italic", "link", "ul"]


def live_key(page_id: int) -> str:
    """Recorded by whatever shows a live page's entries or its latest time; purged by each
    entry published, edited or withdrawn."""
    return f"live:{page_id}"


class LivePage(ArticlePage):
    summary = RichTextField(
        _("the essentials"),
        features=ENTRY_FEATURES,
        blank=True,
        help_text=_("« L'essentiel »: what a reader arriving now must know, kept up to date."),
    )
    started_at = models.DateTimeField(_("start of the live coverage"), default=timezone.now)
    ended_at = models.DateTimeField(
        _("end of the live coverage"),
        null=True,
        blank=True,
        help_text=_(
            "Fill in and publish when the live coverage ends: the page then says « Ce direct "
            "est terminé » and reads as an article, its entries oldest first."
        ),
    )

    content_panels = [
        FieldPanel("kicker"),
        TitleFieldPanel("title"),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("started_at"), FieldPanel("ended_at")],
            heading=_("Live coverage"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead image"),
        ),
        InlinePanel("bylines", label=_("Authors"), min_num=1),
        FieldPanel("signature_line"),
        FieldPanel("body", heading=_("Background")),
        FieldPanel("tags"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    search_fields = [*ArticlePage.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("live page")
        verbose_name_plural = _("live pages")

    @property
    def is_running(self) -> bool:
        """Running until an end is published: a state the page's own publication changes (and
        purges), never the clock, which no cached copy would follow."""
        return self.ended_at is None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        invalidation.record(live_key(self.pk))
        entries = list(self.entries.for_readers(running=self.is_running))
        context.update(
            entries=entries,
            latest_id=max((entry.pk for entry in entries), default=0),
            newest_day=max((entry.day for entry in entries), default=None),
            poll_seconds=settings.GAZETTE_LIVE_POLL_SECONDS,
        )
        return context


class LiveEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(withdrawn=False, page__live=True)

    def for_readers(self, *, running: bool = True):
        """Newest first with the pinned ones on top while the page runs; oldest first, as a
        story is read, once it has ended."""
        rows = (
            self.filter(withdrawn=False)
            .select_related("author", "user", "image")
            .prefetch_related("image__renditions")
        )
        if running:
            return rows.order_by("-pinned", "-published_at", "-pk")
        return rows.order_by("published_at", "pk")


def running_live_pages() -> dict[int, object]:
    """{page id: time of its latest entry or None} for every live page still running: what
    teasers need for the « EN DIRECT » badge, in one query whatever the number of teasers
    (values, not instances: reading them records no key, only the badges shown do).

    Grouped by the id alone (`values("pk")` before `annotate`): grouped by the whole instance,
    the query joined the page tables for their columns, and SQLite then read every page of
    the site (6 ms at 100,000 articles, on every list page) to find the few live ones."""
    rows = (
        LivePage.objects.filter(ended_at__isnull=True)
        .order_by()  # unsorted: no join to the page table for Wagtail's tree order
        .values("pk")
        .annotate(latest=Max("entries__published_at", filter=Q(entries__withdrawn=False)))
    )
    return dict(rows.values_list("pk", "latest"))


class LiveEntry(models.Model):
    page = models.ForeignKey(
        LivePage, verbose_name=_("live page"), on_delete=models.CASCADE, related_name="entries"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = RichTextField(_("text"), features=ENTRY_FEATURES)
    image = models.ForeignKey(
        "core.CreditedImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its alternative text and credit are the image's own."),
    )
    image_caption = models.CharField(_("photo caption"), max_length=300, blank=True)
    quote = models.TextField(_("quote"), blank=True)
    quote_source = models.CharField(_("quote source"), max_length=200, blank=True)
    embed_url = models.URLField(
        _("link card"),
        blank=True,
        help_text=_("A post, a video or a page, shown as a link: nothing is loaded from there."),
    )
    important = models.BooleanField(_("important"), default=False)
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Kept at the top while the page runs.")
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_entries",
        help_text=_("Leave empty to sign with your own name."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, editable=False)
    withdrawn = models.BooleanField(_("withdrawn"), default=False, editable=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        indexes = [models.Index(fields=["page", "published_at"], name="live_entry_page_time")]

    def __str__(self) -> str:
        return self.title or f"{self.page.title} ({self.pk})"

    @property
    def anchor(self) -> str:
        return f"entree-{self.pk}"

    @property
    def signature(self) -> str:
        """The author chosen, else the name of the journalist who posted it."""
        if self.author:
            return self.author.name
        if self.user:
            return self.user.get_full_name() or self.user.get_username()
        return ""

    @property
    def day(self):
        return timezone.localtime(self.published_at, timezone.get_default_timezone()).date()
