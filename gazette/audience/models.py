"""What audience measurement keeps: counts, never readers.

`HourlyCount` and `ReferrerCount` are the aggregates kept for good; nothing in them points to a
person. `DailySalt` and `VisitorDigest` exist only for the embedded mode's deduplication (Redis
holds them in the scaled shape) and only for the current day: the first write of a new day, the
periodic task and `purge_audience_salts` delete the earlier rows, so once a salt is gone no
digest can be matched to an address again. `FlushedBatch` makes the Redis flush idempotent.
"""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gazette.news.models import ArticlePage


class HourlyCountQuerySet(models.QuerySet):
    def since(self, start: datetime):
        return self.filter(hour__gte=start)

    def between(self, start: datetime, end: datetime):
        """`end` excluded, so that consecutive periods never count an hour twice."""
        return self.filter(hour__gte=start, hour__lt=end)

    def total(self) -> int:
        return self.aggregate(total=Sum("views"))["total"] or 0

    def per_article(self):
        """Most read first; among equals the most recent article, so the order is stable."""
        return (
            self.values("article", "article__path")
            .annotate(views=Sum("views"))
            .order_by("-views", "-article__first_published_at", "-article")
        )

    def with_day(self):
        """Days of the newsroom's calendar (Paris), not of UTC: a read at 0 h 30 belongs
        to the day the reader lived it."""
        return self.annotate(day=TruncDate("hour", tzinfo=timezone.get_current_timezone()))

    def per_day(self):
        return self.with_day().values("day").annotate(views=Sum("views")).order_by("day")

    def per_day_and_article(self):
        return (
            self.with_day()
            .values("day", "article")
            .annotate(views=Sum("views"))
            .order_by("day", "-views", "article")
        )

    def per_section(self):
        return (
            self.values("article__section__title")
            .annotate(views=Sum("views"))
            .order_by("-views", "article__section__title")
        )

    def per_author(self):
        """An article signed by two counts for each of them: that is what each author reads."""
        return (
            self.filter(article__bylines__author__isnull=False)
            .values("article__bylines__author__name", "article__bylines__author__slug")
            .annotate(views=Sum("views"))
            .order_by("-views", "article__bylines__author__name")
        )

    def in_section(self, section):
        """Nested sections included: « Monde » counts what « Europe » reads."""
        return self.filter(article__path__startswith=section.path)


class HourlyCount(models.Model):
    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="hourly_counts",
    )
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveIntegerField(_("views"), default=0)

    objects = HourlyCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("hourly count")
        verbose_name_plural = _("hourly counts")
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="audience_one_count_per_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="audience_hour")]
        default_permissions = ()
        permissions = [("view_audience", _("Can view audience figures"))]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H h}: {self.views}"


class ReferrerCountQuerySet(models.QuerySet):
    def per_domain(self):
        return self.values("domain").annotate(views=Sum("views")).order_by("-views", "domain")


class ReferrerCount(models.Model):
    """Only the referring site's host name, per day: never the page a reader came from."""

    day = models.DateField(_("day"))
    domain = models.CharField(_("domain"), max_length=253)
    views = models.PositiveIntegerField(_("views"), default=0)

    objects = ReferrerCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("referrer count")
        verbose_name_plural = _("referrer counts")
        constraints = [
            models.UniqueConstraint(fields=["day", "domain"], name="audience_one_count_per_domain")
        ]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.domain} @ {self.day}: {self.views}"


class FlushedBatch(models.Model):
    """A Redis batch already added to the counts: a flush that dies between the database
    commit and the Redis delete finds its batch here on the next run and does not add it twice.
    Kept a week, far longer than a batch can wait."""

    batch_id = models.CharField(max_length=40, unique=True)
    flushed_at = models.DateTimeField(default=timezone.now, db_index=True)

    KEEP = timedelta(days=7)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return self.batch_id


class DailySalt(models.Model):
    """Embedded mode only. In the database, not in a process's memory, so that every process
    of one site hashes a visitor alike; deleted once its day is over."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.day)


class VisitorDigest(models.Model):
    """Embedded mode only: « this visitor already read this article today », as a keyed hash
    that only the day's salt could reproduce, and under which `place` (the visitor's network
    and the article, hashed alike), so that one network counts a few readers at most.
    Deleted with the salt when the day is over."""

    day = models.DateField(db_index=True)
    digest = models.CharField(max_length=32, unique=True)
    place = models.CharField(max_length=32, db_index=True, default="")

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return self.digest
