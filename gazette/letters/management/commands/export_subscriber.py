from django.core.management.base import BaseCommand, CommandError

from gazette.core.personal_data import checked_email, write_export
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
        data = export_subscriber_data(checked_email(email))
        if data is None:
            raise CommandError(f"{email} : aucun abonné avec cette adresse.")
        write_export(
            self,
            data,
            output,
            verbosity=verbosity,
            done=f"Données de l'abonné exportées dans {output}.",
        )
