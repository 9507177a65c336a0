"""The audience pages of the admin, for the Éditeur and Administrateur groups: a report for a
chosen period (views per day, top articles, sections, authors, referring sites) and its CSV
export. Figures are the hourly counts already in the database: the last minute of reads in
the scaled shape waits for the next flush."""

import csv
from datetime import date, datetime, time, timedelta

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from gazette.core.charts import bar_chart
from gazette.news.models import ArticlePage

from .forms import PeriodForm
from .models import HourlyCount, ReferrerCount
from .permissions import VIEW_AUDIENCE
from .tasks import schedule_audience_updates

TOP = 20


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def counts_for(form: PeriodForm):
    start, end = form.period()
    counts = HourlyCount.objects.between(
        local_midnight(start), local_midnight(end + timedelta(days=1))
    )
    section = form.cleaned_data.get("section")
    return counts.in_section(section) if section else counts


def articles_by_id(ids) -> dict[int, ArticlePage]:
    """With their section and authors, in three queries whatever their number."""
    return {
        article.pk: article
        for article in ArticlePage.objects.filter(pk__in=ids)
        .select_related("section")
        .prefetch_related("bylines__author")
    }


def every_day(start: date, end: date, views: dict[date, int]) -> list[tuple[date, int]]:
    """Days without a read are in the chart too, at zero, not left out."""
    return [
        (start + timedelta(days=n), views.get(start + timedelta(days=n), 0))
        for n in range((end - start).days + 1)
    ]


@method_decorator(permission_required(VIEW_AUDIENCE), name="dispatch")
class AudienceReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "audience/admin/report.html"
    page_title = gettext_lazy("Audience")
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schedule_audience_updates()
        form = PeriodForm(self.request.GET)
        context["form"] = form
        if not form.is_valid():
            return context
        start, end = form.period()
        counts = counts_for(form)
        per_day = every_day(start, end, {row["day"]: row["views"] for row in counts.per_day()})
        top = list(counts.per_article()[:TOP])
        articles = articles_by_id([row["article"] for row in top])
        context.update(
            start=start,
            end=end,
            total=sum(views for _, views in per_day),
            per_day=per_day,
            peak=max(per_day, key=lambda point: point[1], default=None),
            chart=bar_chart(per_day),
            top_articles=[(articles[row["article"]], row["views"]) for row in top],
            per_section=list(counts.per_section()[:TOP]),
            per_author=list(counts.per_author()[:TOP]),
            referrers=list(
                ReferrerCount.objects.filter(day__range=(start, end)).per_domain()[:TOP]
            ),
            export_url=f"{reverse('audience_export')}?{self.request.GET.urlencode()}",
        )
        return context


@permission_required(VIEW_AUDIENCE)
def export_csv(request):
    """One line per article and day, for a spreadsheet. Semicolons and a byte-order mark:
    French Excel reads commas as decimal marks and, without the mark, UTF-8 as Latin-1."""
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return HttpResponse(status=400)
    start, end = form.period()
    rows = list(counts_for(form).per_day_and_article())
    articles = articles_by_id({row["article"] for row in rows})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audience-{start}-{end}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Day"), _("Article"), _("Section"), _("Authors"), _("Views"), _("URL")])
    for row in rows:
        article = articles[row["article"]]
        writer.writerow(
            [
                row["day"].isoformat(),
                spreadsheet_safe(article.title),
                spreadsheet_safe(article.section.title if article.section else ""),
                spreadsheet_safe(", ".join(a.author.name for a in article.bylines.all())),
                row["views"],
                article.full_url or "",
            ]
        )
    return response


def spreadsheet_safe(text: str) -> str:
    """A title starting with = + - or @ would run as a formula in Excel (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
