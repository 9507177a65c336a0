"""The sizes the site shows its images at, in one list, made before any reader asks for them.

Templates name a size (`{% picture_of image "teaser" %}`, gazette/core/templatetags/
renditions.py) instead of spelling Wagtail filter specs, and `make_renditions` makes the
same list: a size added to a template is made in advance with no second list to remember.

Renditions were made on first view: after `make demo`, la une took 43 s to answer (each
teaser in AVIF, WebP and JPEG at two widths, AVIF about a second each) and every section, tag
page and feed seconds more. They are now made when an image is saved, in the task worker,
and by `manage.py make_renditions` (`load_demo` runs it once the demo is committed). Which
sizes an image needs depends on where it is used, which only the apps using it know: they
register a `finder` (the news app: lead images, portraits; this app: the site logo). An image
no finder knows (just uploaded, or in an article's body) gets the sizes of an article's photo.
"""

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from io import BytesIO

import PIL.Image
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images.models import Filter, SourceImageIOError

from .models import CreditedImage, SiteSettings

logger = logging.getLogger(__name__)

# Each size: Wagtail filter specs, space-separated, with the {a,b} expansion of {% picture %}.
SIZES = {
    "lead": "format-{avif,webp,jpeg} fill-{640x360,960x540,1280x720}",  # la une's lead story
    "teaser": "format-{avif,webp,jpeg} fill-{400x225,800x450}",  # listings: la une, sections…
    "article": "format-{avif,webp,jpeg} width-{640,960,1280}",  # an article's lead and body
    "portrait": "format-{avif,webp,jpeg} fill-{160x160,320x320}",  # an author's page
    "masthead": "height-96",  # the site logo, on every page
    # One rendition serves Open Graph, JSON-LD and feed enclosures: 1,200 pixels wide is what
    # Facebook, X and Google ask for at least, JPEG what every reader of them decodes.
    "share": "width-1200 format-jpeg",
    "logo": "max-600x600 format-png",  # the publisher's logo in JSON-LD
}
PHOTO = ("teaser", "article", "share")  # an image no finder knows: an article's photo
WAGTAIL_RECORDS = frozenset({"file_size", "file_hash"})  # saved by Wagtail while rendering

Finder = Callable[[CreditedImage], Iterable[str]]
_finders: list[Finder] = []


def register_finder(finder: Finder) -> None:
    """`finder(image)` names the sizes the image needs where the caller's app uses it."""
    if finder not in _finders:
        _finders.append(finder)


def filter_specs(*names: str) -> list[str]:
    """The sizes' Wagtail filter specs, expanded (`format-avif|fill-400x225`…), once each."""
    return list(dict.fromkeys(spec for name in names for spec in Filter.expand_spec(SIZES[name])))


def sizes_for(image: CreditedImage) -> list[str]:
    names = {name for finder in _finders for name in finder(image)}
    return sorted(names or PHOTO)


def missing_specs(image: CreditedImage, specs: list[str]) -> list[str]:
    """Those of `specs` the image has no rendition of for its current focal point (the
    renditions prefetched, or one query)."""
    made = {
        (rendition.filter_spec, rendition.focal_point_key) for rendition in image.renditions.all()
    }
    return [spec for spec in specs if (spec, Filter(spec=spec).get_cache_key(image)) not in made]


def make_renditions(image: CreditedImage, *names: str) -> int:
    """Makes the renditions of `names` (by default, of the sizes its uses need) that are
    missing, and returns how many it made. A missing source file is logged: the image is
    broken for readers too, and retrying would not mend it. One image's sizes are drawn by
    three threads, which overlap where the encoders release Python's lock (Wagtail's
    `get_renditions` does the same; three, as each holds a decoded copy of the original), and
    stored as `make_renditions` stores them, without Wagtail's decoding every file back."""
    missing = missing_specs(image, filter_specs(*(names or sizes_for(image))))
    original = read_original(image) if missing else None
    if not original:
        return 0
    with ThreadPoolExecutor(max_workers=3) as pool:  # Wagtail's own bound: memory, not cores
        drawn = pool.map(lambda spec: draw_renditions(image, [spec], original)[0], missing)
        return save_renditions(image, list(drawn))


