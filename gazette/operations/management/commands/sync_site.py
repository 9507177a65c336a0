"""`manage.py sync_site`: the default Wagtail site takes the address of GAZETTE_BASE_URL.

`make demo` and `make serve` run it before serving, so that one setting gives every absolute
link its address: without it, `make demo PORT=8200` served pages whose canonical URL, feeds
and JSON-LD still named :8000, the address the site was first loaded at."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gazette.core.sites import sync_default_site


class Command(BaseCommand):
    requires_system_checks = []  # the check would warn of the mismatch this command mends
    help = (
        "Donne au site Wagtail par défaut l'adresse de GAZETTE_BASE_URL (nom d'hôte et port), "
        "d'où sont construits les liens absolus : URL canoniques, flux, JSON-LD."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="dit ce qui changerait, sans rien changer"
        )

    def handle(self, *, dry_run, verbosity, **options):
        try:
            site, former = sync_default_site(
                base_url=settings.WAGTAILADMIN_BASE_URL, dry_run=dry_run
            )
        except ValueError as error:
            raise CommandError(f"GAZETTE_BASE_URL={error}") from error
        if not verbosity:
            return
        if site is None:
            self.stdout.write("Aucun site par défaut : rien à régler (lancez « migrate »).")
        elif not former:
            self.stdout.write(f"Site déjà à l'adresse {site.root_url}.")
        else:
            verb = "passerait" if dry_run else "passe"
            self.stdout.write(self.style.SUCCESS(f"Le site {verb} de {former} à {site.root_url}."))
