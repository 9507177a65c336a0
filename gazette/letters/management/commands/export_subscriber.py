import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from gazette.letters.services import export_subscriber_data


class Command(BaseCommand):
    help = (
        "Exporte en JSON tout ce qui est conservé sur l'abonné aux lettres d'une adresse "
        "e-mail : abonnements, preuves de consentement, éditions reçues (RGPD art. 15)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="fichier JSON à écrire (défaut : la sortie)")

    def handle(self, *, email, output, verbosity, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email} : adresse e-mail invalide.") from error
        data = export_subscriber_data(email)
        if data is None:
            raise CommandError(f"{email} : aucun abonné avec cette adresse.")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output is None:
            self.stdout.write(text)
            return
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output} : écriture impossible ({error.strerror}).") from error
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Données de l'abonné exportées dans {output}."))
