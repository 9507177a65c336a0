"""Rectificatifs and updates that a WordPress newsroom wrote into its posts (« Rectificatif : … »,
« Mise à jour le 3 mars 2024 : … »), found by `gazette.news.note_conventions.find_notes`, taken
out of the body and imported as notes of the article (`gazette.news.corrections.ArticleNote`).

Decisions, as the note model reads them:
- A public article gets published notes, dated by their paragraph, or else by the article's
  publication: the one date known for a note that says none. They are written in bulk, without
  a revision: a note's history in the admin starts with its first change in Gazette.
- Any other article (draft, pending, private, scheduled) gets draft notes, undated: what a
  rédacteur's proposal is, published by an éditeur once the article is, since only a published
  article carries published notes. Nothing of them is public.
- A paragraph whose date cannot be (« 31 février ») stays in the text and is reported.
- Run again, the import matches the article's notes by kind and text, then pairs the others
  in order: a note changed in WordPress is updated in place, without dating an amendment (the
  import mirrors WordPress, which dates none). A note changed in Gazette since (it has a
  revision) is the newsroom's: left as it is, the difference reported. A note no longer in
  the post stays, reported: a correction never vanishes quietly.
"""

from datetime import datetime
from typing import NamedTuple

from django.utils import timezone
from django.utils.text import Truncator

from gazette.news.corrections import ArticleNote
from gazette.news.models import ArticlePage
from gazette.news.note_conventions import find_notes

from .ledger import ImportRun
from .wxr import Item

TEXT_MAX = ArticleNote._meta.get_field("text").max_length
WORDS = {ArticleNote.Kind.CORRECTION: "rectificatif", ArticleNote.Kind.UPDATE: "mise à jour"}
FIELDS = [
    "kind",
    "text",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
]


def split_notes(run: ImportRun, item: Item) -> tuple[str, list[dict], list[str]]:
    """The post's content without its notes, the notes as plain values (the item's checksum
    covers them), and the warnings."""
    found, content = find_notes(item.content, published=item.date_gmt)
    notes, warnings = [], []
    for note in found:
        quoted = Truncator(note.text).chars(60)
        if note.unreadable_date:
            warnings.append(
                f"{WORDS[note.kind]} « {quoted} » : date illisible "
                f"(« {note.unreadable_date} »), paragraphe laissé dans le texte"
            )
            continue
        text = note.text
        if len(text) > TEXT_MAX:
            warnings.append(f"note « {quoted} » raccourcie à {TEXT_MAX} signes")
            text = text[: TEXT_MAX - 1] + "…"
        if note.published_at and note.published_at > timezone.now():
            warnings.append(f"note « {quoted} » datée dans le futur : datée du jour de l'import")
        run.report.notes[note.kind] += 1
        notes.append({"kind": note.kind, "text": text, "published_at": note.published_at})
    return content, notes, warnings


class NotedArticle(NamedTuple):
    """What a note needs of its article: an `ArticlePage`, or the row of one just written."""

    pk: int
    live: bool
    first_published_at: datetime | None


def create_notes(run: ImportRun, articles: list[tuple[NotedArticle, list[dict]]]) -> None:
    """The notes of articles created in this batch, in one insert."""
    rows = [
        _set(ArticleNote(article_id=article.pk), values, _live_at(article, values))
        for article, notes in articles
        for values in notes
    ]
    ArticleNote.objects.bulk_create(rows)
    run.report.created["note"] += len(rows)
    date_articles([article.pk for article, notes in articles if notes])


def update_notes(run: ImportRun, article: ArticlePage, notes: list[dict], where: str) -> None:
    """The notes of an article imported before, brought in line with the post: each note is
    matched by kind and text, the others in order. A note changed in Gazette since (it has
    a revision) is the newsroom's now: left as it is, and reported when WordPress differs."""
    existing = list(article.notes.order_by("pk"))
    pairs, rest = [], []
    for values in notes:
        same = next((n for n in existing if (n.kind, n.text) == _shown(values)), None)
        if same is None:
            rest.append(values)
        else:
            existing.remove(same)
            pairs.append((same, values))
    paired = min(len(existing), len(rest))
    pairs += zip(existing[:paired], rest[:paired], strict=True)
    left, new = existing[paired:], rest[paired:]
    for note, values in pairs:
        if note.latest_revision_id is not None:
            run.report.skipped["note"] += 1
            if (note.kind, note.text) != _shown(values):
                run.report.warn(
                    where,
                    f"note « {Truncator(values['text']).chars(60)} » non reprise : la note "
                    "qu'elle remplacerait a été modifiée dans Gazette",
                )
            continue
        before = [getattr(note, name) for name in FIELDS]
        _set(note, values, _live_at(article, values))
        if [getattr(note, name) for name in FIELDS] == before:
            run.report.skipped["note"] += 1
        else:
            note.save(update_fields=FIELDS)  # as in WordPress: no amendment to date
            run.report.updated["note"] += 1
    gone = [note for note in left if note.latest_revision_id is None]
    if gone:
        run.report.warn(where, f"{len(gone)} note(s) absente(s) du texte WordPress, gardée(s)")
    create_notes(run, [(article, new)])
    date_articles([article.pk])


def date_articles(pks: list[int]) -> None:
    """« Mis à jour le » follows the latest public change of the article's notes, as
    `record_note_change` keeps it when an éditeur publishes one."""
    latest: dict[int, object] = {}
    for note in ArticleNote.objects.filter(article_id__in=pks, live=True):
        changed = note.changed_at
        if changed and (note.article_id not in latest or changed > latest[note.article_id]):
            latest[note.article_id] = changed
    for pk, changed in latest.items():
        ArticlePage.objects.filter(pk=pk).update(updated_at=changed)


def _live_at(article: NotedArticle, values: dict):
    """The note's date if it is to be public, else None."""
    if not article.live:
        return None
    return min(values["published_at"] or article.first_published_at, timezone.now())


def _shown(values: dict) -> tuple[str, str]:
    return values["kind"], values["text"]


def _set(note: ArticleNote, values: dict, live_at) -> ArticleNote:
    """A published note of an article gone back to draft stays published: notes are never
    unpublished."""
    note.kind, note.text = values["kind"], values["text"]
    if live_at is not None:
        note.live, note.has_unpublished_changes = True, False
        note.first_published_at = note.last_published_at = live_at
    elif note.first_published_at is None:
        note.live, note.has_unpublished_changes = False, True
    return note
