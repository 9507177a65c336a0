"""Test set-up shared by every app: the database under test is printed, `postgres`-marked
tests skip on SQLite, and background tasks run inline unless a test asks for the queue."""

import os
import subprocess
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction
from django.test import override_settings

from gazette.core.tests import migrated_template, quick_flush, shared_data

# `home` and `monde`, the site most tests start from, built once per module (@shared); a
# module or an app's conftest that defines its own replaces them.
pytest_plugins = ["gazette.news.tests.shared_site"]

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def _own_redis_database() -> None:
    """With pytest-xdist, worker N uses Redis database (REDIS_URL's number − N), so that one
    worker's `cache.clear()` and purges (their channel carries the number) never reach
    another's; pytest-django already gives each worker its own test database. Runs when
    this file is imported, before any test touches the cache."""
    worker, url = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("REDIS_URL", "")
    if not (worker.startswith("gw") and url):
        return
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) - int(worker[2:])
    if number < 0:
        raise pytest.UsageError(f"REDIS_URL={url}: too few Redis databases below it for {worker}")
    own = os.environ["REDIS_URL"] = parts._replace(path=f"/{number}").geturl()
    # pytest-django has already read the settings (it sets Django up before any conftest is
    # imported), so the environment alone came too late: without this, every worker shared
    # the first one's database and read the others' cached sites and pages.
    from django.conf import settings
    from django.core.cache import caches

    settings.REDIS_URL = own
    for alias, options in settings.CACHES.items():
        if options.get("LOCATION") == url:
            options["LOCATION"] = own
            caches[alias].close()
            del caches[alias]


_own_redis_database()


def _fast_password_hashing() -> None:
    """gazette/core/tests/passwords.py says why; a test about hashing sets its own."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["gazette.core.tests.passwords.QuickPBKDF2PasswordHasher"]


_fast_password_hashing()


def _no_commit_wait_on_postgresql() -> None:
    """PostgreSQL's test connections commit without waiting for the disk
    (`synchronous_commit=off`, a per-session setting any user may change): the transactional
    tests and live servers commit every statement, and the flush between them truncates every
    table. A crash could lose the last commits of a database thrown away anyway."""
    from django.db import connections

    for alias in connections:
        options = connections[alias].settings_dict.setdefault("OPTIONS", {})
        if connections[alias].vendor == "postgresql" and "options" not in options:
            options["options"] = "-c synchronous_commit=off"


_no_commit_wait_on_postgresql()
migrated_template.install()


def _put_back_initial_data() -> None:
    from gazette.news.tests.factories import ensure_initial_data

    ensure_initial_data()


def _initial_data_unless_remembered() -> None:
    """Before a module's objects are built: once a flush has been remembered, each test
    starts from it (the flush after a transactional test puts it back, the others roll
    back), and `ensure_initial_data` costs 0.3 s on PostgreSQL for nothing."""
    if not quick_flush.ready():
        _put_back_initial_data()


quick_flush.install(after_flush=_put_back_initial_data)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="leave out the tests that use no database (make test's PostgreSQL pass: the "
        "SQLite pass runs them)",
    )


def _media_root(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "media"


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        import sqlite3

        return f"database: SQLite {sqlite3.sqlite_version}"
    return f"database: {engine} at {settings.DATABASES['default'].get('HOST')}"


def uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db")) or "django_db_setup" in item.fixturenames


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "live_server" in item.fixturenames and not item.nodeid.startswith("e2e/"):
            item.add_marker(pytest.mark.system)
    _servers_first(items)
    if config.getoption("database_tests_only"):
        kept = [item for item in items if uses_database(item)]
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL (make test does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _servers_first(items) -> None:
    """The files that start servers or processes (`system`) go first, in their order, the
    others after them in theirs. They hold most of the longest tests: pytest-xdist hands each
    worker whole files in this order, and a 70-second file handed out last kept one worker
    busy while the other waited."""
    heavy = {item.path for item in items if item.get_closest_marker("system")}
    items.sort(key=lambda item: item.path not in heavy)


@pytest.fixture(autouse=True)
def _processes_only_in_system_tests(request, monkeypatch):
    """`make test-fast` leaves out the tests marked `system` (and the browser's): a test
    that starts a process without the mark would slow every edit-test loop, so it fails."""
    if request.node.get_closest_marker("system") or request.node.get_closest_marker("browser"):
        return

    def refuse(self, args, *rest, **options):
        pytest.fail(f"this test starts a process ({args!r}): mark it @pytest.mark.system")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.fixture(autouse=True)
def _inline_tasks(settings):
    settings.TASKS = IMMEDIATE_TASKS
    settings.GAZETTE_AUDIENCE_BATCH_SECONDS = 0  # reads written at once, no writer thread


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Uploaded and generated images go to a throwaway folder, never to var/media."""
    settings.MEDIA_ROOT = _media_root(tmp_path_factory)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, tmp_path_factory):
    """Tests run without `collectstatic`: the hashed-name storage would have no manifest.
    Nor do they read the run's collected files: WhiteNoise lists STATIC_ROOT whenever a test
    client starts, and a server test of the other worker may be collecting into it (its
    post-processing deletes files as it goes: « No such file » for the listing)."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)  # empty, but there: WhiteNoise warns otherwise


transactional = shared_data.transactional


@pytest.fixture(autouse=True)
def _initial_data(request):
    """What Wagtail's data migrations create (the default locale, the page and collection
    roots) and our newsroom groups, there for each transactional test: after the first one,
    the flush puts them back (gazette/core/tests/quick_flush.py); pytest-django's serialized
    rollback collides with live_server (duplicate content types)."""
    if not transactional(request.node):
        return
    request.getfixturevalue("transactional_db")
    _initial_data_unless_remembered()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache. Wagtail keeps site root paths and renditions there,
    and with Redis the cache outlives both the process and the flushed tables of a
    transactional test: stale root paths would give pages wrong URLs."""
    from django.core.cache import cache

    from gazette.core import page_store

    cache.clear()
    page_store.forget_local_state()


