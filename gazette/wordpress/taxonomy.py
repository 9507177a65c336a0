"""Who wrote and where it goes: authors (and, on request, their accounts), categories as
sections, tags. Imported before the posts, which refer to them."""

import html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.crypto import salted_hmac
from taggit.models import Tag
from wagtail.models import Page

from gazette.news.models import Author, SectionPage
from gazette.news.newsroom import WRITER

from .content import plain_text
from .items import clean_slug, email_validator, parents_first, valid
from .ledger import ImportRun, Kind, checksum, reconcile
from .models import WordPressItem
from .wxr import Author as WPAuthor
from .wxr import Term

FALLBACK_SECTION = ("non-classe", "Non classé")


def import_authors(run: ImportRun, authors: list[WPAuthor]) -> None:
    known = run.mapping(Kind.AUTHOR, [a.wp_id for a in authors])
    for wp_author in authors:
        name = (
            wp_author.display_name
            or f"{wp_author.first_name} {wp_author.last_name}".strip()
            or wp_author.login
        )[:120]

        def create(wp_author=wp_author, name=name):
            slug = clean_slug(wp_author.login) or f"auteur-{wp_author.wp_id}"
            author, created = Author.objects.get_or_create(slug=slug, defaults={"name": name})
            return author.pk, created

        def rename(pk, name=name):
            author = Author.objects.get(pk=pk)
            author.name = name
            author.save(update_fields=["name"])

        with transaction.atomic():
            run.authors[wp_author.login] = reconcile(
                run,
                Kind.AUTHOR,
                wp_author.wp_id,
                checksum([name]),
                row=known.get(wp_author.wp_id),
                create=create,
                update=rename,
            )
            if run.users:
                _ensure_user(run, wp_author)
        run.author_wp_ids.add(wp_author.wp_id)


def username_for(run: ImportRun, wp_author: WPAuthor) -> str:
    """Not the WordPress login, which is the author's public slug (« /auteurs/rdupont/ »
    would give away half of every login): the slug and a digest keyed by the site's secret,
    the same on every run against this site. The password-reset e-mail tells it."""
    slug = clean_slug(wp_author.login) or f"auteur-{wp_author.wp_id}"
    key = f"{run.source}/{wp_author.wp_id}/{wp_author.login}"
    return f"{slug[:140]}-{salted_hmac('gazette.wordpress.username', key).hexdigest()[:8]}"


def _ensure_user(run: ImportRun, wp_author: WPAuthor) -> None:
    """An account in the Rédacteur group, without a password: the journalist sets one
    through « Mot de passe oublié », so no password travels with the export."""
    user, created = get_user_model().objects.get_or_create(
        username=username_for(run, wp_author),
        defaults={
            "email": valid(email_validator, wp_author.email),
            "first_name": wp_author.first_name[:150],
            "last_name": wp_author.last_name[:150],
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=WRITER))
        run.report.created["user"] += 1


def author_for(run: ImportRun, login: str, where: str) -> int:
    if login not in run.authors:
        run.report.warn(where, f"auteur « {login or '?'} » absent de l'export, créé")
        slug = clean_slug(login) or "redaction"
        author, created = Author.objects.get_or_create(
            slug=slug, defaults={"name": login or "La rédaction"}
        )
        run.report.created[Kind.AUTHOR] += created
        run.authors[login] = author.pk
    return run.authors[login]


def import_categories(run: ImportRun, terms: list[Term]) -> None:
    known = run.mapping(Kind.CATEGORY, [t.wp_id for t in terms])

    def create(term: Term, parent: SectionPage | None) -> SectionPage:
        with transaction.atomic():
            return _section(run, term, parent or run.home, known.get(term.wp_id))

    run.sections = parents_first(
        terms, key=lambda t: t.slug, parent_key=lambda t: t.parent_slug, create=create
    )


def _section(run: ImportRun, term: Term, parent: Page, row: WordPressItem | None) -> SectionPage:
    def create():
        slug = clean_slug(term.slug) or clean_slug(term.name) or f"rubrique-{term.wp_id}"
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if section is not None:
            return section.pk, False
        section = SectionPage(
            title=term.name[:255],
            slug=slug,
            intro=plain_text(term.description),
            show_in_menus=parent.pk == run.home.pk,
            live=False,
        )
        parent.add_child(instance=section)
        section.save_revision().publish()
        return section.pk, True

    def update(pk):
        section = SectionPage.objects.get(pk=pk)
        section.title, section.intro = term.name[:255], plain_text(term.description)
        section.save_revision().publish()

    digest = checksum([term.name, term.description])
    pk = reconcile(run, Kind.CATEGORY, term.wp_id, digest, row=row, create=create, update=update)
    return SectionPage.objects.get(pk=pk)


def fallback_section(run: ImportRun) -> SectionPage:
    slug, title = FALLBACK_SECTION
    if slug not in run.sections:
        with transaction.atomic():
            section = SectionPage.objects.child_of(run.home).filter(slug=slug).first()
            if section is None:
                section = SectionPage(title=title, slug=slug, live=False)
                run.home.add_child(instance=section)
                section.save_revision().publish()
                run.report.created[Kind.CATEGORY] += 1
        run.sections[slug] = section
    return run.sections[slug]


def import_tags(run: ImportRun, terms: list[Term]) -> None:
    known = run.mapping(Kind.TAG, [t.wp_id for t in terms])
    for term in terms:

        def create(term=term):
            tag, created = Tag.objects.get_or_create(name=term.name[:100])
            return tag.pk, created

        with transaction.atomic():
            run.tags[term.slug] = reconcile(
                run, Kind.TAG, term.wp_id, "", row=known.get(term.wp_id), create=create
            )


def tag_for(run: ImportRun, slug: str, name: str) -> int:
    if slug not in run.tags:
        tag, created = Tag.objects.get_or_create(name=html.unescape(name)[:100])
        run.report.created[Kind.TAG] += created
        run.tags[slug] = tag.pk
    return run.tags[slug]
