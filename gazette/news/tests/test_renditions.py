"""The sizes the news app shows an image at: an article's photo, la une's lead, a portrait;
made when an article or la une is published, before any reader asks."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gazette.core.renditions import PHOTO, filter_specs, sizes_for

from .factories import make_article, make_author, make_home, make_image, make_section

pytestmark = pytest.mark.django_db
LAST_YEAR = dt.datetime(2025, 1, 1, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def monde():
    return make_section(make_home(), "Monde")


def made(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_an_unused_image_gets_an_article_photos_sizes():
    assert sizes_for(make_image()) == sorted(PHOTO)


def test_la_une_lead_gets_the_lead_sizes_the_others_do_not(monde):
    older = make_article(
        monde, "Plus ancien", lead_image=make_image("A"), first_published_at=LAST_YEAR
    )
    newest = make_article(monde, "Le plus récent", lead_image=make_image("B"))
    assert sizes_for(newest.lead_image) == sorted([*PHOTO, "lead"])
    assert sizes_for(older.lead_image) == sorted(PHOTO)


def test_an_authors_photo_gets_the_portrait_sizes():
    photo = make_image("Portrait")
    make_author("Claire Vasseur", photo=photo)
    assert sizes_for(photo) == ["portrait"]


def test_publishing_makes_the_lead_images_renditions(monde, django_capture_on_commit_callbacks):
    image = make_image()
    with django_capture_on_commit_callbacks(execute=True):
        make_article(monde, "À la une", lead_image=image)
    assert made(image) == set(filter_specs(*PHOTO, "lead"))


def test_a_new_portrait_is_made_when_the_author_is_saved(django_capture_on_commit_callbacks):
    photo = make_image("Portrait")
    with django_capture_on_commit_callbacks(execute=True):
        make_author("Paul Girard", photo=photo)
    assert set(filter_specs("portrait")) <= made(photo)


def test_choosing_la_unes_lead_makes_its_lead_sizes(monde, django_capture_on_commit_callbacks):
    older = make_article(
        monde, "Plus ancien", lead_image=make_image("A"), first_published_at=LAST_YEAR
    )
    make_article(monde, "Le plus récent", lead_image=make_image("B"))
    home = monde.get_parent().specific
    home.lead_story = older
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert set(filter_specs("lead")) <= made(older.lead_image)