def _test_settings(tmp_path_factory):
    """The settings the autouse fixtures above give each test, for what is built before them
    (a module fixture, @shared objects)."""
    from django.conf import settings

    return override_settings(
        TASKS=IMMEDIATE_TASKS,
        GAZETTE_AUDIENCE_BATCH_SECONDS=0,
        MEDIA_ROOT=_media_root(tmp_path_factory),
        STORAGES={**settings.STORAGES, "staticfiles": PLAIN_STATIC},
    )


def _opened(config):
    from pytest_django.plugin import blocking_manager_key

    @contextmanager
    def opened():
        with _test_settings(config._tmp_path_factory), config.stash[blocking_manager_key].unblock():
            yield

    return opened


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """The @shared objects this test uses (gazette/core/tests/shared_data.py), built before
    its own fixtures."""
    shared_data.before_test(item, _opened(item.config), _initial_data_unless_remembered)


@pytest.fixture(scope="module", autouse=True)
def _shared_objects_rolled_back(request):
    yield
    shared_data.after_module(_opened(request.config))


@pytest.fixture(scope="module")
def build_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """`with build_once(): ...` for data that many tests read or that a comparison builds in
    steps (the 2-versus-N query counts): built once for a module instead of once per test.
    The block runs in a transaction rolled back at its end, so the next test starts from an
    empty site, with the settings the autouse fixtures above give each test (a module
    fixture is set up before them) and an empty cache on both sides."""
    from django.core.cache import cache

    from gazette.core import page_store

    overrides = _test_settings(tmp_path_factory)

    def empty_cache():
        cache.clear()
        page_store.forget_local_state()

    @contextmanager
    def block():
        with overrides, django_db_blocker.unblock(), transaction.atomic():
            _initial_data_unless_remembered()  # a transactional test may have flushed the tables
            empty_cache()
            try:
                yield
            finally:
                transaction.set_rollback(True)
                empty_cache()

    return block
