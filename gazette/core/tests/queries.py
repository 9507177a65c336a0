"""Counting a render's queries in tests that compare counts."""


def without_purge_sync(queries) -> list[dict]:
    """The embedded shape reads other processes' purges at most once a second, whatever the
    page: a matter of the clock, not of the number of articles (gazette/core/page_cache.py)."""
    return [q for q in queries.captured_queries if '"core_pagepurge"' not in q["sql"]]
