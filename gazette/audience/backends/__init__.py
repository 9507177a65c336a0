"""Where reads are counted: Redis when `REDIS_URL` is set, else the database in batches.

One backend object per process and configuration: it holds the process's connection pool, the
day's salt and, in the embedded mode, the pending batch and its writer thread.
"""

from functools import cache

from django.conf import settings

from .base import Read
from .database import DatabaseBackend
from .redis import RedisBackend

__all__ = ["Read", "get_backend"]


def get_backend() -> DatabaseBackend | RedisBackend:
    return _backend(settings.REDIS_URL)


@cache
def _backend(redis_url: str) -> DatabaseBackend | RedisBackend:
    return RedisBackend(redis_url) if redis_url else DatabaseBackend()
