"""No admin page sends anything to Gravatar: avatars are initials drawn in the page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailusers_users:index",
        "wagtailadmin_reports:site_history",
    ],
)
def test_admin_pages_show_initials_not_gravatar(client, name):
    users = get_user_model().objects
    claire = users.create_superuser(
        "claire", "claire@exemple.fr", "x", first_name="Claire", last_name="Dupont"
    )
    users.create_user("paul", "paul@exemple.fr", "x", is_staff=True)
    client.force_login(claire)
    page = client.get(reverse(name)).content.decode()
    assert "gravatar" not in page.lower()
    assert "data:image/svg+xml," in page and "%3ECD%3C/text%3E" in page  # Claire Dupont
