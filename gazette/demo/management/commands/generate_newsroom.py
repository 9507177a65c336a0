"""`manage.py generate_newsroom`: a newsroom as large as asked, to measure Gazette at scale.

    manage.py generate_newsroom --articles 100000 --comments 1000000 [--sections 12 --authors 50]

The text is invented French (gazette/demo/prose.py); the pages are written straight into the
tables (gazette/demo/bulk_pages.py). It refuses a site that already holds articles, unless told
`--append`: mixing generated articles into a real newsroom must be a choice. Everything is in
one transaction, so an interrupted run leaves nothing behind and can simply be run again.
"""

import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from tqdm import tqdm

from gazette.demo import bulk_pages
from gazette.demo.loader import _publish, ensure_home
from gazette.demo.management.commands.load_demo import quiet_wagtail_logs
from gazette.news.models import ArticlePage, Author


class Command(BaseCommand):
    help = "Génère une rédaction fictive de grande taille (articles, auteurs, commentaires)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--comments", type=int, default=10000)
        parser.add_argument("--sections", type=int, default=12)
        parser.add_argument("--authors", type=int, default=50)
        parser.add_argument(
            "--append", action="store_true", help="ajoute aux articles déjà présents"
        )
        parser.add_argument("--seed", type=int, default=2026, help="même graine, même texte")

    def handle(self, *, articles, comments, sections, authors, append, seed, verbosity, **options):
        if articles < 1 or comments < 0 or sections < 1 or authors < 1:
            raise CommandError("--articles, --sections et --authors : au moins 1 ; --comments ≥ 0.")
        existing = ArticlePage.objects.count()
        if existing and not append:
            raise CommandError(
                f"Le site contient déjà {existing} articles : relancez avec --append pour en "
                "ajouter, ou partez d'une base vide."
            )
        timings = {}
        started = time.monotonic()
        with transaction.atomic(), quiet_wagtail_logs(quiet=verbosity < 2):
            home = ensure_home(created=Counter())
            section_pages = bulk_pages.ensure_sections(home, sections, publish=_publish)
            bylines = bulk_pages.new_authors(max(0, authors - Author.objects.count()), seed=seed)
            bylines = list(Author.objects.all()) if append else bylines
            writer = bulk_pages.NewsroomWriter(
                sections=section_pages, authors=bylines, seed=seed, first_number=existing
            )
            timings["rubriques, auteurs, sujets"] = time.monotonic() - started
            start, end = bulk_pages.publication_window(articles)
            with tqdm(total=articles, unit=" articles", disable=None if verbosity else True) as bar:
                counts = writer.write(
                    articles, comments=comments, start=start, end=end, progress=bar.update
                )
            timings["articles et commentaires"] = time.monotonic() - started - sum(timings.values())
        # Fresh statistics at once: PostgreSQL's planner would plan for the tables as they
        # were, nearly empty, until autovacuum comes by; SQLite's has none until asked, and
        # then joins 100,000 articles before sorting them (article page: 160 ms, not 25).
        before = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # every table: SQLite plans badly on partial statistics
        timings["ANALYZE"] = time.monotonic() - before
        if verbosity:
            total = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"{counts.articles} articles, {counts.comments} commentaires, "
                    f"{counts.bylines} signatures et {counts.tags} sujets créés en {total:.1f} s "
                    f"({counts.articles / total:.0f} articles/s)."
                )
            )
            for step, seconds in timings.items():
                self.stdout.write(f"  {step} : {seconds:.1f} s")
            self.stdout.write(
                "Ces pages ne sont pas dans l'index de recherche : "
                "lancez « manage.py update_index » si la recherche doit les trouver."
            )
