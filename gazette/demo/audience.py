"""A few weeks of plausible audience for the demo site, so that « Les + Lus » and the admin's
figures show something the moment `make demo` starts.

Drawn from a seeded generator, so two demos show the same figures: each article gets a
popularity, reads follow the day's rhythm (few at night, peaks at breakfast, lunch and
evening) and fade in the days after publication.
"""

import math
import random
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from gazette.audience.models import HourlyCount, ReferrerCount
from gazette.news.models import ArticlePage

# Share of a day's reads in each local hour, midnight first.
RHYTHM = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 3.5, 2.5, 2, 2.2,
          3, 2.8, 2, 1.8, 1.8, 2, 2.5, 3, 3.2, 2.8, 2, 1.4]  # fmt: skip
REFERRERS = {
    "google.com": 40,
    "news.google.com": 25,
    "qwant.com": 6,
    "duckduckgo.com": 5,
    "bing.com": 4,
    "facebook.com": 8,
    "bsky.app": 4,
    "linkedin.com": 3,
    "t.co": 3,
    "mastodon.social": 2,
}


@transaction.atomic
def fill_demo_figures(*, now: datetime, days: int = 21, seed: int = 2025) -> int:
    """Returns the number of views created; none if the site has figures already, so that
    a second `load_demo` changes nothing and a real site is never touched."""
    if HourlyCount.objects.exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 (plausible figures, no secret)
    end = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    start = end - timedelta(days=days)
    rows, per_day = [], {}
    for article in ArticlePage.objects.live().order_by("pk"):
        popularity = rng.lognormvariate(1.2, 0.9)
        published = max(article.first_published_at or start, start)
        hour = published.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        while hour <= end:
            age = (hour - published).total_seconds() / 3600
            fading = 0.08 + math.exp(-age / 36)
            local = timezone.localtime(hour)
            views = int(popularity * fading * RHYTHM[local.hour] * rng.uniform(0.5, 1.5))
            if views:
                rows.append(HourlyCount(article=article, hour=hour, views=views))
                per_day[local.date()] = per_day.get(local.date(), 0) + views
            hour += timedelta(hours=1)
    HourlyCount.objects.bulk_create(rows, batch_size=1000)
    domains, weights = list(REFERRERS), list(REFERRERS.values())
    referrers = []
    for day, views in sorted(per_day.items()):
        shares = {}
        for domain in rng.choices(domains, weights, k=max(1, views // 3)):
            shares[domain] = shares.get(domain, 0) + 1
        referrers += [ReferrerCount(day=day, domain=d, views=n) for d, n in shares.items()]
    ReferrerCount.objects.bulk_create(referrers, batch_size=1000)
    return sum(row.views for row in rows)
