"""Each role can do its job in the admin, and no more: Rédacteur, Éditeur and Modérateur
accounts (never a superuser) through Django's test client, on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from gazette.core.models import CreditedImage
from gazette.news.models import ArticlePage, SectionPage
from gazette.news.newsroom import EDITOR, MODERATOR, WRITER, ensure_newsroom

from .factories import fr, jpeg_upload, make_home, make_image, make_section

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-long-42"


@pytest.fixture
def user_in(django_user_model):
    def make(group: str):
        user = django_user_model.objects.create_user(f"u-{len(group)}", password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def signed_in(client, user_in):
    def sign_in(group: str):
        user = user_in(group)
        client.force_login(user)
        return user

    return sign_in


def is_refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with its home page and a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def upload_in_chooser(client, **fields):
    data = {"title": "Le marché couvert", "collection": Collection.get_first_root_node().pk}
    data.update(fields)
    data = {f"image-chooser-upload-{key}": value for key, value in data.items()}
    data["image-chooser-upload-file"] = jpeg_upload()
    return client.post(reverse("wagtailimages_chooser:create"), data)


MEDIA_SCREENS = [
    "wagtailimages:index",
    "wagtailimages:add",
    "wagtaildocs:index",
    "wagtaildocs:add",
]


@pytest.mark.parametrize("url_name", MEDIA_SCREENS)
@pytest.mark.parametrize(("group", "allowed"), [(WRITER, True), (EDITOR, True), (MODERATOR, False)])
def test_writers_and_editors_open_images_and_documents_moderators_do_not(
    client, signed_in, url_name, group, allowed
):
    signed_in(group)
    response = client.get(reverse(url_name))
    assert (response.status_code == 200) is allowed, response.status_code


@pytest.mark.parametrize(("group", "allowed"), [(WRITER, True), (EDITOR, True), (MODERATOR, False)])
def test_the_image_chooser_lists_photos_and_uploads_with_alt_text_and_credit(
    client, signed_in, group, allowed
):
    make_image("Le port au petit matin")
    signed_in(group)
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert ("Le port au petit matin" in html) is allowed
    assert ('name="image-chooser-upload-file"' in html) is allowed
    if allowed:
        assert 'name="image-chooser-upload-description"' in html
        assert fr("alt text").capitalize() in html
        assert 'name="image-chooser-upload-credit_unknown"' in html
    documents = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert ('name="document-chooser-upload-file"' in documents) is allowed


@pytest.mark.parametrize("group", [WRITER, EDITOR])
def test_a_photo_uploaded_from_the_chooser_keeps_its_alt_text_and_credit(client, signed_in, group):
    writer = signed_in(group)
    response = upload_in_chooser(client, description="Les étals sous la halle", credit="AFP")
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    image = CreditedImage.objects.get()
    assert (image.alt, image.credit, image.uploaded_by_user) == (
        "Les étals sous la halle",
        "AFP",
        writer,
    )


@pytest.mark.parametrize(
    ("fields", "refused"),
    [
        ({"credit": "AFP"}, "description"),
        ({"description": "Les étals sous la halle"}, "credit"),
        ({"description": " ", "credit": "AFP"}, "description"),
    ],
)
def test_a_photo_without_alt_text_or_credit_is_refused(client, signed_in, fields, refused):
    signed_in(WRITER)
    response = upload_in_chooser(client, **fields)
    assert response.json()["step"] == "reshow_creation_form"
    errors = f'w-field--error" data-field data-contentpath="{refused}"'
    assert errors in response.json()["htmlFragment"]
    assert not CreditedImage.objects.exists()


def test_an_unknown_credit_is_said_so_explicitly(client, signed_in):
    signed_in(WRITER)
    upload_in_chooser(client, description="Les étals sous la halle", credit_unknown="on")
    image = CreditedImage.objects.get()
    assert (image.credit, image.credit_unknown) == ("", True)
    assert not CreditedImage.objects.incomplete().exists()


@pytest.mark.parametrize("group", [WRITER, EDITOR])
def test_writers_and_editors_upload_documents(client, signed_in, group):
    signed_in(group)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport de la chambre régionale des comptes",
            "file": SimpleUploadedFile("rapport.pdf", b"%PDF-1.4\n"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title__startswith="Rapport").exists()


@pytest.mark.parametrize(("group", "allowed"), [(WRITER, False), (EDITOR, True)])
def test_only_editors_create_rubriques(client, signed_in, group, allowed):
    home = make_home()
    signed_in(group)
    add_section = reverse("wagtailadmin_pages:add", args=["news", "sectionpage", home.pk])
    assert (client.get(add_section).status_code == 200) is allowed
    response = client.post(add_section, {"title": "Sciences", "slug": "sciences"})
    assert is_refused(response) is not allowed
    assert SectionPage.objects.filter(slug="sciences").exists() is allowed


def test_a_writer_in_a_rubrique_chooses_between_an_article_and_a_live_page(client, signed_in):
    section = make_section(make_home(), "Monde")
    signed_in(WRITER)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[section.pk]))
    types = {model_name for _, _, model_name, _ in response.context["page_types"]}
    assert types == {"articlepage", "livepage"}


def test_an_editor_chooses_between_an_article_a_live_page_and_a_sub_rubrique(client, signed_in):
    section = make_section(make_home(), "Monde")
    signed_in(EDITOR)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[section.pk]))
    types = {model_name for _, _, model_name, _ in response.context["page_types"]}
    assert types == {"articlepage", "livepage", "sectionpage"}


def test_a_writer_cannot_copy_a_rubrique(client, signed_in):
    home = make_home()
    section = make_section(home, "Monde")
    signed_in(WRITER)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[section.pk]),
        {"new_title": "Monde 2", "new_slug": "monde-2", "new_parent_page": home.pk},
    )
    assert is_refused(response)
    assert SectionPage.objects.count() == 1


@pytest.mark.parametrize(
    ("group", "can_write", "can_moderate"),
    [(WRITER, True, False), (EDITOR, True, False), (MODERATOR, False, True)],
)
def test_each_role_reaches_its_own_screens(client, signed_in, group, can_write, can_moderate):
    section = make_section(make_home(), "Monde")
    signed_in(group)
    add_article = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    assert (client.get(add_article).status_code == 200) is can_write
    comments = client.get(reverse("wagtailsnippets_comments_comment:list"))
    assert (comments.status_code == 200) is can_moderate


def test_an_upgraded_site_gets_the_image_permissions_wagtail_checks():
    """Earlier versions gave permissions on CreditedImage, which Wagtail never reads: after
    the next `migrate` (post_migrate runs ensure_newsroom), the groups hold Wagtail's."""
    writers = Group.objects.get(name=WRITER)
    GroupCollectionPermission.objects.filter(group=writers).delete()
    old = Permission.objects.get(content_type__app_label="core", codename="add_creditedimage")
    GroupCollectionPermission.objects.create(
        group=writers, collection=Collection.get_first_root_node(), permission=old
    )

    ensure_newsroom()

    held = set(
        GroupCollectionPermission.objects.filter(group=writers).values_list(
            "permission__content_type__app_label", "permission__codename"
        )
    )
    assert held == {
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    }


def test_writers_submit_articles_they_do_not_publish(client, signed_in):
    section = make_section(make_home(), "Monde")
    signed_in(WRITER)
    add_article = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    html = client.get(add_article).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html or "action-workflow-action" in html
    assert not ArticlePage.objects.exists()


def test_an_editor_makes_an_article_private_through_the_privacy_dialog(client, signed_in):
    """The admin's « Confidentialité » dialog, as the Éditeur opens it, public page or not."""
    from wagtail.models import PageViewRestriction

    from gazette.news.tests.factories import make_article

    ensure_newsroom()
    article = make_article(make_section(make_home(), "Monde"), "Un article à protéger")
    signed_in(EDITOR)
    url = reverse("wagtailadmin_pages:set_privacy", args=[article.pk])

    assert client.get(url).status_code == 200  # no page of the site private yet
    response = client.post(url, {"restriction_type": "login"})
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=article).exists()
    assert client.get(url).status_code == 200  # and once it is
    client.logout()
    assert client.get(article.url).status_code == 302  # the reader is sent to sign in
