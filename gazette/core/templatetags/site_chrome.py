"""What surrounds every public page and comes from the site settings: `{% load site_chrome %}`."""

from django import template

from gazette.core.models import SiteSettings

register = template.Library()


@register.inclusion_tag("core/tags/follow_links.html", takes_context=True)
def follow_links(context):
    """« Nous rejoindre sur les réseaux », with inline icons and a spoken name per link.

    Reads the settings through `SiteSettings.for_request`, as the `settings` context processor
    does for the header: both get the same cached settings, no query of their own. A page rendered
    without a request or without a site (an error page) simply shows no links.
    """
    request = context.get("request")
    if request is None:
        return {"links": []}
    try:
        site_settings = SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:
        return {"links": []}
    return {"links": site_settings.follow_links(), "site_name": site_settings.site_name}
