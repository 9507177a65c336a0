"""`import_wordpress EXPORT.xml`: a WordPress site into Gazette, safe to run again.

The file is read once in full before anything is written, so a malformed, truncated or
hostile file stops with its line and writes nothing. Then the import writes in batches, each
one transaction: interrupted (Ctrl-C, kill -9, a power cut), it is simply run again.
"""

import logging
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from gazette.wordpress.importer import LABELS, Importer
from gazette.wordpress.media import ImageSource
from gazette.wordpress.wxr import WXRError


class DryRun(Exception):
    """Raised at the end of a dry run to roll the whole import back."""


class Command(BaseCommand):
    help = "Importe un export WordPress (WXR) : rubriques, articles, pages, images, commentaires."

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier d'export WordPress (Outils → Exporter)")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--uploads",
            type=Path,
            help="copie du dossier wp-content/uploads du site WordPress (images)",
        )
        source.add_argument(
            "--media-base-url",
            default="",
            help="adresse de wp-content/uploads sur le site encore en ligne (images)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="tout lire et convertir, ne rien enregistrer",
        )
        parser.add_argument(
            "--users",
            action="store_true",
            help="crée aussi un compte Rédacteur (sans mot de passe) par auteur WordPress",
        )
        parser.add_argument(
            "--report",
            type=Path,
            help="fichier des avertissements (par défaut var/import-wordpress-<date>.txt)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=200,
            help="articles écrits par transaction (200 par défaut)",
        )

    def handle(
        self, *, path, uploads, media_base_url, dry_run, report, batch_size, users, **options
    ):
        verbosity = options["verbosity"]
        export = Path(path)
        if not export.is_file():
            raise CommandError(f"{path} : fichier introuvable")
        if uploads and not uploads.is_dir():
            raise CommandError(f"{uploads} : dossier introuvable")
        images = ImageSource(uploads=uploads, base_url=media_base_url)
        if dry_run:  # images would be written to the media folder: not read at all
            images = ImageSource(why_not="pas d'images avec --dry-run")
        importer = Importer(export, images=images, batch_size=batch_size, users=users)
        try:
            scanned = importer.check()
        except WXRError as error:
            raise CommandError(f"{path}, {error} ; rien n'a été importé.") from error
        except OSError as error:
            raise CommandError(f"{path} : lecture impossible ({error})") from error
        counts = scanned.counts
        total = sum(n for kind, n in counts.items() if kind != "comment")
        if verbosity:
            self.stdout.write(
                f"{export.name} : WXR {scanned.channel.wxr_version}, "
                f"{counts['post']} articles, {counts['page']} pages, "
                f"{counts['attachment']} pièces jointes, {counts['comment']} commentaires."
            )
        bar = tqdm(total=total, unit=" éléments", disable=None if verbosity else True)

        def progress(step, report):
            bar.update(step)
            done = {
                label: report.created[kind] + report.updated[kind] + report.skipped[kind]
                for kind, label in LABELS.items()
                if kind in {"post", "page", "attachment", "comment"}
            }
            bar.set_postfix(done, refresh=False)

        importer.on_progress = progress
        # Wagtail logs one line per page created and published: thousands of lines here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            with transaction.atomic() if dry_run else nullcontext():
                importer.run()
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        finally:
            bar.close()
        result = importer.report
        report_path = report or Path(settings.VAR_DIR) / (
            f"import-wordpress-{datetime.now():%Y%m%d-%H%M%S}.txt"
        )
        report_path.write_text("\n".join(result.warnings) + ("\n" if result.warnings else ""))
        self._summary(result, report_path, dry_run, verbosity)

    def _summary(self, result, report_path, dry_run, verbosity):
        if not verbosity:
            return
        self.stdout.write("")
        self.stdout.write(f"{'':14} {'créés':>8} {'mis à jour':>11} {'inchangés':>10}")
        for kind, label in LABELS.items():
            created, updated = result.created[kind], result.updated[kind]
            skipped = result.skipped[kind]
            if created or updated or skipped:
                self.stdout.write(f"{label:14} {created:>8} {updated:>11} {skipped:>10}")
        notes = result.notes.total()
        found = (
            "rectificatifs et mises à jour reconnus"
            if notes > 1
            else "rectificatif ou mise à jour reconnu"
        )
        self.stdout.write(f"{notes} {found} dans le texte des articles")
        if incomplete := result.incomplete_images:
            self.stdout.write(
                f"{incomplete} {'images' if incomplete > 1 else 'image'}"
                " sans texte alternatif ou sans crédit : "
                "à compléter dans Rapports › Images à compléter"
            )
        self.stdout.write(f"{len(result.warnings)} avertissement(s), détaillés dans {report_path}")
        verb = "vérifié (aucune écriture, --dry-run)" if dry_run else "terminé"
        self.stdout.write(self.style.SUCCESS(f"Import {verb}."))
