"""One list of image sizes (gazette/core/renditions.py) that templates name and that is made
when an image is saved, so that no reader's request waits for a rendition."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.template import Context, Template, TemplateSyntaxError
from PIL import Image as PillowImage
from wagtail.images.models import Filter
from wagtail.models import Page, Site

from gazette.core.models import CreditedImage, SiteSettings
from gazette.core.renditions import PHOTO, SIZES, filter_specs, make_renditions, sizes_for

TEMPLATES = sorted(Path(settings.BASE_DIR, "gazette").glob("**/templates/**/*.html"))
SPELLED_SPECS = re.compile(r"{%\s*(image|picture|srcset_image)\s|wagtailimages_tags")


def make_image(title="Photo", size=(320, 180)) -> CreditedImage:
    buffer = BytesIO()
    PillowImage.new("RGB", size, "steelblue").save(buffer, "JPEG")
    return CreditedImage.objects.create(
        title=title, description=title, file=ImageFile(buffer, name="photo.jpg")
    )


@pytest.mark.parametrize("name", SIZES)
def test_every_size_is_valid_wagtail_filters(name):
    specs = filter_specs(name)
    assert specs
    for spec in specs:
        assert Filter(spec=spec).operations


def test_templates_name_sizes_and_never_spell_filter_specs():
    assert TEMPLATES
    spelled = [str(path) for path in TEMPLATES if SPELLED_SPECS.search(path.read_text())]
    assert spelled == []


def test_an_unknown_size_stops_the_template_at_load():
    with pytest.raises(TemplateSyntaxError, match="taille « vignette » inconnue"):
        Template('{% load renditions %}{% picture_of image "vignette" %}')


@pytest.mark.django_db
def test_picture_of_shows_the_renditions_of_its_size():
    image = make_image()
    html = Template(
        '{% load renditions %}{% picture_of image "teaser" sizes="20rem" alt="Photo" %}'
    ).render(Context({"image": image}))
    assert html.count("<source") == 2 and "image/avif" in html and "image/webp" in html
    assert image.renditions.count() == len(filter_specs("teaser"))


@pytest.mark.django_db
def test_making_renditions_twice_makes_them_once():
    image = make_image()
    assert make_renditions(image) == len(filter_specs(*PHOTO))
    assert make_renditions(image) == 0
    assert make_renditions(image, "portrait") == len(filter_specs("portrait"))


@pytest.mark.django_db
def test_each_rendition_records_the_size_of_its_file_read_from_its_header_only(monkeypatch):
    """The rows' width and height are what the stored files hold, found without decoding
    them back (Django read each twice by decoding it: half the time of making them)."""
    image = make_image(size=(1600, 1000))
    decoded = []
    load = PillowImage.Image.load
    monkeypatch.setattr(PillowImage.Image, "load", lambda self: decoded.append(1) or load(self))
    from gazette.core.renditions import draw_renditions, read_original, save_renditions

    drawn = draw_renditions(image, filter_specs(*PHOTO), read_original(image))
    decoding_to_draw = len(decoded)
    assert save_renditions(image, drawn) == len(filter_specs(*PHOTO))
    assert len(decoded) == decoding_to_draw  # storing them decoded nothing
    monkeypatch.undo()
    for rendition in image.renditions.all():
        with rendition.file.open() as file, PillowImage.open(file) as stored:
            stored.load()
            assert (rendition.width, rendition.height) == stored.size, rendition.filter_spec
            assert stored.format == rendition.filter_spec.split("format-")[1].split("|")[0].upper()
    widths = dict(image.renditions.values_list("filter_spec", "width"))
    assert widths["format-jpeg|width-640"] == 640 and widths["format-avif|width-1280"] == 1280


@pytest.mark.django_db
def test_a_saved_image_has_its_renditions_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(filter_specs(*PHOTO))


@pytest.mark.django_db
def test_the_site_logo_gets_the_logo_sizes(django_capture_on_commit_callbacks):
    logo = make_image("Logo")
    site = Site.objects.first() or a_site()
    assert sizes_for(logo) == sorted(PHOTO)
    site_settings = SiteSettings.for_site(site)
    site_settings.logo = logo
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert sizes_for(logo) == ["logo", "masthead"]
    made = set(logo.renditions.values_list("filter_spec", flat=True))
    assert set(filter_specs("masthead", "logo")) <= made


def a_site() -> Site:
    """The default site, put back: a transactional test run before this one by the same
    worker flushed the one Wagtail's migrations made (this test was then skipped)."""
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)


@pytest.mark.django_db
def test_avif_renditions_are_encoded_at_the_faster_speed(monkeypatch):
    """What Pillow's AVIF encoder is given when Wagtail makes a rendition (speed 8, not 6)."""
    from PIL import AvifImagePlugin

    from gazette.core import avif

    seen = []
    original = AvifImagePlugin._save

    def spy(image, fp, filename, *args, **kwargs):
        seen.append(image.encoderinfo.get("speed"))
        return original(image, fp, filename, *args, **kwargs)

    monkeypatch.setattr(AvifImagePlugin, "_save", spy)
    rendition = make_image().get_rendition("format-avif|width-160")
    assert seen == [avif.SPEED]
    with rendition.file.open() as file:
        assert PillowImage.open(file).format == "AVIF"
