"""Health endpoints for load balancers, Varnish probes and uptime monitors.

`vivant` only says the process answers: a failing database must not make an orchestrator kill
and restart every app server at once. `pret` says whether this server can serve now (database,
cache, task queue, migrations). Both answer JSON with `Cache-Control: no-store`, name their
checks and nothing else: no exception text, no version, nothing an attacker could use. A
failed check is a 503, never a 500, so a probe can tell « not ready » from « broken ».
"""

import logging

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)
PROBE_KEY = "gazette:health-probe"


def check_database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache.set(PROBE_KEY, "1", timeout=10)
    if cache.get(PROBE_KEY) != "1":
        raise RuntimeError("cache read back nothing")


def check_task_queue() -> None:
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.exists()


def check_migrations() -> None:
    if pending_migrations():
        raise RuntimeError("unapplied migrations")


def pending_migrations() -> list[str]:
    """`app.name` of each migration not yet applied, in the order `migrate` would run them."""
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "task_queue": check_task_queue,
    "migrations": check_migrations,
}


def _json(payload: dict, status: int) -> JsonResponse:
    response = JsonResponse(payload, status=status)
    add_never_cache_headers(response)
    return response


@require_safe
def alive(request):
    return _json({"status": "ok"}, 200)


DEPENDS_ON_DATABASE = {"task_queue", "migrations"}


@require_safe
def ready(request):
    results = {}
    for name, check in CHECKS.items():
        if name in DEPENDS_ON_DATABASE and results["database"] != "ok":
            results[name] = "failed"
            continue
        try:
            check()
        except Exception:  # any failure means « not ready »: logged, not shown
            logger.exception("Contrôle de santé « %s » en échec.", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    ok = all(value == "ok" for value in results.values())
    return _json({"status": "ok" if ok else "failed", "checks": results}, 200 if ok else 503)
