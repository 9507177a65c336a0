"""`manage.py backup [--to DIR]`: one archive of the database and the media, while the site
keeps serving. See `gazette/operations/backup.py` for what it holds and why it is safe."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

from gazette.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les médias dans une archive horodatée."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help="dossier de destination (défaut : var/backups)",
        )

    def handle(self, *, to, verbosity, **options):
        directory = to or Path(settings.VAR_DIR) / "backups"
        if not MigrationRecorder(connections[DEFAULT_DB_ALIAS]).has_table():
            raise CommandError(
                "La base de données est vide (aucune migration appliquée) : rien à sauvegarder. "
                "Vérifiez DATABASE_URL."
            )
        try:
            archive = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            size = archive.stat().st_size / 1_000_000
            self.stdout.write(self.style.SUCCESS(f"Sauvegarde écrite : {archive} ({size:.1f} Mo)."))
        else:
            self.stdout.write(str(archive))
