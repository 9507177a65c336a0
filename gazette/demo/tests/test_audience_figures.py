"""The demo's audience figures: « Les + Lus » and the admin's charts have something to show
the moment `make demo` starts, the same on every demo, and never on top of real figures."""

from gazette.audience.models import HourlyCount, ReferrerCount
from gazette.audience.tests.readers import NOON
from gazette.demo.audience import fill_demo_figures
from gazette.news.tests.factories import make_article, make_home, make_section


def test_demo_figures_are_plausible_the_same_each_time_and_added_once(db):
    monde = make_section(make_home(), "Monde")
    for n in range(3):
        make_article(monde, f"Article {n}")

    first = fill_demo_figures(now=NOON, days=7)
    hourly = list(HourlyCount.objects.order_by("article", "hour").values_list("hour", "views"))
    assert first > 0 and ReferrerCount.objects.exists()
    assert fill_demo_figures(now=NOON, days=7) == 0  # figures exist: nothing added

    HourlyCount.objects.all().delete()
    ReferrerCount.objects.all().delete()
    assert fill_demo_figures(now=NOON, days=7) == first
    assert list(HourlyCount.objects.order_by("article", "hour").values_list("hour", "views")) == (
        hourly
    )
