"""`manage.py check` says when the address links are built from is not the one configured.

Absolute links come from two places: e-mails, purges and the admin's own links from
GAZETTE_BASE_URL, canonical URLs, feeds, sitemaps and JSON-LD from the default Wagtail site
(Paramètres › Sites). When the two disagree, or the setting names a host the site refuses,
half the links point elsewhere and nothing fails: readers and search engines just follow
them. The messages are the operator's, in French, like the commands'.

The site is read from the database: before `migrate` there is none, and nothing to say.
"""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.http.request import validate_host
from wagtail.models import Site

from .sites import address_of, url_of

FIX = (
    "Réglez GAZETTE_BASE_URL sur l'adresse que les lecteurs utilisent, puis lancez "
    "« manage.py sync_site » (make demo et make serve le font à chaque démarrage)."
)


def _default_site_address() -> tuple[str, int] | None:
    try:
        return Site.objects.filter(is_default_site=True).values_list("hostname", "port").first()
    except DatabaseError:  # no table yet: `migrate` runs the checks before it creates them
        return None


@checks.register("gazette")
def base_url_is_the_site_address(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    base_url = settings.WAGTAILADMIN_BASE_URL
    try:
        address = address_of(base_url)
    except ValueError as error:
        return [checks.Error(f"GAZETTE_BASE_URL={error}", hint=FIX, id="gazette.E001")]
    messages = []
    if not validate_host(address[0], settings.ALLOWED_HOSTS):
        messages.append(
            checks.Warning(
                f"GAZETTE_BASE_URL={base_url} : l'hôte {address[0]} n'est pas dans "
                f"GAZETTE_ALLOWED_HOSTS ({','.join(settings.ALLOWED_HOSTS)}), le site refuse "
                "les requêtes qui lui sont adressées.",
                hint="Ajoutez-le à GAZETTE_ALLOWED_HOSTS.",
                id="gazette.W001",
            )
        )
    return messages


@checks.register("gazette", checks.Tags.database)
def default_site_is_at_the_base_url(app_configs=None, databases=None, **kwargs):
    """W002 reads the database, so it is a database check, as Django's own are: run by
    `migrate` and `manage.py check --database default`, not before every command (a
    `restore --dry-run` must not so much as open the database it is told to leave alone)."""
    if not databases:
        return []
    base_url = settings.WAGTAILADMIN_BASE_URL
    try:
        address = address_of(base_url)
    except ValueError:
        return []  # E001 says it
    messages = []
    site = _default_site_address()
    if site is not None and tuple(site) != address:
        messages.append(
            checks.Warning(
                f"Le site Wagtail par défaut est à l'adresse {url_of(site)}, GAZETTE_BASE_URL "
                f"à {url_of(address)} : URL canoniques, flux, plans du site et JSON-LD "
                "pointent vers la première, e-mails et purges du cache vers la seconde.",
                hint=FIX,
                id="gazette.W002",
            )
        )
    return messages
