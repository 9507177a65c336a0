"""Corrections and updates that a newsroom without notes wrote into the article's text, found
so that an import turns them into notes (gazette/news/corrections.py) and out of the body.

The conventions: a paragraph that starts with « Rectificatif », « Correction » or « Mise à
jour », maybe a date and a time, then a separator, then the note: « Rectificatif : … »,
« <strong>Mise à jour, le 3 décembre 2026 à 9 h 12 :</strong> … », « Correction (3/12/2026) –
… », « Mise à jour 14h30 : … ». A paragraph that merely starts with the word (« Correction des
copies : … ») is prose, and stays.

Pure functions, no database: the WordPress importer calls `find_notes` on a post's HTML and
creates the notes itself.
"""

import html
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from gazette.core.dates import MONTHS

from .corrections import ArticleNote

KINDS = {"rectificatif": ArticleNote.Kind.CORRECTION, "correction": ArticleNote.Kind.CORRECTION}
_UNACCENTED = str.maketrans("éû", "eu")
MONTH_NUMBERS = {month.translate(_UNACCENTED): n for n, month in enumerate(MONTHS, start=1)}
_MONTH = "|".join(sorted({*MONTHS, *MONTH_NUMBERS}, key=len, reverse=True))
_DATE = (
    rf"(?P<day>1er|\d{{1,2}})\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?"
    r"|(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4})"
    r"|(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
)
_TIME = r"(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2})?"
NOTE = re.compile(
    r"^(?P<word>rectificatif|correction|mise\s+[àa]\s+jour)\b"
    r"\s*(?:[,(]\s*)?(?:(?:le|du|en\s+date\s+du)\s+)?"
    rf"(?:(?:{_DATE})\s*(?:(?:,|à|a)\s+)?)?(?:{_TIME})?"
    r"\s*\)?\s*[:.–—-]\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A paragraph of the block editor or of rendered HTML, with the block's comments around it.
PARAGRAPH = re.compile(
    r"(?:<!--\s*wp:paragraph\b[^>]*?-->\s*)?<p\b[^>]*>(?P<inner>.*?)</p>"
    r"(?:\s*<!--\s*/wp:paragraph\s*-->)?",
    re.IGNORECASE | re.DOTALL,
)
# The classic editor's paragraphs before `wpautop`: lines between blank lines.
BARE_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
TAG = re.compile(r"<[^>]*>")
NOON = time(12)


@dataclass(frozen=True)
class FoundNote:
    kind: str  # ArticleNote.Kind
    text: str  # plain text, as notes are
    published_at: datetime | None  # None when the paragraph gave no date it could be read from
    # The date as written when it cannot be (« 31 février 2026 », « 25 h »): no note then, the
    # paragraph stays in the body, and this says why to whoever reports on it.
    unreadable_date: str = ""


def find_notes(body: str, *, published: datetime | None = None) -> tuple[list[FoundNote], str]:
    """The notes written in `body` (HTML), in their order, and the body without them.

    `<p>` elements are read when there are any, else the classic editor's blank-line
    paragraphs. `published` (the article's publication) completes a date without a year or a
    time without a date; a date without a time reads as noon, Paris time, or the publication
    if that is later: a note never predates its article. A date that cannot be (31 février)
    makes no note: a wrong date is worse than the paragraph left in the text. Its paragraph
    stays in the body and comes back in the list with `unreadable_date` set, for a report."""
    lowered = body.lower()  # most posts have none of the words: a tenth of reading them all
    if not any(word in lowered for word in ("rectificatif", "correction", "mise")):
        return [], body
    pattern = PARAGRAPH if re.search(r"<p\b", body, re.IGNORECASE) else BARE_PARAGRAPH
    notes, kept, position = [], [], 0
    for match in pattern.finditer(body):
        inner = match.group("inner") if pattern is PARAGRAPH else match.group()
        found = _note(_plain(inner), published)
        if found is None:
            continue
        notes.append(found)
        if not found.unreadable_date:
            kept.append(body[position : match.start()])
            position = match.end()
    if not position:  # nothing taken out: the body as it came, byte for byte
        return notes, body
    kept.append(body[position:])
    cleaned = re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()
    return notes, cleaned


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(TAG.sub("", fragment))).strip()


def _note(text: str, published: datetime | None) -> FoundNote | None:
    match = NOTE.match(text)
    if match is None:
        return None
    word = re.sub(r"\s+", " ", match["word"].lower())
    kind = KINDS.get(word, ArticleNote.Kind.UPDATE)
    try:
        when, unreadable = _moment(match, published), ""
    except ValueError:
        written = text[match.end("word") : match.start("text")].strip(" ,():.–—-")
        when, unreadable = None, re.sub(r"^(?:le|du|en\s+date\s+du)\s+", "", written, flags=re.I)
    return FoundNote(
        kind=kind, text=match["text"].strip(), published_at=when, unreadable_date=unreadable
    )


def _moment(match: re.Match, published: datetime | None) -> datetime | None:
    paris = timezone.get_default_timezone()
    start = timezone.localtime(published, paris) if published else None
    day = _day(match, start)
    if day is None:
        return None
    clock = time(int(match["hour"]), int(match["minute"] or 0)) if match["hour"] else NOON
    moment = timezone.make_aware(datetime.combine(day, clock), paris)
    if start and moment < start:
        if not _has_date(match):  # « Mise à jour 8 h » after an evening publication
            return timezone.make_aware(datetime.combine(day + timedelta(days=1), clock), paris)
        return start
    return moment


def _has_date(match: re.Match) -> bool:
    return bool(match["month"] or match["nmonth"] or match["imonth"])


def _day(match: re.Match, start: datetime | None) -> date | None:
    if match["nmonth"]:
        return date(int(match["nyear"]), int(match["nmonth"]), int(match["nday"]))
    if match["imonth"]:
        return date(int(match["iyear"]), int(match["imonth"]), int(match["iday"]))
    if match["month"]:
        month = MONTH_NUMBERS[match["month"].lower().translate(_UNACCENTED)]
        number = 1 if match["day"].lower() == "1er" else int(match["day"])
        if match["year"]:
            return date(int(match["year"]), month, number)
        if start is None:
            return None
        day = date(start.year, month, number)  # the publication's year, or the next one
        return day if day >= start.date() else date(start.year + 1, month, number)
    return start.date() if start and match["hour"] else None
