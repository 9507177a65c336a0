"""The French newsroom guide replaces Wagtail's English one in the help menu and on the
dashboard, with its screenshots served by the admin, to signed-in staff only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gazette.news.newsroom import WRITER

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(django_user_model):
    user = django_user_model.objects.create_user("claire", password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=WRITER))
    return user


def test_the_guide_is_in_the_help_menu_and_shows_its_screenshots(client, writer):
    client.force_login(writer)

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    guide = client.get(reverse("operations_guide")).content.decode()

    assert "guide.wagtail.org" not in home
    assert reverse("operations_guide") in home and "Guide de la rédaction" in home
    image = reverse("operations_guide_image", args=["moderateur-tableau-de-bord"])
    assert f'src="{image}"' in guide and "<h2>Le modérateur" in guide
    response = client.get(image)
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert client.get(image.replace("moderateur", "inconnu")).status_code == 404


def test_the_guide_is_for_staff(client):
    assert client.get(reverse("operations_guide")).status_code == 302  # to the login page
