"""The dashboard's warning when the admin is reached at an address links do not name.

`manage.py check` compares the setting with the site; only a request knows the address the
browser really used. An administrator opening the admin at http://127.0.0.1:8200 while
GAZETTE_BASE_URL says :8000 would otherwise learn it from a reader, or from a search engine
indexing the wrong canonical URL. Shown to administrators only: they are the ones who can
fix it."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from gazette.core.sites import address_of, address_of_request, url_of

from .views import is_administrator


def address_mismatch(request) -> dict:
    """What disagrees: the address of the request, of the default site, and the setting's.
    Empty when all three agree (or the setting is invalid: `check` reports that)."""
    try:
        configured = address_of(settings.WAGTAILADMIN_BASE_URL)
    except ValueError:
        return {}
    served = address_of_request(request)
    site = Site.objects.filter(is_default_site=True).values_list("hostname", "port").first()
    mismatch = {}
    if served != configured:
        mismatch["served"] = url_of(served)
    if site is not None and tuple(site) != configured:
        mismatch["site"] = url_of(tuple(site))
    if mismatch:
        mismatch["configured"] = url_of(configured)
    return mismatch


class SiteAddressPanel(Component):
    name = "site_address"
    template_name = "operations/admin/site_address_panel.html"
    order = 10  # first: every other link on the dashboard may point elsewhere

    def __init__(self, mismatch: dict):
        self.mismatch = mismatch

    def get_context_data(self, parent_context):
        return self.mismatch


def add_site_address_panel(request, panels) -> None:
    if not is_administrator(request.user):
        return
    mismatch = address_mismatch(request)
    if mismatch:
        panels.insert(0, SiteAddressPanel(mismatch))
