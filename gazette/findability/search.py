"""The reader's search: what a query box may ask, and the articles it finds, best first.

Whatever is typed, only words reach the search backend: quotes, `AND`, `*`, a SQL fragment or
a NUL byte are separators like any other, so no input can break the backend's query syntax.
Every word must appear (in any form: the backend stems and folds accents), except French
function words, which PostgreSQL's `french` configuration drops too.

Ranking: the backend's relevance (BM25 on SQLite, ts_rank on PostgreSQL, title weighted above
body), divided by the best result's so that both backends give a share between 0 and 1, then
multiplied by a recency factor between 1 and 2 that halves its bonus every 30 days: today's
article counts double, last month's one and a half times, last year's as its relevance alone.
A much better match therefore still beats a fresh weak one, and among equals the latest wins.
The backend ranks all matches; the best `CANDIDATES` are re-ranked here, which bounds the work
of a query that matches half the archive.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from wagtail.search.query import PlainText

from gazette.news.models import ArticlePage

from .stemming import WORD, fold, stem

MAX_QUERY_LENGTH = 200  # characters kept of what was typed; the rest is ignored
MAX_WORDS = 12
CANDIDATES = 500
RECENCY_HALF_LIFE_DAYS = 30
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Folded, as `fold()` leaves them. Articles, prepositions, pronouns and conjunctions, with
# elided forms (l', d', qu'...), which the tokenizer leaves as words of one or two letters.
STOP_WORDS = frozenset(
    """
    a au aux avec c ce ces cet cette d dans de des du elle elles en et eux il ils j je l la le
    les leur leurs lui m ma mais me mes moi mon n ne ni nos notre nous on ou par pas pour qu que
    qui s sa se ses si son sur t ta te tes toi ton tu un une vos votre vous y
    """.split()
)


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Query":
        text = CONTROL.sub(" ", unicodedata.normalize("NFC", text[:MAX_QUERY_LENGTH]))
        words = [word for word in WORD.findall(text) if fold(word) not in STOP_WORDS]
        return cls(tuple(dict.fromkeys(words))[:MAX_WORDS])

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(word) for word in self.words)

    def articles(
        self,
        *,
        site,
        section=None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[int]:
        """Primary keys of the visible articles of `site` matching every word, best first (see
        the module's docstring), within a section (its subsections included) and a publication
        period. Never a private article: its words must not even change a count."""
        queryset = ArticlePage.objects.in_site(site).visible().only("pk", "first_published_at")
        if section is not None:
            queryset = queryset.descendant_of(section)
        if since is not None:
            queryset = queryset.filter(first_published_at__gte=since)
        if until is not None:
            queryset = queryset.filter(first_published_at__lt=until)
        matches = list(
            queryset.search(PlainText(" ".join(self.words), operator="and")).annotate_score(
                "score"
            )[:CANDIDATES]
        )
        if not matches:
            return []
        best = matches[0].score or 1.0
        now = timezone.now()

        def rank(article):
            age = (now - article.first_published_at).total_seconds() / 86400
            recency = 1 + 0.5 ** (max(age, 0) / RECENCY_HALF_LIFE_DAYS)
            return (article.score or 0) / best * recency, article.first_published_at

        return [article.pk for article in sorted(matches, key=rank, reverse=True)]
