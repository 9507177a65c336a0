from django.core.management.base import BaseCommand, CommandError

from gazette.comments.services import export_commenter_data
from gazette.core.personal_data import checked_email, write_export


class Command(BaseCommand):
    help = (
        "Exporte en JSON tout ce qui est conservé sur l'auteur de commentaires d'une adresse "
        "e-mail (droit d'accès, RGPD art. 15)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="fichier JSON à écrire (défaut : la sortie)")

    def handle(self, *, email, output, verbosity, **options):
        data = export_commenter_data(checked_email(email))
        if not data["comments"]:
            raise CommandError(f"{email} : aucun commentaire avec cette adresse.")
        count = len(data["comments"])
        write_export(
            self,
            data,
            output,
            verbosity=verbosity,
            done=f"Commentaires exportés dans {output} : {count}.",
        )
