import pytest
from django.core.cache import cache

from gazette.audience import backends
from gazette.audience.services import LOCK_KEY, MOST_READ_KEY, SHOWN_KEY
from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import make_article, make_author, make_section

from .readers import REDIS_URL, flush_redis_prefix, needs_redis


@pytest.fixture(autouse=True)
def _fresh_audience():
    """Each test starts with a new backend (no remembered salt or live ids), no ranking in
    the cache and, with Redis, none of our keys."""
    backends._backend.cache_clear()
    cache.delete_many([MOST_READ_KEY, SHOWN_KEY, LOCK_KEY])
    if REDIS_URL:
        flush_redis_prefix()
    yield
    backends._backend.cache_clear()
    if REDIS_URL:
        flush_redis_prefix()


@pytest.fixture(params=["embedded", pytest.param("redis", marks=needs_redis)])
def mode(request, settings):
    """Both counting backends, held to the same expectations."""
    settings.REDIS_URL = REDIS_URL if request.param == "redis" else ""
    return request.param


@shared
def europe(monde):
    return make_section(monde, "Europe")


@shared
def sport(home):
    return make_section(home, "Sport")


@shared
def article(monde):
    return make_article(monde, "La ville tient bon", authors=(make_author("Claire Vasseur"),))