def read_original(image: CreditedImage) -> bytes | None:
    """The uploaded file; None, logged, when it is gone: the image is broken for readers too,
    and retrying would not mend it."""
    try:
        with image.open_file() as file:
            return file.read()
    except SourceImageIOError:
        logger.warning("image %s : fichier source introuvable, aucun rendu", image.pk)
        return None


# filter spec, focal point key, file name, content, width and height in pixels
Drawn = tuple[str, str, str, bytes, int | None, int | None]


def draw_renditions(image: CreditedImage, specs: list[str], original: bytes) -> list[Drawn]:
    """The part of making renditions that takes the time (decoding, resizing, encoding AVIF),
    apart from the database and the storage: `make_renditions` runs it in worker processes,
    one image each, and saves their files and rows itself (`save_renditions`): threads overlap
    only where the encoders release Python's lock, processes on every core."""
    drawn = []
    for spec in specs:
        rendition_filter = Filter(spec=spec)
        source = File(BytesIO(original), name=image.file.name)
        made = image.generate_rendition_file(rendition_filter, source=source)
        content = b"".join(made.chunks())
        drawn.append(
            (spec, rendition_filter.get_cache_key(image), made.name, content, *size_of(content))
        )
    return drawn


def size_of(content: bytes) -> tuple[int | None, int | None]:
    """Read from the encoded file's header. Left to Django, the row's width and height were
    read by decoding the whole file back, twice (when the row is built and when its file is
    stored): half the time of `make_renditions`, AVIF decoding being nearly as slow as
    encoding. None, None when Pillow cannot tell: Django then reads them as before."""
    try:
        with PIL.Image.open(BytesIO(content)) as drawn:
            return drawn.size
    except (OSError, ValueError):
        return None, None


def save_renditions(image: CreditedImage, drawn: list[Drawn]) -> int:
    """Stores what `draw_renditions` drew, and returns how many it stored: not a size made
    meanwhile (the task worker renders an image saved during the run), read again here."""
    if not drawn:
        return 0
    made = set(image.renditions.values_list("filter_spec", "focal_point_key"))
    rendition_model = image.get_rendition_model()
    field = rendition_model._meta.get_field("file")
    new = []
    for spec, key, name, content, width, height in drawn:
        if (spec, key) in made:
            continue
        row = {"image": image, "filter_spec": spec, "focal_point_key": key}
        if width and height:
            # The file stored first, the row given its name and size: given the content,
            # Django would read the size back from it (`size_of`).
            path = field.generate_filename(rendition_model(**row), name)
            stored = field.storage.save(path, ContentFile(content), field.max_length)
            new.append(rendition_model(**row, file=stored, width=width, height=height))
        else:
            new.append(rendition_model(**row, file=ContentFile(content, name=name)))
    rendition_model.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@task()
def make_renditions_later(image_id: int) -> int:
    image = CreditedImage.objects.filter(pk=image_id).first()
    return make_renditions(image) if image else 0


def enqueue_renditions(image_id: int) -> None:
    """After the commit: the worker must find the image, and the usage that decides its sizes
    (a page published in the same transaction) must be there to be found."""
    transaction.on_commit(partial(make_renditions_later.enqueue, image_id))


def logo_sizes(image: CreditedImage) -> list[str]:
    return ["masthead", "logo"] if SiteSettings.objects.filter(logo=image).exists() else []


def _image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= WAGTAIL_RECORDS):
        return  # a fixture, or Wagtail recording the file's size or hash while rendering
    enqueue_renditions(instance.pk)


def _settings_saved(sender, instance, raw=False, **kwargs):
    if instance.logo_id and not raw:
        enqueue_renditions(instance.logo_id)


def register_signal_handlers():
    register_finder(logo_sizes)
    post_save.connect(_image_saved, sender=CreditedImage, dispatch_uid="core-image-renditions")
    post_save.connect(_settings_saved, sender=SiteSettings, dispatch_uid="core-logo-renditions")
