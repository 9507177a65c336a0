"""« Les + Lus » with two Wagtail sites: each site's readers see its own articles only, in
the site-wide list as in a section's."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from gazette.audience.models import HourlyCount
from gazette.news.models import HomePage
from gazette.news.tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db
OTHER = "deux.example"


def add_views(article, views):
    hour = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    HourlyCount.objects.create(article=article, hour=hour, views=views)


def most_read(html: str) -> str:
    aside = html[html.index('<aside class="most-read"') :]
    return aside[: aside.index("</aside>")]


def test_each_site_ranks_its_own_articles(client, home, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", OTHER]
    add_views(make_article(make_section(home, "Monde"), "Lu à Paris"), 3)
    second = Page.get_first_root_node().add_child(instance=HomePage(title="Deux", slug="deux"))
    second.save_revision().publish()
    Site.objects.create(hostname=OTHER, port=80, root_page=second, site_name="Deux")
    lille = make_section(second, "Régions")
    add_views(make_article(lille, "Lu à Lille"), 50)

    first_site = most_read(client.get("/", headers={"host": "localhost"}).content.decode())
    assert "Lu à Paris" in first_site and "Lu à Lille" not in first_site
    other_site = most_read(client.get("/", headers={"host": OTHER}).content.decode())
    assert "Lu à Lille" in other_site and "Lu à Paris" not in other_site
    section = most_read(
        client.get(lille.get_url_parts()[2], headers={"host": OTHER}).content.decode()
    )
    assert "Lu à Lille" in section and "Lu à Paris" not in section
