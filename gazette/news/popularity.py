"""How often each article was read, for apps that rank articles but sit beside the one that
counts reads (the letters' automatic edition, beside audience). The counter registers itself
here at start-up (gazette/audience/signal_handlers.py); without it, no article has figures
and callers rank by their own second rule (newest first)."""

from collections.abc import Callable, Iterable
from datetime import datetime

ReadCounter = Callable[[list[int], datetime, datetime], dict[int, int]]

_counter: ReadCounter | None = None


def register_read_counter(counter: ReadCounter) -> None:
    global _counter
    _counter = counter


def reads(article_ids: Iterable[int], *, start: datetime, end: datetime) -> dict[int, int]:
    """Reads of each article from `start` (included) to `end` (excluded); absent means none."""
    ids = list(article_ids)
    if _counter is None or not ids:
        return {}
    return _counter(ids, start, end)
