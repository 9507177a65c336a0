"""Many pages written into the tree at once, for the WordPress import and the large demo
newsroom: about 20 queries a page through Wagtail's `add_child` and `publish()`, a share of
a few multi-row INSERTs here.

What the tree needs is computed in Python the way treebeard would: a page's `path` is its
parent's followed by one step of `Page.steplen` base-36 digits (`Page.alphabet`), its number
among its siblings; `depth`, `numchild` and `url_path` follow. `Page.find_problems()` then
finds nothing, and Wagtail serves, moves and edits these pages as any other. Search indexing,
revisions and purges are left to the callers, who know what they skip and why.

The rows go in without model instances (`gazette.core.table_rows`): Django refuses
`bulk_create` on a multi-table child such as `ArticlePage`, and two Wagtail page instances a
row (one for each table, as `add_children` once built) cost more than the inserts themselves.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page

from gazette.core.table_rows import Rows, reserve_ids

BASE = len(Page.alphabet)


def tree_step(number: int) -> str:
    """The `number`-th child's step, 1-based: 1 → "0001", 36 → "0010", as treebeard writes it."""
    if not 0 < number < BASE**Page.steplen:
        raise ValueError(f"{number} children do not fit in a step of {Page.steplen}")
    digits = ""
    while number:
        number, digit = divmod(number, BASE)
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def step_number(step: str) -> int:
    return int(step, BASE)


def last_child_number(parent: Page) -> int:
    """The number of the parent's last child (0 without children): new ones come after it."""
    last = parent.get_last_child()
    return step_number(last.path[-Page.steplen :]) if last else 0


def unique_slug(slug: str, taken: set[str]) -> str:
    """Wagtail never allows the same slug between siblings (WordPress does, between two
    categories; generated headlines may repeat): the first free « slug-2 », « slug-3 »…"""
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug[: 255 - len(str(n)) - 1]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def add_children(parent: Page, model: type[Page], rows: list[dict]) -> list[int]:
    """`rows`, the field values of new pages of `model` (the parent table's and the child
    table's together, by attname), become the parent's last children; returns their pks.
    Must run inside `atomic()`: the parent row is locked for the batch, so that two writers
    cannot take the same steps, and the ids are reserved (`table_rows.reserve_ids`)."""
    if not rows:
        return []
    content_type_id = ContentType.objects.get_for_model(model).pk
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    first = last_child_number(parent) + 1
    pks = reserve_ids(Page, len(rows))
    for offset, (pk, row) in enumerate(zip(pks, rows, strict=True)):
        row["id"] = row["page_ptr_id"] = pk
        row["depth"] = parent.depth + 1
        row["path"] = parent.path + tree_step(first + offset)
        row["url_path"] = f"{parent.url_path}{row['slug']}/"
        row["content_type_id"] = content_type_id
        row["locale_id"] = parent.locale_id
        row["draft_title"] = row["title"]
        row["numchild"] = 0
    Rows(Page).write(rows)
    Rows(model).write(rows)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
    return pks
