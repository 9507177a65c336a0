"""One address for every absolute link: GAZETTE_BASE_URL, given to the default Wagtail site by
`sync_site`, and `manage.py check` saying so when the two disagree."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from gazette.core.checks import base_url_is_the_site_address, default_site_is_at_the_base_url
from gazette.core.sites import address_of, sync_default_site


def localhost_site():
    """The default site at localhost:80, as Wagtail's migration leaves it (a transactional
    test before may have flushed it)."""
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": Page.get_first_root_node()},
    )


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8200", ("127.0.0.1", 8200)),
        ("http://127.0.0.1:8200/", ("127.0.0.1", 8200)),
        ("http://localhost", ("localhost", 80)),
        ("https://www.exemple.fr", ("www.exemple.fr", 443)),
        ("https://www.exemple.fr:443/", ("www.exemple.fr", 443)),
    ],
)
def test_the_address_is_the_site_hostname_and_port(url, address):
    assert address_of(url) == address


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.exemple.fr:8443", "https que pour le port 443"),
        ("http://www.exemple.fr:443", "https que pour le port 443"),
        ("www.exemple.fr", "http(s)://hôte[:port]"),
        ("ftp://www.exemple.fr", "http(s)://hôte[:port]"),
        ("http://www.exemple.fr:quatre", "port invalide"),
    ],
)
def test_an_address_wagtail_cannot_write_back_is_refused(url, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        address_of(url)


@pytest.mark.django_db
def test_the_default_site_takes_the_address_once():
    localhost_site()
    site, former = sync_default_site(base_url="http://127.0.0.1:8200")
    assert former == "http://localhost"
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8200"
    assert sync_default_site(base_url="http://127.0.0.1:8200") == (site, "")


@pytest.mark.django_db
def test_a_dry_run_changes_nothing():
    localhost_site()
    site, former = sync_default_site(base_url="https://www.exemple.fr", dry_run=True)
    assert (former, site.root_url) == ("http://localhost", "https://www.exemple.fr")
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"


@pytest.mark.django_db
def test_check_reports_a_site_at_another_address(settings):
    localhost_site()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8200"
    assert base_url_is_the_site_address() == []  # before every command: no query
    assert default_site_is_at_the_base_url() == []
    messages = default_site_is_at_the_base_url(databases=["default"])
    assert [message.id for message in messages] == ["gazette.W002"]
    assert "http://localhost" in messages[0].msg and "http://127.0.0.1:8200" in messages[0].msg
    assert "manage.py sync_site" in messages[0].hint
    sync_default_site(base_url=settings.WAGTAILADMIN_BASE_URL)
    assert default_site_is_at_the_base_url(databases=["default"]) == []


@pytest.mark.django_db
def test_check_reports_a_base_url_the_site_refuses(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.exemple.fr"
    sync_default_site(base_url=settings.WAGTAILADMIN_BASE_URL)
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    assert [message.id for message in base_url_is_the_site_address()] == ["gazette.W001"]
    settings.ALLOWED_HOSTS = [".exemple.fr"]
    assert base_url_is_the_site_address() == []


@pytest.mark.django_db
def test_check_refuses_an_address_wagtail_cannot_write(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.exemple.fr:8443"
    (message,) = base_url_is_the_site_address()
    assert message.id == "gazette.E001"
    assert message.msg.startswith("GAZETTE_BASE_URL=https://www.exemple.fr:8443 : ")


@pytest.mark.django_db
def test_manage_py_check_says_it_in_french(settings):
    localhost_site()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8200"
    err = StringIO()
    call_command("check", databases=["default"], stdout=StringIO(), stderr=err)
    assert "Le site Wagtail par défaut est à l'adresse http://localhost" in err.getvalue()
