"""Photos carry their alt text and their credit: the images admin refuses one without them,
the « Images à compléter » report lists those that came another way, and no page shows a
photo without alt text."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection

from gazette.core.models import CreditedImage
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER

from .factories import fr, jpeg_upload, make_article, make_home, make_image, make_section

pytestmark = pytest.mark.django_db
REPORT = "core_incomplete_images"


def root_collection_id() -> int:
    return Collection.get_first_root_node().pk


@pytest.fixture
def signed_in(client, django_user_model):
    def sign_in(group: str, username: str = "claire"):
        user = django_user_model.objects.create_user(username)
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return sign_in


@pytest.mark.parametrize(
    ("fields", "incomplete"),
    [
        ({"description": "Les étals", "credit": "AFP"}, False),
        ({"description": "Les étals", "credit": "", "credit_unknown": True}, False),
        ({"description": "", "credit": "AFP"}, True),
        ({"description": "Les étals", "credit": ""}, True),
    ],
)
def test_incomplete_images_lack_alt_text_or_an_explicit_credit(fields, incomplete):
    image = make_image("Le marché", **fields)
    assert (image in CreditedImage.objects.incomplete()) is incomplete


def test_the_images_admin_asks_alt_text_and_credit_in_french(client, signed_in):
    signed_in(EDITOR)
    image = make_image("Le marché", description="", credit="")
    edit = reverse("wagtailimages:edit", args=[image.pk])
    html = client.get(edit).content.decode()
    assert fr("alt text").capitalize() in html
    assert fr("credit unknown").capitalize() in html

    response = client.post(edit, {"title": "Le marché", "collection": image.collection_id})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"description", "credit"}

    client.post(
        edit,
        {
            "title": "Le marché",
            "collection": image.collection_id,
            "description": "Les étals sous la halle",
            "credit": "Jeanne Photo",
        },
    )
    image.refresh_from_db()
    assert (image.alt, image.credit) == ("Les étals sous la halle", "Jeanne Photo")


@pytest.mark.parametrize(("group", "allowed"), [(WRITER, True), (EDITOR, True), (MODERATOR, False)])
def test_writers_and_editors_see_the_images_to_complete(client, signed_in, group, allowed):
    make_image("Sans description", description="")
    make_image("Sans crédit", credit="")
    make_image("Complète")
    signed_in(group)
    response = client.get(reverse(REPORT))
    assert (response.status_code == 200) is allowed
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse(REPORT) in home) is allowed
    if allowed:
        html = response.content.decode()
        assert "Sans description" in html and "Sans crédit" in html
        assert "Complète" not in html


def test_a_writer_completes_her_own_uploads_an_editor_any(client, signed_in, django_user_model):
    editor = django_user_model.objects.create_user("paul")
    editor.groups.add(Group.objects.get(name=EDITOR))
    writer = signed_in(WRITER)
    mine = make_image("La mienne", description="", uploaded_by_user=writer)
    theirs = make_image("La leur", description="", uploaded_by_user=editor)

    html = client.get(reverse(REPORT)).content.decode()
    assert reverse("wagtailimages:edit", args=[mine.pk]) in html
    assert reverse("wagtailimages:edit", args=[theirs.pk]) not in html

    client.force_login(editor)
    html = client.get(reverse(REPORT)).content.decode()
    assert reverse("wagtailimages:edit", args=[theirs.pk]) in html


def test_a_page_never_shows_a_photo_without_alt_text(client):
    section = make_section(make_home(), "Monde")
    image = make_image("Le marché", description="")
    article = make_article(
        section,
        "Le marché rouvre",
        lead_image=image,
        body=[("image", {"image": image, "caption": "Mardi."})],
    )
    for url in (article.url, section.url, "/"):
        html = client.get(url).content.decode()
        assert "<img" not in html.split("<main", 1)[1], url
        assert 'alt=""' not in html, url


def test_photos_uploaded_several_at_once_wait_for_their_alt_text_and_credit(client, signed_in):
    """Wagtail's multiple upload keeps a file whose form is incomplete aside, as an upload,
    until its form is filled in: no image exists without alt text meanwhile."""
    signed_in(WRITER)
    response = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": jpeg_upload("halle.jpg")}
    ).json()
    assert "uploaded_file_id" in response
    assert not CreditedImage.objects.exists()

    complete = reverse(
        "wagtailimages:create_multiple_from_uploaded_image", args=[response["uploaded_file_id"]]
    )
    prefix = f"uploaded-image-{response['uploaded_file_id']}"
    fields = {f"{prefix}-title": "La halle", f"{prefix}-collection": root_collection_id()}
    assert not client.post(complete, fields).json()["success"]
    fields[f"{prefix}-description"] = "La halle au petit matin"
    fields[f"{prefix}-credit_unknown"] = "on"
    assert client.post(complete, fields).json()["success"]
    assert CreditedImage.objects.get().alt == "La halle au petit matin"


def test_the_edit_page_says_which_photos_are_not_shown(client, signed_in):
    section = make_section(make_home(), "Monde")
    image = make_image("Le marché", description="")
    complete = make_image("La halle")
    article = make_article(
        section,
        lead_image=image,
        body=[("image", {"image": image, "caption": ""}), ("image", {"image": complete})],
    )
    signed_in(WRITER)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("2 photos de cet article n’ont pas de texte alternatif")

    image.description = "Les étals"
    image.save()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert list(response.context["messages"]) == []
