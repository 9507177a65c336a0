"""Browser tests: Debian's Chromium, driven by Playwright, against a live Gazette server.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium; the flags
keep Chromium from reaching for Google's services on a machine with no network."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.test.testcases import QuietWSGIRequestHandler
from PIL import Image
from playwright.sync_api import expect

from gazette.operations.tests.conftest import admin_path  # noqa: F401 (a fixture)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

# An assertion waits up to 15 s for the page to agree, not Playwright's 5: on two loaded
# cores (make test runs both passes at once) a publication's redirect alone took longer.
# A page that never agrees still fails; one that agrees at once is not slowed.
expect.set_options(timeout=15_000)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOC_IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


class _Connections:
    """The live server's open connections, counted: a test's teardown waits for none to be
    left before the database is flushed. Closing a page sends what a page sends on leaving
    (the audience beacon): on SQLite's shared in-memory database, a request still running then
    met the flush with « database table is locked », the flush failed, and the next test found
    the last one's pages (seen in make test)."""

    def __init__(self):
        self.open = 0
        self.changed = threading.Condition()

    def count(self, handler_class) -> None:
        handle = handler_class.handle

        def counted(handler):
            with self.changed:
                self.open += 1
            try:
                handle(handler)
            finally:
                with self.changed:
                    self.open -= 1
                    self.changed.notify_all()

        handler_class.handle = counted

    def wait_until_none(self, seconds: float = 15) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.open == 0, timeout=seconds)


_connections = _Connections()
_connections.count(QuietWSGIRequestHandler)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    """Close every browser context a test opened, then let the live server finish what they
    sent, before the test's fixtures go, the database flush included. A context left open kept
    polling (« En direct » asks for new entries every few seconds) into the next test, where
    its requests met that test's writes (a 500 on an editor's « Approuver et Publier »)."""
    funcargs = getattr(item, "funcargs", {})
    browser = funcargs.get("browser")
    if browser is None and "page" in funcargs:
        browser = funcargs["page"].context.browser
    for context in list(browser.contexts if browser else ()):
        context.close()
    _connections.wait_until_none()


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in item.nodeid.split("/")[0]:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory) -> Path:
    """docs/images only when asked (`make screenshots`, GAZETTE_DOC_SCREENSHOTS=1): written on
    every run, the guide's images changed by a few pixels each time and dirtied the tree."""
    if os.environ.get("GAZETTE_DOC_SCREENSHOTS") == "1":
        return DOC_IMAGES
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def screenshot(screenshots_dir):
    """`screenshot(page, name)`: the viewport only, the guide shows what a screen shows; the
    image is checked (the viewport's size, not one flat colour) wherever it is written."""

    def take(page, name: str) -> Path:
        path = screenshots_dir / f"{name}.png"
        page.wait_for_load_state()  # taken as a sign-in lands, the dashboard came out blank
        page.screenshot(path=path, animations="disabled", caret="initial")
        with Image.open(path) as image:
            assert image.size == (page.viewport_size["width"], page.viewport_size["height"])
            extrema = image.convert("L").getextrema()
            assert extrema[0] != extrema[1], f"{name}: a blank screenshot"
        return path

    return take
