"""`manage.py restore ARCHIVE [--force]`: bring a backup back into an empty instance.

The archive is checked whole before anything is touched; a non-empty database is refused
unless `--force` says the operator means to overwrite it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gazette.operations.backup import BackupError
from gazette.operations.restore import restore_archive

SHOWN = [
    "auth.User",
    "wagtailcore.Page",
    "news.ArticlePage",
    "news.SectionPage",
    "news.Author",
    "comments.Comment",
    "core.CreditedImage",
    "wagtaildocs.Document",
    "audience.HourlyCount",
]


class Command(BaseCommand):
    help = "Restaure une sauvegarde (base de données et médias) dans une instance vide."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="vérifier l'archive (sommes SHA-256) sans rien restaurer",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="écraser une base qui n'est pas vide",
        )

    def handle(self, *, archive, force, dry_run, verbosity, **options):
        def log(message):
            if verbosity:
                self.stdout.write(message)

        try:
            counts = restore_archive(archive, force=force, dry_run=dry_run, log=log)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            for label in SHOWN:
                if label in counts:
                    self.stdout.write(f"  {label} : {counts[label]}")
            total = sum(counts.values())
            done = "Vérification terminée, rien restauré" if dry_run else "Restauration terminée"
            self.stdout.write(self.style.SUCCESS(f"{done} : {total} lignes."))
