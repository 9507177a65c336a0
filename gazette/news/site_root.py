"""La une as the default site's root, in place of Wagtail's « Welcome » page: one rule for
`load_demo`, the WordPress import and the tests, which all start from a fresh database."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from .models import HomePage


def make_site_root(home: HomePage, **site_fields) -> Site:
    """The default site (created if there is none, for localhost) now starts at `home`, with
    `site_fields` (hostname, port, site_name) set. Then Wagtail's welcome page goes, so that
    no stray page answers at depth 2: the site is repointed first, as deleting a site's root
    page deletes the site with it."""
    site = Site.objects.filter(is_default_site=True).first()
    site = site or Site(is_default_site=True, hostname="localhost")
    changed = {name: value for name, value in site_fields.items() if getattr(site, name) != value}
    if site.root_page_id != home.pk or changed or site.pk is None:
        site.root_page = home
        for name, value in changed.items():
            setattr(site, name, value)
        site.save()
    welcome = Page.objects.filter(
        depth=2,
        numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
        sites_rooted_here__isnull=True,
    )
    for page in welcome:
        page.delete()
    return site


def ensure_home(**site_fields) -> tuple[HomePage, bool]:
    """La une, found (the default site's root, else the first one) or created and published,
    made the site's root. Returns it and whether it was created."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    home = root if isinstance(root, HomePage) else HomePage.objects.first()
    created = home is None
    if created:
        home = HomePage(title="La une", slug="la-une", live=False)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()  # fires page_published, like the editor's button
    make_site_root(home, **site_fields)
    return home, created
