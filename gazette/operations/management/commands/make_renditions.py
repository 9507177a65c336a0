"""`manage.py make_renditions`: every image's renditions at the sizes its uses need, made now
rather than by the first reader's request (gazette/core/renditions.py).

`load_demo` runs it once the demo is committed, before `make demo` serves. Saving an image
makes them in the task worker; run this after changing a size in gazette/core/renditions.py,
for the images already stored. Only missing renditions are made: a second run is quick."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from gazette.core.models import CreditedImage
from gazette.core.renditions import filter_specs, make_renditions, missing_specs, sizes_for

CHUNK = 200  # images read at once, each with its renditions (one query for the chunk)


def missing(image) -> int:
    return len(missing_specs(image, filter_specs(*sizes_for(image))))


class Command(BaseCommand):
    help = (
        "Fait les rendus d'images manquants, aux tailles que montrent les gabarits, pour "
        "qu'aucun lecteur ne les attende."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="compte les rendus à faire, sans les faire"
        )

    def handle(self, *, dry_run, verbosity, **options):
        images = CreditedImage.objects.order_by("pk").prefetch_related("renditions")
        count = images.count()
        made = 0
        for image in tqdm(
            images.iterator(chunk_size=CHUNK),
            total=count,
            unit=" images",
            disable=None if verbosity else True,
        ):
            made += missing(image) if dry_run else make_renditions(image)
        if verbosity:
            verb = "à faire" if dry_run else "faits"
            self.stdout.write(
                self.style.SUCCESS(f"Rendus d'images {verb} : {made} (images : {count}).")
            )
