"""`manage.py load_demo`: a complete demo newspaper, with the accounts to try it.

It creates only what is missing, so it can run after every `migrate` (`make demo` does): a
second run adds nothing, and what an editor changed since stays as it is. Everything is in one
transaction, so an interrupted run leaves no half-built site behind.
"""

import logging
from collections import Counter
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from tqdm import tqdm

from gazette.demo import loader, texts
from gazette.demo.accounts import Account, ensure_accounts
from gazette.demo.audience import fill_demo_figures
from gazette.demo.comments import ensure_demo_comments
from gazette.demo.letters import ensure_demo_letters

CREDENTIALS_FILE = "demo-credentials.txt"
# What the summary counts, in its order, as (key, singular, plural).
NOUNS = (
    ("articles", "article", "articles"),
    ("sections", "rubrique", "rubriques"),
    ("pages", "page", "pages"),
    ("authors", "auteur", "auteurs"),
    ("notes", "rectificatif ou mise à jour", "rectificatifs et mises à jour"),
    ("live_pages", "direct", "directs"),
    ("live_entries", "entrée de direct", "entrées de direct"),
    ("images", "image", "images"),
    ("comments", "commentaire", "commentaires"),
    ("letters", "lettre d'information", "lettres d'information"),
    ("subscribers", "abonné", "abonnés"),
    ("accounts", "compte", "comptes"),
)
FEMININE = {"rubrique", "page", "image", "entrée de direct", "lettre d'information"}


def summary(created: Counter) -> str:
    """« 43 articles, 7 rubriques et 2 pages créés », agreed as French wants it: a count of 1
    takes the singular, and the participle is feminine only when every noun is."""
    parts = [
        (f"{created[key]} {singular if created[key] < 2 else plural}", singular)
        for key, singular, plural in NOUNS
        if created[key]
    ]
    if not parts:
        return "Contenu de démonstration déjà présent : rien à créer."
    words = [text for text, _ in parts]
    listing = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} et {words[-1]}"
    feminine = all(singular in FEMININE for _, singular in parts)
    total = sum(created[key] for key, *_ in NOUNS)
    participle = "créé" + ("e" if feminine else "") + ("s" if total > 1 else "")
    return f"{listing} {participle}."


def account_line(account: Account, *, admin_url: str) -> str:
    who = f"Administration : {admin_url} —" if not account.group else f"{account.group} :"
    if not account.password:
        return f"{who} utilisateur {account.username}, mot de passe changé depuis, non affiché"
    renewed = " (nouveau : il manquait au fichier d'identifiants)" if account.renewed else ""
    return f"{who} utilisateur {account.username}, mot de passe {account.password}{renewed}"


@contextmanager
def quiet_wagtail_logs(*, quiet: bool):
    """Wagtail logs each page it creates, edits and publishes at INFO: some 150 lines that
    would bury the summary and the passwords. They come back with --verbosity 2."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if quiet:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Charge le site de démonstration : la une, six rubriques, une quarantaine d'articles, "
        "deux directs, leurs auteurs et leurs illustrations, deux lettres d'information et leurs "
        "abonnés, et les comptes pour l'essayer. "
        "Sans effet sur ce qui existe déjà."
    )

    def handle(self, *, verbosity, **options):
        now = timezone.now()
        created: Counter = Counter()
        path = settings.VAR_DIR / CREDENTIALS_FILE
        try:
            with quiet_wagtail_logs(quiet=verbosity < 2), transaction.atomic():
                home = loader.ensure_home(created=created)
                sections = loader.ensure_sections(home=home, created=created)
                pages = loader.ensure_simple_pages(home=home, created=created)
                authors = loader.ensure_authors(created=created)
                articles = {}
                ordered = loader.in_creation_order(texts.ARTICLES)
                for spec in tqdm(ordered, unit=" articles", disable=None if verbosity else True):
                    articles[spec.slug] = loader.ensure_article(
                        spec,
                        sections=sections,
                        authors=authors,
                        articles=articles,
                        now=now,
                        created=created,
                    )
                    loader.ensure_notes(spec, article=articles[spec.slug], now=now, created=created)
                for live in texts.LIVES:
                    loader.ensure_live(
                        live, sections=sections, authors=authors, now=now, created=created
                    )
                loader.ensure_front_page(home=home, articles=articles)
                loader.ensure_site_settings(pages=pages)
                accounts, created["accounts"] = ensure_accounts(path=path)
                fill_demo_figures(now=now)  # « Les + Lus » and the admin's figures
                created["comments"] = ensure_demo_comments(
                    newsroom=get_user_model().objects.get(username="admin")
                )
                created["letters"], created["subscribers"] = ensure_demo_letters(now=now)
        except Group.DoesNotExist as error:
            raise CommandError(
                "Groupes de la rédaction introuvables : lancez d'abord « manage.py migrate »."
            ) from error
        # Every image at every size the pages show, before `make demo` serves (la une took 43 s
        # on its first view when readers' requests made them). Once the demo is committed: an
        # interrupted drawing leaves a whole site, whose missing renditions the next run makes;
        # and a test loading the demo in a transaction it rolls back skips minutes of drawing.
        transaction.on_commit(
            partial(call_command, "make_renditions", verbosity=verbosity, stdout=self.stdout)
        )
        if not verbosity:
            return
        self.stdout.write(self.style.SUCCESS(summary(created)))
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        for account in accounts:
            self.stdout.write(account_line(account, admin_url=admin_url))
        self.stdout.write(f"Identifiants enregistrés dans {path} (lisible par vous seul).")
