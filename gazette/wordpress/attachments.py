"""Attachments become images, found again by their id or by the name of any copy WordPress
made of the file (« photo-300x169.jpg »), and their old file addresses are redirected."""

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.db import transaction

from . import redirects
from .content import plain_text
from .items import where
from .ledger import ImportRun, Kind, reconcile
from .media import import_image
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

        with transaction.atomic():
            pk = reconcile(run, Kind.ATTACHMENT, wp_id, "", row=row, create=create, guid=item.guid)
        if pk is None:
            continue
        run.attachments[wp_id] = (pk, plain_text(item.excerpt)[:300])
        for name in (item.meta.get("_wp_attached_file", ""), item.attachment_url):
            if name:
                run.image_files[_file_key(name)] = run.attachments[wp_id]


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
