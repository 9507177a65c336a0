"""WordPress attachments turned into Gazette images, read from a copy of `wp-content/uploads`
or fetched from the old site.

A broken attachment (missing file, not an image, a file Pillow cannot read) is reported and
skipped, never fatal: the posts that used it keep a visible link instead.

Alt text and credit are taken only from what WordPress really holds (`described`): an image
without them lands in « Images à compléter » (`CreditedImage.objects.incomplete()`), where
someone who can see it writes them. A caption or a file title is not a description of the
photo, and an invented alt text would hide the image from that list for good.
"""

import html
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.error import URLError
from urllib.parse import quote, urlsplit
from urllib.request import urlopen

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from wagtail.utils.file import hash_filelike

from gazette.core.models import CreditedImage

from .content import plain_text
from .wxr import Item

FETCH_TIMEOUT = 30
_CREDIT = re.compile(r's:6:"credit";s:\d+:"(.*?)";', re.S)


@dataclass
class ImageSource:
    """Where the files are: `uploads`, a copy of the old site's `wp-content/uploads`, or
    `base_url`, the address of that folder on a site still online."""

    uploads: Path | None = None
    base_url: str = ""
    # Said in the report when there is no source: the operator gave none, or a dry run.
    why_not: str = "ni --uploads ni --media-base-url"

    @property
    def enabled(self) -> bool:
        return bool(self.uploads or self.base_url)

    def read(self, relative: str) -> bytes:
        if self.uploads:
            path = (self.uploads / relative).resolve()
            if not path.is_relative_to(self.uploads.resolve()):
                raise FileNotFoundError(relative)
            return path.read_bytes()
        url = f"{self.base_url.rstrip('/')}/{quote(relative)}"
        if urlsplit(url).scheme not in {"http", "https"}:
            raise FileNotFoundError(url)
        with urlopen(url, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - scheme checked
            return response.read()


def attached_file(item: Item) -> str:
    """The path under `uploads/`, from the meta WordPress keeps, else from the file's URL."""
    relative = item.meta.get("_wp_attached_file", "").strip()
    if not relative and "/uploads/" in item.attachment_url:
        relative = urlsplit(item.attachment_url).path.split("/uploads/", 1)[1]
    return relative.lstrip("/")


def import_image(item: Item, source: ImageSource) -> tuple[CreditedImage | None, str]:
    relative = attached_file(item)
    name = PurePosixPath(relative).name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not relative:
        return None, "pièce jointe sans fichier"
    if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
        return None, f"pièce jointe « {name} » : pas une image, non importée"
    try:
        data = source.read(relative)
    except (OSError, URLError, ValueError) as error:
        return None, f"fichier « {relative} » introuvable ({error.__class__.__name__})"
    try:
        with PillowImage.open(BytesIO(data)) as probe:
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None, f"fichier « {relative} » illisible : pas une image valide"
    title = " ".join(plain_text(html.unescape(item.title)).split()) or name
    alt, credit = described(item)
    buffer = BytesIO(data)
    image = CreditedImage(
        title=title[:255],
        credit=credit,
        description=alt,
        file=ImageFile(buffer, name=name),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image, ""


def described(item: Item) -> tuple[str, str]:
    """(alt text, credit) as WordPress has them, each possibly empty: the alt text of the
    media library (`_wp_attachment_image_alt`) and the credit WordPress read from the file's
    IPTC data (`image_meta` in `_wp_attachment_metadata`). WordPress has no credit field of
    its own; captions are free text (« Photo AFP », a sentence…), not read as credits."""
    alt = " ".join(plain_text(item.meta.get("_wp_attachment_image_alt", "")).split())
    found = _CREDIT.search(item.meta.get("_wp_attachment_metadata", ""))
    credit = " ".join(html.unescape(found.group(1)).split()) if found else ""
    return alt[:255], credit[:255]
