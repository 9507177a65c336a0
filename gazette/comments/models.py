"""Reader comments, the per-site moderation policy and the blocklist moderators edit.

A comment is stored once and never deleted by moderation: spam and the bin are statuses, so a
false positive goes back to the page with one click. Only `visible()` comments reach a reader.
"""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from gazette.core.cached_settings import CachedSiteSettingMixin
from gazette.core.models import WindowCount

NAME_MAX_LENGTH, URL_MAX_LENGTH, TEXT_MAX_LENGTH, USER_AGENT_MAX_LENGTH = 80, 200, 5000, 200


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def by_email(self, email: str):
        """Addresses are compared without case: « Claire@Exemple.fr » is the same reader."""
        return self.filter(author_email__iexact=email.strip())

    def with_ip_older_than(self, days: int):
        return self.filter(
            ip_address__isnull=False, created_at__lt=timezone.now() - timedelta(days)
        )

    def for_page(self, article):
        """What the article page shows, and only that: the e-mail, IP address and user agent
        are not even read, so no template can print them."""
        return (
            self.visible()
            .filter(article=article)
            .only(
                "parent_id",
                "author_name",
                "author_url",
                "text",
                "created_at",
                "edited_at",
                "is_newsroom",
            )
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Bin")

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    # A reply outlives a parent an administrator deletes: it moves up a level, it is not lost.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    author_name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    author_email = models.EmailField(_("e-mail"), blank=True)
    author_url = models.URLField(_("website"), max_length=URL_MAX_LENGTH, blank=True)
    text = models.TextField(_("comment"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("sent on"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=USER_AGENT_MAX_LENGTH, blank=True)
    spam_score = models.PositiveSmallIntegerField(_("spam score"), default=0)
    spam_reasons = models.JSONField(_("spam reasons"), default=list, blank=True)
    is_newsroom = models.BooleanField(_("newsroom reply"), default=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated on"), null=True, blank=True)
    edited_at = models.DateTimeField(_("edited on"), null=True, blank=True)
    # One form submission, whatever the number of times it reaches us (double click, retry
    # after a network error): see `services.submit_comment`.
    submission_key = models.CharField(  # noqa: DJ001 - NULLs, unlike "", never collide
        max_length=64, unique=True, null=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self) -> str:
        return Truncator(" ".join(self.text.split())).chars(60)

    @property
    def anchor(self) -> str:
        return f"commentaire-{self.pk}"


class BlocklistEntry(models.Model):
    """Something moderators never want to see in a comment.

    A word or phrase matches whole words in the name, the website and the text; an address or
    domain matches the links in the text, the website and the e-mail's domain (sub-domains
    included); an e-mail matches exactly, or a whole domain written « @exemple.fr »; an IP
    entry is one address or a network (« 203.0.113.0/24 »)."""

    class Kind(models.TextChoices):
        WORD = "word", _("Word or phrase")
        URL = "url", _("Web address or domain")
        EMAIL = "email", _("E-mail address or @domain")
        IP = "ip", _("IP address or network")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.WORD)
    value = models.CharField(_("value"), max_length=200)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("added on"), default=timezone.now, editable=False)

    panels = [FieldPanel("kind"), FieldPanel("value"), FieldPanel("note")]

    class Meta:
        ordering = ["kind", "value"]
        verbose_name = _("blocklist entry")
        verbose_name_plural = _("blocklist")
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="unique_blocklist_entry")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.value}"

    def clean(self):
        self.value = self.value.strip().lower()
        if self.kind == self.Kind.EMAIL and not self.value.startswith("@"):
            validate_email(self.value)
        if self.kind == self.Kind.IP:
            try:
                ipaddress.ip_network(self.value, strict=False)
            except ValueError:
                raise ValidationError(
                    {"value": _("Enter an IP address or a network such as 203.0.113.0/24.")}
                ) from None


@register_setting(icon="comment")
class ModerationSettings(CachedSiteSettingMixin, BaseSiteSetting):
    class Policy(models.TextChoices):
        ALL = "all", _("Hold every comment for moderation")
        FIRST_TIME = "first_time", _("Hold comments from first-time commenters only")
        NONE = "none", _("Publish comments at once")

    policy = models.CharField(
        _("moderation"),
        max_length=12,
        choices=Policy,
        default=Policy.ALL,
        help_text=_(
            "A first-time commenter is an e-mail address with no approved comment yet. "
            "Comments that look like spam are always held or sent to spam."
        ),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_("Days after first publication; 0 keeps comments open."),
    )
    notify_moderators = models.BooleanField(
        _("e-mail moderators"),
        default=True,  # a queue nobody is told about fills up unseen
        help_text=_("Send the Moderator group an e-mail for each comment awaiting moderation."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("most links in a comment"),
        default=2,
        help_text=_("A comment with more links waits for moderation."),
    )
    min_seconds = models.PositiveSmallIntegerField(
        _("least time to write a comment (seconds)"),
        default=5,
        help_text=_("Robots fill the form in at once; a comment sent faster is spam."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("policy"), FieldPanel("close_after_days"), FieldPanel("notify_moderators")],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_links"), FieldPanel("min_seconds")], heading=_("Anti-spam")
        ),
    ]

    class Meta:
        verbose_name = _("comment moderation")

    def accepts_comments_on(self, article) -> bool:
        """Articles close on their own N days after first publication, as WordPress does; an
        editor can close one earlier, never reopen one past the limit."""
        if not article.comments_open:
            return False
        if not self.close_after_days or not article.first_published_at:
            return True
        return timezone.now() < article.first_published_at + timedelta(self.close_after_days)


class RateCount(WindowCount):
    """Comment submissions from one client network in the current window
    (`spam.rate_limited`), under a keyed hash of the network, never the address."""

    class Meta:
        default_permissions = ()
