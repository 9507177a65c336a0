from django.core.management.base import BaseCommand, CommandError

from gazette.core.personal_data import checked_email
from gazette.letters.models import Subscriber, normalise_email
from gazette.letters.services import erase_subscriber


class Command(BaseCommand):
    help = (
        "Efface l'abonné aux lettres d'une adresse e-mail (droit à l'effacement, RGPD "
        "art. 17) : l'adresse, ses abonnements, ses preuves de consentement et ses envois ; "
        "les chiffres des éditions restent, sans nom."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--dry-run", action="store_true", help="compter sans effacer")

    def handle(self, *, email, dry_run, verbosity, **options):
        checked_email(email)
        subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
        if subscriber is None:
            raise CommandError(f"{email} : aucun abonné avec cette adresse.")
        if dry_run:
            count = 1 + sum(
                related.count()
                for related in (
                    subscriber.subscriptions,
                    subscriber.consents,
                    subscriber.deliveries,
                )
            )
        else:
            count = erase_subscriber(email)
        if verbosity:
            prefix = "(essai) " if dry_run else ""
            self.stdout.write(self.style.SUCCESS(f"{prefix}lignes effacées : {count}."))
