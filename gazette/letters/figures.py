"""What the admin shows of a letter's readership: how many, and how that changed. Counted
from the subscription rows in two grouped queries (arrivals and departures per day), never
by loading the readers: a letter of 100,000 readers reads as fast as one of ten.

A departure is a reader leaving the letter or an address suspended after repeated refusals;
a reader who left then subscribed again counts from the new confirmation (the row keeps only
the latest), so the curve is the present readership's history, which is what an editor asks.
"""

from datetime import date, timedelta

from django.db.models import Case, Count, F, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from gazette.core.charts import BarChart, bar_chart

from .models import Letter, Subscriber, Subscription

DAYS = 30


def readers_per_day(letter: Letter, *, today: date, days: int = DAYS) -> list[tuple[date, int]]:
    """Confirmed readers at the end of each of the last `days` days, `today` included."""
    paris = timezone.get_default_timezone()
    rows = Subscription.objects.filter(letter=letter, confirmed_at__isnull=False)
    arrivals = _per_day(rows, "confirmed_at", paris)
    ended = Case(
        When(unsubscribed_at__isnull=False, then=F("unsubscribed_at")),
        When(subscriber__status=Subscriber.Status.SUSPENDED, then=F("subscriber__suspended_at")),
    )
    departures = _per_day(rows.annotate(ended=ended).filter(ended__isnull=False), "ended", paris)
    first = today - timedelta(days=days - 1)
    count = sum(n for day, n in arrivals.items() if day < first) - sum(
        n for day, n in departures.items() if day < first
    )
    points = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        count += arrivals.get(day, 0) - departures.get(day, 0)
        points.append((day, count))
    return points


def growth_chart(letter: Letter, *, today: date) -> tuple[list[tuple[date, int]], BarChart]:
    points = readers_per_day(letter, today=today)
    return points, bar_chart(points)


def _per_day(rows, field: str, tz) -> dict[date, int]:
    grouped = (
        rows.annotate(day=TruncDate(field, tzinfo=tz))
        .order_by()
        .values("day")
        .annotate(total=Count("pk"))
        .values_list("day", "total")
    )
    return dict(grouped)
