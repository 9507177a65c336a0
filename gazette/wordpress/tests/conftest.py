"""Imports run once per module (a real export takes a second or two), inside a transaction
rolled back at the end, as `gazette/demo/tests` does: the other modules start from an empty
site, and the tests of a module read one imported site."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from PIL import Image

from gazette.news.tests.factories import ensure_initial_data
from gazette.wordpress.media import attached_file
from gazette.wordpress.wxr import Item, read_wxr

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "wordpress-sample.xml"
EDGE_CASES = FIXTURES / "edge-cases.xml"


def run_import(path: Path, **options) -> str:
    out = StringIO()
    call_command("import_wordpress", str(path), stdout=out, **options)
    return out.getvalue()


def items(path: Path, post_type: str | None = None) -> list[Item]:
    return [
        obj
        for obj in read_wxr(path)
        if isinstance(obj, Item) and (post_type is None or obj.post_type == post_type)
    ]


def make_uploads(export: Path, root: Path, *, broken: set[str] = frozenset()) -> Path:
    """A copy of `wp-content/uploads` as the old site had it: one small JPEG per attachment,
    except the names in `broken`, which get bytes no image library can read."""
    for item in items(export, "attachment"):
        relative = attached_file(item)
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative in broken or not relative.endswith((".jpg", ".jpeg", ".png")):
            target.write_bytes(b"ceci n'est pas une image")
        else:
            Image.new("RGB", (320, 180), "darkseagreen").save(target, "JPEG")
    return root


@pytest.fixture(scope="module")
def imported_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Call with the export and options; the import runs in the module's transaction."""
    var_dir = tmp_path_factory.mktemp("var")
    with (
        # The same folder as the root conftest's per-test MEDIA_ROOT: pages read the images.
        override_settings(VAR_DIR=var_dir, MEDIA_ROOT=tmp_path_factory.getbasetemp() / "media"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        ensure_initial_data()
        yield var_dir
        transaction.set_rollback(True)
