from django.core.management.base import BaseCommand, CommandError

from gazette.comments.models import Comment
from gazette.comments.services import erase_commenter
from gazette.core.personal_data import checked_email


class Command(BaseCommand):
    help = (
        "Efface les données personnelles de l'auteur de commentaires d'une adresse e-mail "
        "(droit à l'effacement, RGPD art. 17) : les commentaires non publiés sont supprimés, "
        "les commentaires publiés sont signés « Anonyme » et perdent e-mail, site web et IP."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--dry-run", action="store_true", help="compter sans effacer")

    def handle(self, *, email, dry_run, verbosity, **options):
        checked_email(email)
        comments = Comment.objects.by_email(email)
        if not comments.exists():
            raise CommandError(f"{email} : aucun commentaire avec cette adresse.")
        if dry_run:
            published = comments.visible().count()
            counts = {"anonymised": published, "deleted": comments.count() - published}
        else:
            counts = erase_commenter(email)
        if verbosity:
            prefix = "(essai) " if dry_run else ""
            self.stdout.write(
                self.style.SUCCESS(
                    f"{prefix}commentaires publiés anonymisés : {counts['anonymised']} ; "
                    f"autres commentaires supprimés : {counts['deleted']}."
                )
            )
