"""Attachments become images, found again by their id or by the name of any copy WordPress
made of the file (« photo-300x169.jpg »), and their old file addresses are redirected.

Run again, the import brings an image's alt text and credit from WordPress only where Gazette
has none yet: what an editor wrote since (in « Images à compléter », say) is kept, and a
WordPress value that differs from it is named in the report, as for notes (`notes.py`)."""

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.db import transaction

from gazette.core.models import CreditedImage

from . import redirects
from .content import plain_text
from .items import clean_title, where
from .ledger import ImportRun, Kind, checksum, reconcile
from .media import attached_file, described, import_image
from .wxr import Item


def import_attachments(run: ImportRun, attachments: dict[int, Item]) -> None:
    """Attachment id → (image pk, caption) in `run.attachments`; also indexes file names in
    `run.image_files`, so that an <img> pointing at a resized copy finds its image."""
    known = run.mapping(Kind.ATTACHMENT, attachments)
    if attachments and not run.images.enabled:
        run.report.warn(
            "images",
            f"{len(attachments)} pièce(s) jointe(s) non importée(s) : {run.images.why_not}",
        )
    for wp_id, item in attachments.items():
        run.on_progress(1, run.report)
        row = known.get(wp_id)
        if row is None and not run.images.enabled:
            continue

        def create(item=item):
            image, problem = import_image(item, run.images)
            if image is None:
                run.report.warn(where(item), problem)
                return None, False
            run.report.created["redirect"] += redirects.add(
                [(path, ("link", image.file.url)) for path in _file_paths(item)]
            )
            return image.pk, True

        def update(pk, item=item):
            _complete(run, item, CreditedImage.objects.get(pk=pk))

        with transaction.atomic():
            pk = reconcile(
                run,
                Kind.ATTACHMENT,
                wp_id,
                checksum(described(item)),
                row=row,
                create=create,
                update=update,
                guid=item.guid,
            )
        if pk is None:
            continue
        run.attachments[wp_id] = (pk, plain_text(item.excerpt)[:300])
        for name in (item.meta.get("_wp_attached_file", ""), item.attachment_url):
            if name:
                run.image_files[_file_key(name)] = run.attachments[wp_id]

    pks = [pk for pk, _ in run.attachments.values()]
    run.report.incomplete_images = sum(
        CreditedImage.objects.incomplete().filter(pk__in=pks[start : start + 500]).count()
        for start in range(0, len(pks), 500)
    )


def _complete(run: ImportRun, item: Item, image: CreditedImage) -> None:
    """Fills the alt text and credit Gazette lacks from WordPress, never overwrites them."""
    alt, credit = described(item)
    fields = []
    if alt and not image.description:
        image.description = alt
        fields.append("description")
    elif alt and image.description != alt:
        run.report.warn(where(item), "texte alternatif modifié dans Gazette, gardé tel quel")
    elif not alt and image.description in _made_up(item):
        run.report.warn(
            where(item),
            "texte alternatif repris de la légende ou du titre par un import précédent : "
            "à vérifier dans l'image",
        )
    if credit and not image.credit and not image.credit_unknown:
        image.credit = credit
        fields.append("credit")
    elif credit and image.credit != credit:
        run.report.warn(where(item), "crédit modifié dans Gazette, gardé tel quel")
    if fields:
        image.save(update_fields=fields)


def _made_up(item: Item) -> set[str]:
    """The alt text imports before this one wrote when WordPress had none: the caption, else
    the title. Such an image is shown with a text that may not describe it: named in the
    report once (its ledger checksum then changes), left as it is."""
    caption = plain_text(item.excerpt)[:255]
    title = (clean_title(item.title) or PurePosixPath(attached_file(item)).name)[:255]
    return {caption or title}


def find_image(run: ImportRun, attachment: int | None, src: str) -> tuple[int, str] | None:
    if attachment in run.attachments:
        return run.attachments[attachment]
    return run.image_files.get(_file_key(src)) if src else None


def _file_paths(item: Item) -> list[str]:
    """The old addresses of an image file and of the resized copies WordPress made of it,
    which other sites and search engines link to."""
    url = urlsplit(item.attachment_url)
    if not url.path:
        return []
    folder = url.path.rsplit("/", 1)[0]
    sizes = re.findall(r's:4:"file";s:\d+:"([^"/]+)"', item.meta.get("_wp_attachment_metadata", ""))
    return [url.path] + [f"{folder}/{name}" for name in sizes]


def _file_key(name: str) -> str:
    """« 2025/01/photo-1024x576.jpg » and « …/uploads/2025/01/photo.jpg » share a key."""
    stem = PurePosixPath(urlsplit(name).path).name
    return re.sub(r"-\d+x\d+(?=\.\w+$)|-scaled(?=\.\w+$)", "", stem).lower()
