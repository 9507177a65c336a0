"""Two Wagtail sites in one installation: each site's readers, feeds, sitemaps, archives, search
and author or topic pages show that site's articles only, even by an author who writes for
both, under a topic both use."""

from urllib.parse import urlencode

import pytest
from wagtail.models import Page, Site

from gazette.news.models import HomePage
from gazette.news.tests.factories import make_article, make_author, make_home, make_section

from .crawler import crawl

OTHER_HOST = "autre.example"


@pytest.fixture
def sites(db, settings):
    settings.ALLOWED_HOSTS = ["localhost", OTHER_HOST]
    claire = make_author("Claire Vasseur")
    home = make_home()
    make_article(
        make_section(home, "Monde"),
        "Nouvelles du premier journal",
        slug="premier-k7",
        authors=(claire,),
        tags=("Climat",),
        body=[("paragraph", "<p>Le premier journal en parle.</p>")],
    )
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="L'Autre Journal", slug="autre", live=False)
    )
    other_home.save_revision().publish()
    Site.objects.create(hostname=OTHER_HOST, port=80, root_page=other_home)
    make_article(
        make_section(other_home, "Régions"),
        "Exclusivité du second journal",
        slug="second-k7",
        authors=(claire, make_author("Bruno Seul")),
        tags=("Climat",),
        body=[("paragraph", "<p>Le second journal en parle.</p>")],
    )
    return {  # what only this site may show: its article's title and address, its author
        "localhost": ["Nouvelles du premier journal", "premier-k7"],
        OTHER_HOST: ["Exclusivité du second journal", "second-k7", "bruno-seul"],
    }


@pytest.mark.parametrize(("host", "other"), [("localhost", OTHER_HOST), (OTHER_HOST, "localhost")])
def test_a_site_shows_none_of_the_other_sites_articles(client, sites, host, other):
    seeds = ["/", "/robots.txt", "/archives/", "/auteurs/claire-vasseur/", "/sujets/climat/"]
    seeds += [f"/recherche/?{urlencode({'q': word})}" for word in ("journal", "parle")]
    visits = crawl(client, seeds, root=f"http://{host}", host=host)

    assert {url: visit.status for url, visit in visits.items() if visit.status >= 500} == {}
    found = {
        url: [text for text in sites[other] if text in visit.body] for url, visit in visits.items()
    }
    assert {url: texts for url, texts in found.items() if texts} == {}
    shown = "".join(visit.body for visit in visits.values())
    assert all(text in shown for text in sites[host][:2])  # its own article is there
