"""An optional read replica for what anonymous readers ask, and only that.

A replica lags the primary by a moment. An editor who just saved must read their own change,
so only anonymous readers' requests (`readers.py`: GET or HEAD outside the admin, no session
cookie) read from it (a page-cache miss, a search); everything else, and every write, goes to
the primary. The middleware marks the
request in a context variable, which the router reads: no thread-local left set after it.
"""

from contextvars import ContextVar

from django.conf import settings

from . import readers

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("gazette_public_read", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _public_read.get() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = REPLICA in settings.DATABASES and readers.is_anonymous_read(
            request.method, request.path, request.META.get("HTTP_COOKIE")
        )
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
