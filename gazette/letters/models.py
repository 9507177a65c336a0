"""Newsletters: the letters, their readers, the proof of their consent, the editions and one
delivery row per reader and edition.

A reader is one `Subscriber` (one normalised address) with one `Subscription` per letter; a
subscription counts only once confirmed (double opt-in) and until the reader leaves. Leaving
keeps the row with `unsubscribed_at`: the edition figures count who left after it, and a
later subscription asks for confirmation again. Consent is proven by `ConsentRecord` rows,
written and never edited: the text the reader was shown, where, when, and from which client.
"""

from datetime import time, timedelta

from django.db import models
from django.db.models import Count, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from gazette.core.models import WindowCount


def normalise_email(address: str) -> str:
    """One reader, one row: the domain is case-insensitive by the standard, and in practice
    every mailbox provider treats the local part so too, so « Marie@Exemple.fr » and
    « marie@exemple.fr » are the same subscriber."""
    return address.strip().lower()


class LetterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Weekday(models.IntegerChoices):
    """Python's numbering (`date.weekday()`): Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Letter(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        OCCASIONAL = "occasional", _("Occasional")

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="letters",
        help_text=_("The sections whose articles this letter draws on."),
    )
    active = models.BooleanField(
        _("open to subscriptions"),
        default=True,
        help_text=_("An inactive letter no longer appears in the forms; its archive stays."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    automatic = models.BooleanField(
        _("automatic edition"),
        default=True,
        help_text=_(
            "Daily and weekly letters: an edition is built and sent at the set time, from the "
            "most read articles of its sections and la une's featured stories."
        ),
    )
    send_time = models.TimeField(_("sending time"), default=time(7, 0), help_text=_("Paris time."))
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"),
        choices=Weekday.choices,
        default=Weekday.FRIDAY,
        help_text=_("Weekly letters only."),
    )
    article_count = models.PositiveSmallIntegerField(_("articles per automatic edition"), default=6)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["sort_order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("letters:letter", args=[self.slug])


class Subscriber(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        BOUNCING = "bouncing", _("Refused by the mail server")
        SUSPENDED = "suspended", _("Suspended")

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    bounce_count = models.PositiveSmallIntegerField(_("permanent failures"), default=0)
    last_failure = models.TextField(_("last failure"), blank=True)
    suspended_at = models.DateTimeField(_("suspended on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        """Those who receive the letter: confirmed, still there, at an address not suspended."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).exclude(
            subscriber__status=Subscriber.Status.SUSPENDED
        )


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("subscriber"),
    )
    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("newsletter")
    )
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("left on"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "letter"], name="one_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.letter}"


class ConsentRecord(models.Model):
    """Written once, never edited: what the reader agreed to, in the words shown."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Subscription requested")
        CONFIRMED = "confirmed", _("Subscription confirmed")
        CHANGED = "changed", _("Preferences changed")
        WITHDRAWN = "withdrawn", _("Unsubscribed")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("subscriber"),
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    letters = models.JSONField(_("newsletters"), default=list)
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    source = models.CharField(_("form"), max_length=500, blank=True)
    consent_text = models.TextField(_("text shown"), blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.subscriber} : {self.get_action_display()}"


# « Unsubscribed after » an edition: its readers who left that letter within this time.
LEFT_WITHIN = timedelta(days=7)


class EditionQuerySet(models.QuerySet):
    def with_departures(self):
        """`left_after`: readers the edition reached who left its letter within LEFT_WITHIN
        of its sending, one subquery per row rather than a query per edition listed."""
        left = Subscription.objects.filter(
            letter=OuterRef("letter"),
            subscriber__deliveries__edition=OuterRef("pk"),
            subscriber__deliveries__status="sent",
            unsubscribed_at__gte=OuterRef("started_at"),
            unsubscribed_at__lt=ExpressionWrapper(
                OuterRef("started_at") + LEFT_WITHIN, output_field=models.DateTimeField()
            ),
        )
        counted = left.order_by().values("letter").annotate(total=Count("pk")).values("total")
        return self.annotate(left_after=Coalesce(Subquery(counted), 0))


class Edition(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    letter = models.ForeignKey(
        Letter, on_delete=models.PROTECT, related_name="editions", verbose_name=_("newsletter")
    )
    subject = models.CharField(_("subject"), max_length=200)
    editor_note = models.TextField(_("editor's note"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started on"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    objects = EditionQuerySet.as_manager()

    period = models.DateField(
        _("automatic edition of"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day an automatic edition was made for; empty for a composed one."),
    )

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-sent_at", "-created_at"]
        constraints = [
            # One automatic edition per letter and day, whoever runs the round: composed
            # editions (no period) are not counted, NULLs being distinct.
            models.UniqueConstraint(fields=["letter", "period"], name="one_automatic_edition")
        ]

    def __str__(self) -> str:
        return self.subject

    def save(self, *args, **kwargs):
        """Before it leaves, a time set means « scheduled » and none « draft »: the sending
        round (tasks.py) starts the scheduled ones when due."""
        if self.status in (self.Status.DRAFT, self.Status.SCHEDULED):
            self.status = self.Status.SCHEDULED if self.scheduled_at else self.Status.DRAFT
        super().save(*args, **kwargs)


class EditionArticle(Orderable):
    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="chosen_articles")
    article = models.ForeignKey(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("chosen article")
        verbose_name_plural = _("chosen articles")


class Delivery(models.Model):
    """One message of one edition to one reader, created before the first is sent: the
    unique pair is what makes a resumed send neither skip nor repeat anyone."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To send")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("edition")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claim = models.CharField(_("claim"), max_length=32, blank=True)
    claimed_at = models.DateTimeField(_("claimed on"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="one_delivery")
        ]
        indexes = [
            models.Index(
                fields=["edition", "status"],
                name="delivery_to_send",
                condition=Q(status__in=["pending", "sending"]),
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition} → {self.subscriber}"


class SubscribeRateCount(WindowCount):
    """Subscription requests from one client network in the current window (abuse.py)."""

    class Meta:
        default_permissions = ()
