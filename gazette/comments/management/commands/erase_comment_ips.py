from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gazette.comments.models import Comment
from gazette.comments.tasks import erase_old_ip_addresses


class Command(BaseCommand):
    help = (
        "Efface les adresses IP et navigateurs des commentaires plus anciens que N jours : "
        "ils ne servent qu'à l'anti-spam, puis ce sont des données personnelles sans usage."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.GAZETTE_COMMENT_IP_DAYS,
            help="âge en jours (défaut : GAZETTE_COMMENT_IP_DAYS)",
        )
        parser.add_argument("--dry-run", action="store_true", help="compter sans effacer")

    def handle(self, *, days, dry_run, verbosity, **options):
        if days < 0:
            raise CommandError(f"--days {days} : un nombre de jours positif est attendu.")
        if dry_run:
            count = Comment.objects.with_ip_older_than(days).count()
        else:
            count = erase_old_ip_addresses(older_than_days=days)
        if verbosity:
            verb = "à effacer" if dry_run else "effacées"
            self.stdout.write(
                self.style.SUCCESS(f"Adresses IP de plus de {days} jours {verb} : {count}.")
            )
