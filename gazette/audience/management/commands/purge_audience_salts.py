"""`manage.py purge_audience_salts`: destroy the daily salts and visitor digests of past days.

The counting already does it (Redis expires them at midnight; the embedded mode deletes them
at the first write of a new day), so this finds nothing on a healthy site. It exists for the
retention jobs and for a DPO who wants to see it done: `--dry-run` says what it would delete.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gazette.audience.services import purge_visitor_data


class Command(BaseCommand):
    help = (
        "Détruit les sels quotidiens et les empreintes de visiteurs des jours passés "
        "(mesure d'audience). Les chiffres agrégés sont conservés."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien supprimer.")

    def handle(self, *, dry_run, verbosity, **options):
        deleted = purge_visitor_data(now=timezone.now(), dry_run=dry_run)
        if verbosity:
            done = "à supprimer" if dry_run else "supprimés"
            self.stdout.write(
                self.style.SUCCESS(f"Sels et empreintes des jours passés {done} : {deleted}.")
            )
