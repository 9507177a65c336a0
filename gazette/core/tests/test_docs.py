"""The docs cannot drift from the code: every `make` target, `manage.py` command and
environment variable that README.md and docs/*.md name exists, and no page presents a
milestone already shipped as work to come (four of nine README claims checked in the 2026-12
review were wrong that way)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# The milestones shipped so far, by the title they were planned under: a doc or a comment that
# still names one speaks of it as work to come (« arrive avec Speed and scale-out »).
SHIPPED = [
    "Reader site and newsroom core",
    "Reader comments with moderation",
    "Les + Lus » and audience figures",
    "Speed and scale-out",
    "Move a WordPress newsroom",
    "Findability: French search",
    "Operations: backup and restore",
]


def mentions(pattern: str) -> set[tuple[str, str]]:
    return {
        (path.relative_to(ROOT).as_posix(), name)
        for path in DOCS
        for name in re.findall(pattern, path.read_text(), flags=re.MULTILINE)
    }


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.MULTILINE))


def source_text() -> str:
    """Where else a variable may be read: the code, the Makefile, CI and the deploy files."""
    files = [*ROOT.glob("gazette/**/*.py"), ROOT / "Makefile", ROOT / ".ci" / "run"]
    files += [*ROOT.glob("e2e/*.py")]  # the browser tests' own switches
    files += [*ROOT.glob("deploy/**/*"), *ROOT.glob("bench/*.py")]
    return "\n".join(f.read_text() for f in files if f.is_file() and "/tests/" not in f.as_posix())


def test_the_docs_exist_and_are_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text()
    assert len(DOCS) > 1
    for path in DOCS[1:]:
        assert f"(docs/{path.name})" in readme, path.name


def test_every_make_target_named_in_the_docs_exists():
    named = mentions(r"(?:^|`)make ([a-z][\w-]*)")
    assert named, "no `make` command found in the docs: the pattern is wrong"
    assert sorted((doc, target) for doc, target in named if target not in make_targets()) == []


def test_every_manage_py_command_named_in_the_docs_exists():
    named = mentions(r"manage\.py ([a-z][\w]*)")
    assert named, "no manage.py command found in the docs: the pattern is wrong"
    commands = set(get_commands())
    assert sorted((doc, command) for doc, command in named if command not in commands) == []


def test_every_environment_variable_named_in_the_docs_is_read():
    named = mentions(r"\b((?:GAZETTE|DATABASE|REDIS)_[A-Z0-9_]*[A-Z0-9])\b")
    assert named, "no variable found in the docs: the pattern is wrong"
    code = source_text()
    unknown = [
        (doc, name)
        for doc, name in named
        if name not in settings.ENV_NAMES and not re.search(rf"\b{name}\b", code)
    ]
    assert sorted(unknown) == []


def test_every_image_the_docs_show_is_in_the_repository():
    """The screenshots are remade only on demand (`make screenshots`): one a doc shows must
    be committed, not left to a test run."""
    named = mentions(r"!\[[^\]]*\]\((images/[^)]+)\)")
    assert named, "no image found in the docs: the pattern is wrong"
    missing = [(doc, image) for doc, image in named if not (ROOT / "docs" / image).is_file()]
    assert sorted(missing) == []


@pytest.mark.parametrize("milestone", SHIPPED)
def test_no_doc_or_comment_presents_a_shipped_milestone_as_work_to_come(milestone):
    places = [*DOCS, *ROOT.glob("gazette/**/*.py")]
    found = [
        path.relative_to(ROOT).as_posix()
        for path in places
        if milestone in path.read_text() and path != Path(__file__)
    ]
    assert found == []
