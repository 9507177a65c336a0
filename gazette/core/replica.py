"""An optional read replica for what anonymous readers ask, and only that.

A replica lags the primary by a moment. An editor who just saved must read their own change,
so only anonymous GET and HEAD requests outside the admin read from it (a page-cache miss, a
search); everything else, and every write, goes to the primary. The middleware marks the
request in a context variable, which the router reads: no thread-local left set after it.
"""

from contextvars import ContextVar

from django.conf import settings

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
        self.admin_prefix = "/" + getattr(settings, "GAZETTE_ADMIN_PATH", "admin/").strip("/") + "/"

    def __call__(self, request):
        public = (
            REPLICA in settings.DATABASES
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
        )
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
