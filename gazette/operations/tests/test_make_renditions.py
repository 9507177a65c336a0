"""`manage.py make_renditions`, which `load_demo` runs once the demo is committed: afterwards,
no page a reader opens makes a rendition (la une took 43 s on its first view when it did)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gazette.core.models import CreditedImage, CreditedRendition
from gazette.core.renditions import filter_specs, sizes_for
from gazette.news.tests.factories import (
    make_article,
    make_author,
    make_home,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db


def command(*args) -> str:
    out = StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def newsroom():
    """A small demo: la une, two sections, articles with photos (one in its body), authors
    with portraits, tags; images saved without their renditions, as a bulk load leaves them."""
    home = make_home()
    monde, culture = make_section(home, "Monde"), make_section(home, "Culture")
    claire = make_author("Claire Vasseur", photo=make_image("Portrait de Claire"))
    articles = [
        make_article(
            section,
            f"Article {number}",
            authors=[claire],
            tags=["Climat"],
            lead_image=make_image(f"Photo {number}"),
            body=[("image", {"image": make_image(f"Illustration {number}"), "caption": ""})],
        )
        for number, section in enumerate([monde, monde, culture, culture])
    ]
    assert CreditedRendition.objects.count() == 0
    return {"articles": articles, "author": claire}


def expected_count() -> int:
    return sum(len(filter_specs(*sizes_for(image))) for image in CreditedImage.objects.all())


def test_after_make_renditions_no_page_makes_one(client, newsroom):
    expected = expected_count()
    assert command("--dry-run") == f"Rendus d'images à faire : {expected} (images : 9).\n"
    assert CreditedRendition.objects.count() == 0
    command("--jobs", "1")
    made = CreditedRendition.objects.count()
    assert made == expected
    article = newsroom["articles"][0]
    for url in [
        "/",
        "/monde/",
        "/sujets/climat/",
        "/flux/rss/",
        article.url,
        "/auteurs/claire-vasseur/",
    ]:
        assert client.get(url).status_code == 200, url
    assert CreditedRendition.objects.count() == made
    assert command("--jobs", "1") == "Rendus d'images faits : 0 (images : 9).\n"


def rendition_files() -> dict[tuple[int, str], tuple[int, int, int]]:
    return {
        (rendition.image_id, rendition.filter_spec): (
            rendition.width,
            rendition.height,
            rendition.file.size,
        )
        for rendition in CreditedRendition.objects.all()
    }


@pytest.mark.system
def test_worker_processes_make_the_same_renditions_as_one(newsroom):
    """Workers are spawned, each setting Django up; they only draw, so they need neither the
    test's database nor its media folder."""
    expected = expected_count()
    assert command("--jobs", "2") == f"Rendus d'images faits : {expected} (images : 9).\n"
    in_workers = rendition_files()
    assert len(in_workers) == expected
    for rendition in CreditedRendition.objects.all():
        rendition.delete()
    command("--jobs", "1")
    assert rendition_files() == in_workers
    assert command("--jobs", "2") == "Rendus d'images faits : 0 (images : 9).\n"


def test_an_image_whose_file_is_gone_is_passed_over(newsroom, caplog):
    image = CreditedImage.objects.get(title="Photo 0")
    image.file.storage.delete(image.file.name)
    expected = expected_count() - len(filter_specs(*sizes_for(image)))
    assert command("--jobs", "1") == f"Rendus d'images faits : {expected} (images : 9).\n"
    assert not image.renditions.exists()
    assert "fichier source introuvable" in caplog.text


def test_jobs_below_one_is_refused(db):
    with pytest.raises(CommandError, match="au moins un processus"):
        command("--jobs", "0")
