"""Many pages added under one parent in a handful of queries.

Wagtail's `add_child` is one page at a time: it reads the parent's last child, inserts the
page, updates the parent, and the import then saves a revision and publishes it; about 20
queries a page, too slow for 10,000 posts in a minute. Here the treebeard paths are computed
in Python from the parent's last child (the parent row is locked for the batch), the base rows
go in with one `bulk_create`, the article rows with one insert, and `numchild` is bumped once.
Search indexing is left to the caller (see `tasks.py`).

Django's `bulk_create` refuses multi-table inheritance children, hence the `_insert` of the
child table's own columns, which is what `save()` itself does for the child part.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page


def unique_slug(slug: str, taken: set[str]) -> str:
    """WordPress allows the same slug in two categories; Wagtail, never between siblings."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug[: 255 - len(str(n)) - 1]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def add_children(parent: Page, children: list[Page]) -> None:
    if not children:
        return
    model = type(children[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    base_fields = Page._meta.concrete_fields
    bases = []
    for offset, child in enumerate(children):
        child.depth = parent.depth + 1
        child.path = Page._get_path(parent.path, child.depth, step + offset)
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
