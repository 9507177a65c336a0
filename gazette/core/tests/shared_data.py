"""Fixtures whose objects are built once per test module instead of once per test.

Most tests start from the same few pages (la une, a section, an article): publishing them
through revisions, as an editor does, costs 0.2 s on SQLite and 0.6 s on PostgreSQL per test,
a third of make test's fixture time. A `@shared` fixture is built, with the shared fixtures it
names as parameters, in a transaction that the module's tests run inside (each in its own
savepoint, rolled back as always) and that is rolled back when the module ends.

A test gets exactly the objects it asks for, as if built for it alone: the module's build holds
the set of shared fixtures the running test uses (its fixture closure), and is rolled back and
made again when the next test uses another set. Each test gets fresh copies read from the
database (a test that changes an object in memory leaves the next one nothing). Transactional
tests (live servers, `transaction=True`) close the module's transaction first and build their
own, committed, objects as before.

The build runs before the test's own fixtures, with the settings the root conftest's autouse
fixtures give every test (`build_settings`), and the cache is emptied after it, as for any
test; a fixture whose objects depend on a test's own settings must stay an ordinary fixture."""

import inspect
import itertools
from contextlib import ExitStack

import pytest
from django.db import transaction
from django.db.models import Model

_order = itertools.count()


def shared(build):
    """`@shared` on `def monde(home): return make_section(home, "Monde")` makes a fixture
    `monde` (needing `home`, itself `@shared`) built once per module."""
    name = build.__name__
    needs = tuple(inspect.signature(build).parameters)

    def fixture(request, **given):
        built = request.node.stash.get(BUILT, None)
        if built is None:  # transactional, or the worker's first test (no test database yet)
            return build(**{need: given[need] for need in needs})
        return built.fresh(name)

    fixture.__name__ = name
    fixture.__doc__ = build.__doc__
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY) for n in ("db", *needs)]
    fixture.__signature__ = inspect.Signature(params)
    fixture.shared_build = build
    fixture.shared_needs = needs
    fixture.shared_order = next(_order)
    return pytest.fixture(name=name)(fixture)


def transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or {"live_server", "transactional_db"} & set(item.fixturenames)
    )


def _builds(item) -> list:
    """The @shared fixture functions this test uses, in the order they were declared."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return []
    found = []
    for name in item.fixturenames:
        definitions = info.name2fixturedefs.get(name)
        func = definitions[-1].func if definitions else None
        if func is not None and hasattr(func, "shared_build"):
            found.append(func)
    return sorted(found, key=lambda func: func.shared_order)


def _database_ready(item) -> bool:
    definitions = item._fixtureinfo.name2fixturedefs.get("django_db_setup")
    return bool(definitions) and definitions[-1].cached_result is not None


class Built:
    """The module's open transaction and the objects made in it."""

    def __init__(self):
        self.module = self.key = self.stack = None
        self.objects = {}

    def fresh(self, name):
        return _fresh(self.objects[name])

    def hold(self, module, builds, opened, start) -> None:
        """Make exactly `builds`, unless they are what the transaction holds already."""
        key = tuple(func.__name__ for func in builds)
        if (module, key) == (self.module, self.key):
            return
        self.close(opened)
        with opened():
            self.stack = ExitStack()
            self.stack.enter_context(transaction.atomic())
            self.module, self.key, self.objects = module, key, {}
            try:
                start()
                for func in builds:
                    needs = {name: self.objects[name] for name in func.shared_needs}
                    self.objects[func.__name__] = func.shared_build(**needs)
            except BaseException:
                self.close(opened)
                raise

    def close(self, opened) -> None:
        if self.stack is not None:
            with opened():
                transaction.set_rollback(True)
                self.stack.close()
        self.module = self.key = self.stack = None
        self.objects = {}


def _fresh(made):
    """A new copy of what was built, read from the database (a dict or list of them too)."""
    if isinstance(made, dict):
        return {key: _fresh(value) for key, value in made.items()}
    if isinstance(made, list | tuple):
        return type(made)(_fresh(value) for value in made)
    if isinstance(made, Model) and made.pk is not None:
        return type(made)._default_manager.get(pk=made.pk)
    return made


BUILT = pytest.StashKey[Built]()
_built = Built()


def before_test(item, opened, start) -> None:
    """From pytest_runtest_setup, before the test's fixtures. `opened()` gives database access
    and the settings of a test; `start()` puts back what a flush took (the roots)."""
    builds = _builds(item)
    # A module fixture that builds in its own rolled-back block (build_once) must not find
    # this module's objects already there.
    if transactional(item) or "build_once" in item.fixturenames or not _database_ready(item):
        _built.close(opened)
        return
    if builds:
        _built.hold(item.getparent(pytest.Module), builds, opened, start)
        item.stash[BUILT] = _built


def after_module(opened) -> None:
    """From a module-scoped fixture's teardown: after the module's last test and its own
    fixtures, before the session's (the test database, on the worker's last module)."""
    _built.close(opened)
