"""Site-wide models: the image model (with a photo credit) and the newsroom's site settings."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, ImageQuerySet
from wagtail.images.models import Image as WagtailImage

from .cached_settings import CachedSiteSettingMixin
from .social import NETWORK_HELP, NETWORKS

ALT_TEXT_HELP = _(
    "What the photo shows, for readers who cannot see it (screen readers, images turned off): "
    "who, what, where, in one sentence. Do not begin with « Photo of », do not repeat the "
    "caption or the credit."
)


class CreditedImageQuerySet(ImageQuerySet):
    def incomplete(self):
        """« Images à compléter »: no alt text, or no credit without « crédit inconnu ». The
        admin forms refuse both; images that come another way (earlier versions, imports) are
        kept but listed, and pages do not show one without alt text (docs/newsroom-roles.md)."""
        return self.filter(models.Q(description="") | models.Q(credit="", credit_unknown=False))


class CreditedImage(AbstractImage):
    """Wagtail's image with the credit a newsroom must print beside every photo.

    The alt text is Wagtail's own `description` field, relabelled. Both are required by the
    admin's form (gazette/core/image_forms.py), not by the database: an importer may bring
    images without them, which then wait in `incomplete()`."""

    description = models.CharField(
        _("alt text"), max_length=255, blank=True, default="", help_text=ALT_TEXT_HELP
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who took the photo or owns it: « AFP », « Jeanne Martin / Gazette ». Required, "
            "unless « Credit unknown » is ticked."
        ),
    )
    credit_unknown = models.BooleanField(
        _("credit unknown"),
        default=False,
        help_text=_("Tick only when nobody can say who took the photo: the credit stays empty."),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit", "credit_unknown")

    objects = CreditedImageQuerySet.as_manager()

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def alt(self) -> str:
        return self.description or ""

    @property
    def default_alt_text(self) -> str:
        """Wagtail falls back on the title (« IMG_2041 »), which no reader should hear."""
        return self.alt


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "link"
        label = _("link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose either a page or an address."))}
            )
        return value


def _follow_url(label: str) -> models.URLField:
    return models.URLField(label, blank=True, help_text=NETWORK_HELP, max_length=300)


@register_setting(icon="site")
class SiteSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """What a newsroom edits about its site without a developer: name, follow links, footer.

    One URL field per network rather than a free list: each network has its own icon and
    accessible name, and editors cannot mistype a network's name."""

    site_name = models.CharField(_("site name"), max_length=120, default="Gazette")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ForeignKey(
        CreditedImage,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    facebook_url = _follow_url("Facebook")
    x_url = _follow_url("X")
    instagram_url = _follow_url("Instagram")
    linkedin_url = _follow_url("LinkedIn")
    youtube_url = _follow_url("YouTube")
    tiktok_url = _follow_url("TikTok")
    bluesky_url = _follow_url("Bluesky")
    mastodon_url = _follow_url("Mastodon")
    whatsapp_url = _follow_url("WhatsApp")
    telegram_url = _follow_url("Telegram")
    footer_links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("footer links")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel(f"{n.key}_url") for n in NETWORKS], heading=_("Social networks")
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def follow_links(self) -> list[tuple]:
        """(network, url) pairs, in a fixed order, for the networks that are filled in."""
        return [
            (network, getattr(self, f"{network.key}_url"))
            for network in NETWORKS
            if getattr(self, f"{network.key}_url")
        ]


class PagePurgeQuerySet(models.QuerySet):
    KEEP = timedelta(days=1)

    def record(self, paths: str) -> int:
        """Write a purge for the other processes; drop those no process can still need."""
        purge = self.create(paths=paths)
        self.filter(created_at__lt=timezone.now() - self.KEEP).delete()
        return purge.pk

    def latest_id(self) -> int:
        return self.order_by("-pk").values_list("pk", flat=True).first() or 0

    def since(self, purge_id: int):
        return self.filter(pk__gt=purge_id).order_by("pk").values_list("pk", "paths")


class PagePurge(models.Model):
    """A purge of keys (gazette/core/invalidation.py), one per line, for the other processes
    of the embedded shape, whose caches are in their own memory (gazette/core/page_cache.py).
    Kept a day. The column kept its first name: it held paths before keys."""

    EVERYTHING = "*"

    paths = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = PagePurgeQuerySet.as_manager()

    def __str__(self):
        return self.paths.replace("\n", " ")


class WindowCount(models.Model):
    """Requests from one client in the current window, for the rate limits of the public forms
    (comments, newsletter subscriptions), each app with its own table. Keyed by a hash of the
    client's network, never the address. In the database and not in the cache: the embedded
    shape's in-process cache is bounded, so a flood of new keys (query strings, host names)
    would evict the counter and reopen the gate, and each process would count alone. Rows of
    ended windows are deleted as new ones come."""

    key = models.CharField(max_length=32, unique=True)
    started_at = models.DateTimeField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"

    @classmethod
    def hit(cls, key: str, *, now, window: timedelta) -> int:
        """Count one more request and return the window's total. One upsert, atomic on
        SQLite and PostgreSQL alike: two processes never both see the same total."""
        quote = connection.ops.quote_name
        table, started, hits = quote(cls._meta.db_table), quote("started_at"), quote("hits")
        adapt = connection.ops.adapt_datetimefield_value
        cutoff = adapt(now - window)
        cls.objects.filter(started_at__lte=now - window).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({quote('key')}, {started}, {hits}) VALUES (%s, %s, 1) "  # noqa: S608 (our names)
                f"ON CONFLICT ({quote('key')}) DO UPDATE SET "
                f"{hits} = CASE WHEN {table}.{started} > %s THEN {table}.{hits} + 1 ELSE 1 END, "
                f"{started} = CASE WHEN {table}.{started} > %s "
                f"THEN {table}.{started} ELSE excluded.{started} END "
                f"RETURNING {hits}",
                [key, adapt(now), cutoff, cutoff],
            )
            return cursor.fetchone()[0]
