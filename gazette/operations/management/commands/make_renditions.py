"""`manage.py make_renditions`: every image's renditions at the sizes its uses need, made now
rather than by the first reader's request (gazette/core/renditions.py).

`load_demo` runs it once the demo is committed, before `make demo` serves. Saving an image
makes them in the task worker; run this after changing a size in gazette/core/renditions.py,
for the images already stored. Only missing renditions are made: a second run is quick.

The images are drawn in `--jobs` worker processes (one per core by default): drawing took
nearly all of a first `make demo`, on one core (bench/RESULTS.md). Each worker sets Django up
and only draws; this process reads the originals and saves files and rows, so the database
sees a single writer (SQLite included) and a test's database needs no sharing."""

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

import django
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from gazette.core.models import CreditedImage
from gazette.core.renditions import (
    Drawn,
    draw_renditions,
    filter_specs,
    missing_specs,
    read_original,
    save_renditions,
    sizes_for,
)

CHUNK = 200  # images read at once, each with its renditions (one query for the chunk)
Work = Iterable[tuple[CreditedImage, list[str]]]  # each image, with its missing filter specs


def drawn_here(work: Work) -> Iterator[tuple[CreditedImage, list[Drawn]]]:
    for image, specs in work:
        source = read_original(image) if specs else None
        yield image, draw_renditions(image, specs, source) if source else []


def drawn_in_workers(work: Work, jobs: int) -> Iterator[tuple[CreditedImage, list[Drawn]]]:
    """At most two images per worker in hand: the originals of a large archive are read as
    the workers free up, not all at once. Spawned, not forked: a forked worker would share
    this process's database connection."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=django.setup) as pool:
        pending = {}
        for image, specs in work:
            source = read_original(image) if specs else None
            if not source:
                yield image, []
                continue
            pending[pool.submit(draw_renditions, image, specs, source)] = image
            while len(pending) >= 2 * jobs:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()
        for future in list(pending):
            yield pending.pop(future), future.result()


class Command(BaseCommand):
    help = (
        "Fait les rendus d'images manquants, aux tailles que montrent les gabarits, pour "
        "qu'aucun lecteur ne les attende."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="compte les rendus à faire, sans les faire"
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="processus qui dessinent les rendus en même temps (par défaut : un par cœur)",
        )

    def handle(self, *, dry_run, jobs, verbosity, **options):
        if jobs < 1:
            raise CommandError(f"--jobs {jobs} : il faut au moins un processus.")
        images = CreditedImage.objects.order_by("pk").prefetch_related("renditions")
        count = images.count()
        work = (
            (image, missing_specs(image, filter_specs(*sizes_for(image))))
            for image in images.iterator(chunk_size=CHUNK)
        )
        made = 0
        with tqdm(total=count, unit=" images", disable=None if verbosity else True) as progress:
            if dry_run:
                for _image, specs in work:
                    made += len(specs)
                    progress.update()
            else:
                drawn = drawn_in_workers(work, jobs) if jobs > 1 else drawn_here(work)
                for image, renditions in drawn:
                    made += save_renditions(image, renditions)
                    progress.update()
        if verbosity:
            verb = "à faire" if dry_run else "faits"
            self.stdout.write(
                self.style.SUCCESS(f"Rendus d'images {verb} : {made} (images : {count}).")
            )
