"""French words reduced to what search compares: lower case, no accents, Snowball stem.

The SQLite index, the queries and the highlighted excerpts all go through `stem()`, so the
three always agree: « Élections », « élection » and « elections » become « elect », « chevaux »
becomes « cheval ». PostgreSQL does the same in SQL (its `french_unaccent` configuration:
unaccent, then the same Snowball algorithm), so excerpts highlighted here mark what it found.

Accents are folded before stemming, not after: the stemmer then sees one spelling of a word
whatever the reader typed, and typing without accents, as many do on a phone, finds the same
articles.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# What FTS5's unicode61 tokenizer keeps in a token: letters and digits, not the underscore.
WORD = re.compile(r"[^\W_]+")
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})

_local = threading.local()


def fold(word: str) -> str:
    """« Œuvre » → « oeuvre », « Élysée » → « elysee »."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Cached: a highlighted results page stems thousands of words, mostly the same few
    hundred; Snowball in pure Python costs some microseconds a word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:  # a Snowball stemmer keeps state while it works: one per thread
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer.stemWord(fold(word))


def stem_text(text: str) -> str:
    """Each word replaced by its stem, everything between words kept: phrases still match
    word for word once FTS5 tokenizes the result."""
    return WORD.sub(lambda match: stem(match.group()), unicodedata.normalize("NFC", text))
