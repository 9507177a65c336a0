"""`manage.py sync_site`, which make demo and make serve run, and the dashboard's warning to
administrators who reach the admin at an address the links do not name."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from gazette.news.tests.factories import make_home

pytestmark = pytest.mark.django_db


def sync_site(*args) -> str:
    out = StringIO()
    call_command("sync_site", *args, stdout=out)
    return out.getvalue()


def test_sync_site_moves_the_site_to_the_base_url_then_has_nothing_to_do(settings):
    make_home()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8200"
    assert sync_site("--dry-run") == (
        "Le site passerait de http://localhost à http://127.0.0.1:8200.\n"
    )
    assert Site.objects.get().port == 80
    assert sync_site() == "Le site passe de http://localhost à http://127.0.0.1:8200.\n"
    assert sync_site() == "Site déjà à l'adresse http://127.0.0.1:8200.\n"


def test_sync_site_refuses_an_address_wagtail_cannot_write(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.exemple.fr:8443"
    with pytest.raises(CommandError, match="GAZETTE_BASE_URL=https://www.exemple.fr:8443 : "):
        sync_site()


@pytest.fixture
def at_8200(settings):
    make_home()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8200"
    sync_site()


def dashboard(client, user, host):
    client.force_login(user)
    response = client.get("/admin/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_served_elsewhere_warns_administrators(client, admin_user, at_8200):
    html = dashboard(client, admin_user, "127.0.0.1:8000")
    assert "Adresse du site" in html
    assert "Cette page est servie à l'adresse http://127.0.0.1:8000" in html
    assert "pointent vers http://127.0.0.1:8200" in html


def test_a_site_left_at_another_address_warns_administrators(client, admin_user, at_8200):
    Site.objects.update(port=8000)
    html = dashboard(client, admin_user, "127.0.0.1:8200")
    assert "Cette page est servie" not in html
    assert "Le site par défaut (Paramètres › Sites) est à l'adresse http://127.0.0.1:8000" in html


def test_no_warning_where_the_addresses_agree(client, admin_user, at_8200):
    assert "Adresse du site" not in dashboard(client, admin_user, "127.0.0.1:8200")


def test_only_administrators_see_the_warning(client, at_8200, django_user_model):
    from django.contrib.auth.models import Group

    from gazette.news.newsroom import EDITOR

    editor = django_user_model.objects.create_user("editeur", password="x")
    editor.groups.add(Group.objects.get(name=EDITOR))
    assert "Adresse du site" not in dashboard(client, editor, "127.0.0.1:8000")
