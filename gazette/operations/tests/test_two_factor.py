import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from gazette.news.newsroom import WRITER
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, settings):
    settings.GAZETTE_ADMIN_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code would make the next wait a second
    user = get_user_model().objects.create_superuser("claire", "claire@exemple.fr", "x")
    client.force_login(user)
    return user


def code_for(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


def test_off_by_default(client, settings):
    settings.GAZETTE_ADMIN_2FA = False
    user = get_user_model().objects.create_superuser("paul", "paul@exemple.fr", "x")
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_staff_without_device_enrols_then_reaches_the_admin(client, staff):
    home = reverse("wagtailadmin_home")
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("operations_2fa_setup"))
    page = client.get(response["Location"]).content.decode()
    key = b32decode(re.search(r"<code>([A-Z2-7 ]+)</code>", page)[1].replace(" ", ""))
    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.filter(confirmed=True).exists()
    done = client.post(response["Location"], {"code": code_for(key)})
    assert done.status_code == 302 and done["Location"] == home
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert client.get(home).status_code == 200


def test_staff_with_device_must_give_a_code_each_session(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="Application", confirmed=True)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response["Location"].startswith(reverse("operations_2fa_verify"))
    assert client.post(response["Location"], {"code": "123"}).status_code == 200
    done = client.post(response["Location"], {"code": code_for(device.bin_key)})
    assert done["Location"] == reverse("wagtailadmin_explore_root")
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200
    client.logout()
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_public_pages_do_not_read_the_session(client, settings):
    settings.GAZETTE_ADMIN_2FA = True
    response = client.get("/sante/vivant")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")


@pytest.fixture
def newsroom_member(settings):
    """A Rédacteur who also reads the newsroom's internal pages: an account of the admin."""
    settings.GAZETTE_ADMIN_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = get_user_model().objects.create_user("rene", password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=WRITER), Group.objects.create(name="Interne"))
    return user


def restrict(page, kind: str) -> None:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Interne"))


def sign_in_as_a_reader(client, user) -> None:
    """Through the readers' login form, not the admin's."""
    response = client.post(
        reverse("wagtailcore_login"),
        {"username": user.username, "password": "mot-de-passe-long-42"},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_restricted_page_asks_an_admin_account_for_its_code(client, newsroom_member, kind):
    article = make_article(make_section(make_home(), "Monde"), "Note interne")
    restrict(article, kind)
    device = TOTPDevice.objects.create(user=newsroom_member, name="Application", confirmed=True)
    sign_in_as_a_reader(client, newsroom_member)

    response = client.get(article.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("operations_2fa_verify"))
    assert "Note interne" not in client.get(article.url, follow=True).content.decode()
    done = client.post(response["Location"], {"code": code_for(device.bin_key)})
    assert done["Location"] == article.url
    assert "Note interne" in client.get(article.url).content.decode()


def test_restricted_page_asks_an_admin_account_without_device_to_enrol(client, newsroom_member):
    article = make_article(make_section(make_home(), "Monde"), "Note interne")
    restrict(article, PageViewRestriction.LOGIN)
    sign_in_as_a_reader(client, newsroom_member)
    assert client.get(article.url)["Location"].startswith(reverse("operations_2fa_setup"))


def test_reader_without_admin_access_has_no_code_to_give(client, newsroom_member):
    article = make_article(make_section(make_home(), "Monde"), "Pour les abonnés")
    restrict(article, PageViewRestriction.LOGIN)
    reader = get_user_model().objects.create_user("lea", password="mot-de-passe-long-42")
    sign_in_as_a_reader(client, reader)
    assert "Pour les abonnés" in client.get(article.url).content.decode()


def test_restricted_document_asks_an_admin_account_for_its_code(client, newsroom_member):
    internal = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Planning", file=ContentFile(b"planning", name="planning.txt"), collection=internal
    )
    TOTPDevice.objects.create(user=newsroom_member, name="Application", confirmed=True)
    sign_in_as_a_reader(client, newsroom_member)
    response = client.get(document.url)
    assert response["Location"].startswith(reverse("operations_2fa_verify"))
