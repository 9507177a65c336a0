"""What a newsroom decides about its feeds without a developer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from gazette.core.cached_settings import CachedSiteSettingMixin


@register_setting(icon="list-ul")
class FeedSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """Full text in feeds is an editorial choice: readers of a feed reader stay there, those of
    a standfirst come to the site. Either way the standfirst is the item's summary."""

    full_content = models.BooleanField(
        _("full articles in feeds"),
        default=False,
        help_text=_(
            "Off, feed items carry the standfirst and a link to the article; "
            "on, they also carry the whole article."
        ),
    )

    panels = [FieldPanel("full_content")]

    class Meta:
        verbose_name = _("feeds")
