"""`manage.py check_migrations`: refuse to serve a database older than the code.

`make serve` runs it first. New code on an old schema fails at the first request that touches
a new column, long after start-up looked fine; better to stop at once and say what to run."""

from django.core.management.base import BaseCommand, CommandError

from gazette.operations.health import pending_migrations

SHOWN = 10


class Command(BaseCommand):
    help = "Échoue si des migrations ne sont pas appliquées, et dit quelle commande lancer."

    def handle(self, *, verbosity, **options):
        pending = pending_migrations()
        if pending:
            listed = "\n".join(f"  {name}" for name in pending[:SHOWN])
            if len(pending) > SHOWN:
                listed += f"\n  … et {len(pending) - SHOWN} autres"
            raise CommandError(
                f"{len(pending)} migration(s) en attente :\n{listed}\n"
                "Lancez « python manage.py migrate » (une seule fois, depuis un seul serveur), "
                "puis redémarrez."
            )
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS("Base de données à jour : aucune migration en attente.")
            )
