"""What a reader gets from la une, a section, an article and a simple page."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from taggit.models import Tag
from wagtail.models import Site

from gazette.core import restrictions
from gazette.core.models import SiteSettings
from gazette.core.tests.shared_data import shared
from gazette.core.typography import NBSP, NNBSP
from gazette.news import models
from gazette.news.models import HomeFeatured, SimplePage

from .factories import LARGE, fr, make_article, make_author, make_home, make_image, make_section

PARIS = ZoneInfo("Europe/Paris")


@shared
def home():
    return make_home()


@shared
def monde(home):
    return make_section(home, "Monde", intro="L'actualité internationale : tout le monde.")


def test_article_shows_its_header_in_reading_order(client, monde):
    article = make_article(
        monde,
        "Faut-il partir ? Le dilemme",
        label="analysis",
        standfirst="Une question « simple » : rester ou partir ?",
        authors=(make_author("Claire Vasseur"), make_author("Paul Martin")),
        first_published_at=dt.datetime(2025, 7, 8, 14, 30, tzinfo=PARIS),
    )

    html = client.get(article.url).content.decode()

    title = f"<h1>Faut-il partir{NNBSP}? Le dilemme</h1>"
    published = (
        f'<time datetime="2025-07-08T14:30:00+02:00">'
        f"le{NBSP}8{NBSP}juillet 2025 à{NBSP}14{NBSP}h{NBSP}30</time>"
    )
    order = [
        '<a class="kicker-section" href="/monde/">Monde</a>',
        fr("Analysis"),
        title,
        published,
        f'{fr("By")} <a href="/auteurs/claire-vasseur/" rel="author">Claire Vasseur</a> '
        f'{fr("and")} <a href="/auteurs/paul-martin/" rel="author">Paul Martin</a>',
        f"Une question «{NNBSP}simple{NNBSP}»{NBSP}: rester ou partir{NNBSP}?",
    ]
    positions = [html.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert fr("Updated") not in html


def test_winter_dates_carry_the_winter_offset_and_an_update_shows(client, monde):
    published = dt.datetime(2025, 1, 1, 9, 5, tzinfo=PARIS)
    article = make_article(
        monde, first_published_at=published, updated_at=published + dt.timedelta(days=1)
    )

    html = client.get(article.url).content.decode()

    assert f'<time datetime="2025-01-01T09:05:00+01:00">le{NBSP}1er{NBSP}janvier' in html
    assert f'{fr("Updated")} <time datetime="2025-01-02T09:05:00+01:00">' in html


def test_lead_image_has_alt_caption_credit_and_loads_first(client, monde):
    image = make_image(
        "Marché couvert", credit="Jeanne Photo", description="Les étals vides", size=LARGE
    )
    article = make_article(monde, lead_image=image, lead_image_caption="Le marché, mardi.")

    html = client.get(article.url).content.decode()
    figure = html[html.index('<figure class="lead-image">') :]
    figure = figure[: figure.index("</figure>")]

    assert 'alt="Les étals vides"' in figure
    assert 'fetchpriority="high"' in figure
    assert 'loading="lazy"' not in figure
    assert 'type="image/webp"' in figure
    assert 'width="640"' in figure and 'height="360"' in figure
    assert '<figcaption>Le marché, mardi. <span class="credit">© Jeanne Photo</span>' in figure


def test_body_blocks_render_without_third_party_requests(client, monde):
    related = make_article(monde, "Le marché rouvre !")
    unpublished = make_article(monde, "Brouillon secret", live=False)
    article = make_article(
        monde,
        body=[
            ("paragraph", "<p>Il a dit : « non » !</p>"),
            ("intertitle", "Et maintenant ?"),
            ("quote", {"text": "Nous tiendrons.", "source": "La maire"}),
            ("image", {"image": make_image("Salle"), "caption": "La salle."}),
            ("embed", {"url": "https://www.youtube.com/watch?v=x", "title": "Le débat"}),
            ("embed", {"url": "https://bsky.app/profile/a/post/1", "title": ""}),
            ("related", {"page": related}),
            ("related", {"page": unpublished}),
        ],
    )

    html = client.get(article.url).content.decode()
    body = html[html.index('<div class="article-body">') : html.index("</article>")]

    assert f"<p>Il a dit{NBSP}: «{NNBSP}non{NNBSP}»{NNBSP}!</p>" in body
    assert f"<h2>Et maintenant{NNBSP}?</h2>" in body
    assert "<blockquote><p>Nous tiendrons.</p></blockquote>" in body
    assert "<cite>La maire</cite>" in body
    assert '<figure class="body-image">' in body and 'loading="lazy"' in body
    assert '<a class="embed-link" href="https://www.youtube.com/watch?v=x">' in body
    assert fr("Watch the video on %(provider)s") % {"provider": "YouTube"} in body
    assert fr("See the post on %(provider)s") % {"provider": "Bluesky"} in body
    assert "<iframe" not in html
    assert not re.search(r"<script[^>]+src=\"(https?:)?//", html)  # no third-party script
    assert f'<a href="{related.url}">Le marché rouvre{NNBSP}!</a>' in body
    assert "Brouillon secret" not in body
    assert 'class="w-block' not in body  # blocks render bare, without Wagtail's wrappers


def test_tags_with_accents_get_ascii_addresses(client, monde):
    article = make_article(monde, tags=("Élections", "Europe", "L’œil du cyclone"))
    html = client.get(article.url).content.decode()
    assert '<a href="/sujets/elections/" rel="tag">Élections</a>' in html
    assert '<a href="/sujets/loeil-du-cyclone/" rel="tag">L’œil du cyclone</a>' in html
    assert client.get("/sujets/elections/").status_code == 200


def test_a_tag_differing_by_its_accents_only_gets_its_own_address(monde):
    make_article(monde, tags=("Élections",))
    make_article(monde, tags=("Elections",))
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["elections", "elections-2"]


def test_an_old_accented_tag_address_is_a_permanent_redirect(client, monde):
    make_article(monde, tags=("Élections",))
    response = client.get("/sujets/%C3%A9lections/")
    assert (response.status_code, response["Location"]) == (301, "/sujets/elections/")
    assert client.get("/sujets/%C3%A9conomie/").status_code == 404


@pytest.mark.parametrize(("comments_open", "shown", "hidden"), [
    (True, "Leave a comment", "Comments are closed."),
    (False, "Comments are closed.", "Leave a comment"),
])  # fmt: skip
def test_comments_area_follows_the_article_setting(client, monde, comments_open, shown, hidden):
    article = make_article(monde, comments_open=comments_open)
    html = client.get(article.url).content.decode()
    assert fr(shown) in html
    assert f">{fr(hidden)}<" not in html


def test_la_une_leads_with_the_chosen_story_then_featured_then_sections(client, home, monde):
    culture = make_section(home, "Culture")
    lead = make_article(monde, "À la une", lead_image=make_image("Une"))
    featured = make_article(monde, "Mis en avant")
    make_article(culture, "Festival d'Avignon", lead_image=make_image("Festival"))
    make_article(monde, "Plus récent que tout")
    home.lead_story = lead
    home.featured_items = [HomeFeatured(article=featured)]
    home.save_revision().publish()

    html = client.get("/").content.decode()

    lead_html = html[html.index('<article class="lead-story">') :]
    lead_html = lead_html[: lead_html.index("</article>")]
    assert ">À la une</a></h2>" in lead_html
    assert 'fetchpriority="high"' in lead_html and 'loading="lazy"' not in lead_html
    order = [
        'class="lead-story"',
        ">Mis en avant</a></h2>",
        f'<h2 id="rubrique-{monde.pk}"><a href="/monde/">Monde</a></h2>',
        ">Plus récent que tout</a></h3>",
        '<a href="/culture/">Culture</a></h2>',
        ">Festival d\u2019Avignon</a></h3>",
    ]
    positions = [html.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    culture_teaser = html[html.index('<a href="/culture/">') :]
    assert 'loading="lazy"' in culture_teaser and 'decoding="async"' in culture_teaser


def test_section_lists_its_live_articles_and_subsections(client, home, monde):
    europe = make_section(monde, "Europe")
    make_section(monde, "Hors menu", show_in_menus=False)
    make_article(europe, "Sommet européen")
    make_article(monde, "Brouillon", live=False)

    html = client.get(monde.url).content.decode()

    assert "<h1>Monde</h1>" in html
    assert f"L’actualité internationale{NBSP}: tout le monde." in html
    assert '<li><a href="/monde/europe/">Europe</a></li>' in html
    assert "Hors menu" not in html
    assert ">Sommet européen</a></h2>" in html
    assert '<p class="kicker"><span class="kicker-section">Europe</span></p>' in html
    assert "Brouillon" not in html


def test_simple_page_shows_title_and_body(client, home):
    page = home.add_child(
        instance=SimplePage(title="À propos", body=[("paragraph", "<p>Qui sommes-nous ?</p>")])
    )
    html = client.get(page.url).content.decode()
    assert "<h1>À propos</h1>" in html
    assert f"<p>Qui sommes-nous{NNBSP}?</p>" in html


def test_base_has_language_landmarks_and_skip_link(client, monde):
    html = client.get(monde.url).content.decode()
    assert '<html lang="fr">' in html
    assert f'<a class="skip-link" href="#contenu">{fr("Skip to content")}</a>' in html
    assert '<a class="site-name" href="/" rel="home">Gazette</a>' in html
    assert '<main id="contenu">' in html
    assert f'<nav class="sections" aria-label="{fr("Sections")}">' in html
    assert '<a href="/monde/" aria-current="page">Monde</a>' in html
    assert "<script" not in html


def test_menu_lists_live_sections_shown_in_menus_in_one_query(
    home, monde, django_assert_num_queries
):
    make_section(home, "Coulisses", show_in_menus=False)
    make_section(home, "Sport", live=False)
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    # What Wagtail's serve view and any earlier request have already looked up and cached.
    Site.find_for_request(request)
    Site.get_site_root_paths()
    restrictions.any_exist()

    with django_assert_num_queries(1):
        html = Template("{% load news %}{% section_menu %}").render(
            Context({"request": request, "page": monde})
        )

    assert '<a href="/monde/" aria-current="page">Monde</a>' in html
    assert "Coulisses" not in html and "Sport" not in html


def test_follow_links_name_the_site_and_the_network(client, monde):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Gazette de Lyon"
    settings.mastodon_url = "https://mastodon.social/@gazette"
    settings.save()

    html = client.get(monde.url).content.decode()

    link = html[html.index('<a href="https://mastodon.social/@gazette"') :]
    link = link[: link.index("</a>")]
    assert 'rel="me noopener"' in link
    assert '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"' in link
    name = fr("%(site)s on %(network)s") % {"site": "Gazette de Lyon", "network": "Mastodon"}
    assert f'<span class="visually-hidden">{name}</span>' in link


def test_a_logo_stands_for_the_site_name_and_says_it(client, monde):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = make_image("Logo", description="Un bandeau bleu")
    settings.save()

    html = client.get(monde.url).content.decode()

    link = html[html.index('<a class="site-name"') :]
    link = link[: link.index("</a>")]
    assert "<img " in link and 'alt="Gazette"' in link and 'class="logo"' in link


def test_footer_links_skip_a_page_that_is_no_longer_published(client, home, monde):
    about = home.add_child(instance=SimplePage(title="À propos", body=[("paragraph", "<p>.</p>")]))
    gone = home.add_child(instance=SimplePage(title="Ancienne", body=[("paragraph", "<p>.</p>")]))
    gone.unpublish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_links = [
        ("link", {"label": "Qui sommes-nous", "page": about}),
        ("link", {"label": "Archives", "page": gone}),
        ("link", {"label": "Nous écrire", "url": "https://example.org/contact"}),
    ]
    settings.save()

    html = client.get(monde.url).content.decode()

    assert f'<a href="{about.url}">Qui sommes-nous</a>' in html
    assert '<a href="https://example.org/contact">Nous écrire</a>' in html
    assert "Archives" not in html


def test_listings_stop_at_max_pages_and_count_no_further(
    client, home, monde, settings, monkeypatch
):
    settings.GAZETTE_PAGE_SIZE = 1
    monkeypatch.setattr(models, "MAX_PAGES", 2)
    for number in range(3):
        make_article(monde, f"Article {number}")

    assert client.get(monde.url + "?page=2").status_code == 200
    assert client.get(monde.url + "?page=3").status_code == 404


def test_la_une_shows_each_sections_newest_articles_not_older_ones(client, home, monde):
    sport = make_section(home, "Sport")
    older = [make_article(sport, f"Sport {number}") for number in range(5)]
    europe = make_section(monde, "Europe")
    newest_in_europe = make_article(europe, "Europe")
    newer = [make_article(sport, f"Sport récent {number}") for number in range(4)]

    html = client.get("/").content.decode()

    # La une leads with the newest article; each section block shows its 4 newest after it.
    for article in [newest_in_europe, *newer[:3]]:
        assert f'href="{article.url}"' in html, article.title
    assert f'href="{older[0].url}"' not in html


def test_a_lists_first_photo_loads_at_once_the_others_lazily(client, home, monde):
    """The first teaser's photo is what a phone shows first (Lighthouse: « Largest Contentful
    Paint image was lazily loaded »); the others wait until they are scrolled to."""
    for title in ["Plus ancien", "Entre les deux", "Le plus récent"]:
        make_article(monde, title, lead_image=make_image(title))
    html = client.get(monde.url).content.decode()
    teasers = html.split('<article class="teaser">')[1:]
    assert len(teasers) == 3
    assert 'fetchpriority="high"' in teasers[0] and 'loading="lazy"' not in teasers[0]
    for teaser in teasers[1:]:
        assert 'loading="lazy"' in teaser and "fetchpriority" not in teaser
