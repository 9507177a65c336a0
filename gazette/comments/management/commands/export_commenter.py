import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from gazette.comments.services import export_commenter_data


class Command(BaseCommand):
    help = (
        "Exporte en JSON tout ce qui est conservé sur l'auteur de commentaires d'une adresse "
        "e-mail (droit d'accès, RGPD art. 15)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="fichier JSON à écrire (défaut : la sortie)")

    def handle(self, *, email, output, verbosity, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email} : adresse e-mail invalide.") from error
        data = export_commenter_data(email)
        if not data["comments"]:
            raise CommandError(f"{email} : aucun commentaire avec cette adresse.")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output is None:
            self.stdout.write(text)
            return
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output} : écriture impossible ({error.strerror}).") from error
        if verbosity:
            count = len(data["comments"])
            self.stdout.write(self.style.SUCCESS(f"Commentaires exportés dans {output} : {count}."))
