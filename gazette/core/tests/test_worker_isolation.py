"""Parallel test workers must not share a cache: one worker's cached site or page, read by
another with a different database behind it, fails tests far from the cause."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="the in-process cache is per process")
def test_the_cache_is_in_this_workers_own_redis_database():
    assert settings.CACHES["default"]["LOCATION"] == os.environ["REDIS_URL"]
    assert cache._cache._servers == [os.environ["REDIS_URL"]]
