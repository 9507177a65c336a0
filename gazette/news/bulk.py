"""Many pages written into the tree at once, for the WordPress import and the large demo
newsroom: about 20 queries a page through Wagtail's `add_child` and `publish()`, a share of
a few multi-row INSERTs here.

What the tree needs is computed in Python the way treebeard would: a page's `path` is its
parent's followed by one step of `Page.steplen` base-36 digits (`Page.alphabet`), its number
among its siblings; `depth`, `numchild` and `url_path` follow. `Page.find_problems()` then
finds nothing, and Wagtail serves, moves and edits these pages as any other. Search indexing,
revisions and purges are left to the callers, who know what they skip and why.

Django refuses `bulk_create` on a multi-table child such as `ArticlePage`, hence, in
`add_children`, the `_insert` of the child table's own columns, which is what `save()` itself
does for the child part.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page

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


def add_children(parent: Page, children: list[Page]) -> None:
    """`children`, unsaved pages of one type, become the parent's last children. The parent
    row is locked for the batch, so that two writers cannot take the same steps."""
    if not children:
        return
    model = type(children[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    first = last_child_number(parent) + 1
    base_fields = Page._meta.concrete_fields
    bases = []
    for offset, child in enumerate(children):
        child.depth = parent.depth + 1
        child.path = parent.path + tree_step(first + offset)
        child.url_path = f"{parent.url_path}{child.slug}/"
        child.content_type = content_type
        child.locale_id = parent.locale_id
        child.draft_title = child.title
        child.numchild = 0
        bases.append(Page(**{f.attname: getattr(child, f.attname) for f in base_fields}))
    Page.objects.bulk_create(bases)
    for base, child in zip(bases, children, strict=True):
        child.pk = child.id = child.page_ptr_id = base.pk
        child._state.adding = False
    local_fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(children, fields=local_fields, using=parent._state.db)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
