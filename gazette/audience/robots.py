"""Reads that are not a person reading: crawlers, and pages loaded ahead of a click.

The crawler list is the community-maintained crawler-user-agents (package
`crawler-user-agents`, updated as new bots appear): some 1,500 patterns, about 0.1 ms per
user agent. Readers share few distinct user agents, so the verdict is memoised per string.
"""

from functools import lru_cache

from crawleruseragents import is_crawler

# Headers browsers add to speculative loads (Chrome, Firefox, Safari, older proxies).
PREFETCH_HEADERS = ("HTTP_PURPOSE", "HTTP_SEC_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


@lru_cache(maxsize=4096)
def is_robot(user_agent: str) -> bool:
    """No user agent at all is a script, not a browser."""
    return not user_agent.strip() or is_crawler(user_agent)


def is_prefetch(meta) -> bool:
    return any(
        word in meta.get(header, "").lower()
        for header in PREFETCH_HEADERS
        for word in ("prefetch", "prerender", "preview")
    )
