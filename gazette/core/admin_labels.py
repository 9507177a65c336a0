"""Column headings Wagtail builds from attribute names, in English whatever the language.

The Sites listing declares `Column("site_name")` and `Column("root_page")` without a label, so
the heading is the attribute's name, « Site name », « Root page », which no catalogue can
translate. The fields' own verbose names are translated: the headings take those."""

from django.utils.functional import lazy
from django.utils.text import capfirst


def label_site_columns() -> None:
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    field_names = {field.name for field in Site._meta.get_fields()}
    for column in IndexView.columns:
        if column.name in field_names and column.label == capfirst(column.name.replace("_", " ")):
            verbose_name = Site._meta.get_field(column.name).verbose_name
            column.label = lazy(capfirst, str)(verbose_name)
