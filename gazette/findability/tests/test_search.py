"""The search page finds French words in any form, ranks what matters first, filters, marks the
words it found, and answers every input with a page. These tests run on both databases (make
test runs the suite on SQLite, then on PostgreSQL), each through its own stemming."""

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import fr, make_article, make_section

from ..search import CANDIDATES, Query

SEARCH = "/recherche/"


def found(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="teaser-title"><a href="[^"]*">(.*?)</a>', response.content.decode()
    )


def titles(html_titles):
    """As typed: without the marks, the entities and the French spaces added at render."""
    return [plain(re.sub(r"</?mark>", "", title)) for title in html_titles]


def plain(text):
    text = html.unescape(text).replace("\u2019", "'")
    return re.sub("[\u00a0\u202f]", " ", text)


@shared
def elections(monde):
    """Three forms of one word and an article without it, for every form searched."""
    return [
        make_article(monde, "Les élections municipales approchent"),
        make_article(monde, "Une Élection sans surprise"),
        make_article(monde, "Résultats des elections au Chili"),
        make_article(monde, "Le marché du cacao s'envole"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["élection", "Élection", "election", "élections", "ÉLECTIONS", "electionS", "l'élection"],
)
def test_any_form_of_a_word_finds_every_form_of_it(client, elections, query):
    assert sorted(titles(found(client, query))) == [
        "Les élections municipales approchent",
        "Résultats des elections au Chili",
        "Une Élection sans surprise",
    ]


@pytest.mark.django_db
def test_the_surtitre_is_searched(client, monde):
    make_article(monde, "Les négociations reprennent à Belém", kicker="COP30")
    make_article(monde, "Le marché du cacao s'envole")
    assert titles(found(client, "cop30")) == ["Les négociations reprennent à Belém"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("cheval", "Les chevaux de Camargue"),
        ("hôpitaux", "Un hôpital sous tension"),
        ("hopital", "Un hôpital sous tension"),
        ("réforme", "Les réformes attendront"),
        ("coeur", "Au cœur de la ville"),
        ("présidentielles", "La présidentielle se prépare"),
    ],
)
def test_plurals_accents_and_ligatures_are_folded(client, monde, query, title):
    make_article(monde, title)
    make_article(monde, "Un sujet sans rapport")
    assert titles(found(client, query)) == [title]


@pytest.mark.django_db
def test_every_word_must_appear_function_words_aside(client, monde):
    make_article(monde, "La grève des cheminots continue")
    make_article(monde, "La grève des enseignants")
    assert titles(found(client, "la grève des cheminots")) == ["La grève des cheminots continue"]
    assert len(found(client, "grève")) == 2


@pytest.mark.django_db
def test_standfirst_body_and_topics_are_searched_drafts_are_not(client, monde):
    make_article(monde, "Premier titre", standfirst="Un chapô sur la sécheresse.")
    make_article(
        monde, "Deuxième titre", body=[("paragraph", "<p>La sécheresse gagne le Sud.</p>")]
    )
    make_article(monde, "Troisième titre", tags=["Sécheresse"])
    make_article(monde, "Brouillon sur la sécheresse", live=False)
    assert sorted(titles(found(client, "sécheresse"))) == [
        "Deuxième titre",
        "Premier titre",
        "Troisième titre",
    ]


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_passing_mention(client, monde):
    now = timezone.now()
    make_article(
        monde,
        "Un budget voté de justesse",
        body=[("paragraph", "<p>Le texte parle aussi de la canicule, en passant.</p>")],
        first_published_at=now - dt.timedelta(days=1),
    )
    make_article(
        monde,
        "Canicule : la canicule s'installe",
        standfirst="La canicule touche tout le pays.",
        first_published_at=now - dt.timedelta(days=1),
    )
    assert titles(found(client, "canicule"))[0] == "Canicule : la canicule s'installe"


@pytest.mark.django_db
def test_between_equal_matches_the_recent_article_comes_first(client, monde):
    now = timezone.now()
    for days in (400, 2, 40):
        make_article(
            monde,
            f"Inondations, il y a {days} jours",
            standfirst="Les inondations ont touché la vallée.",
            first_published_at=now - dt.timedelta(days=days),
        )
    assert titles(found(client, "inondations")) == [
        "Inondations, il y a 2 jours",
        "Inondations, il y a 40 jours",
        "Inondations, il y a 400 jours",
    ]


@pytest.mark.django_db
def test_a_much_better_old_match_still_beats_a_fresh_mention(client, monde):
    now = timezone.now()
    make_article(
        monde,
        "Un long feuilleton judiciaire",
        body=[("paragraph", "<p>" + "Mot après mot, le récit avance. " * 40 + "Glyphosate.</p>")],
        first_published_at=now - dt.timedelta(hours=1),
    )
    make_article(
        monde,
        "Glyphosate : le glyphosate en question",
        standfirst="Le glyphosate, encore et toujours le glyphosate.",
        first_published_at=now - dt.timedelta(days=365),
    )
    assert titles(found(client, "glyphosate"))[0] == "Glyphosate : le glyphosate en question"


@pytest.mark.django_db
def test_filters_by_section_with_its_subsections_and_by_dates(client, monde, culture):
    europe = make_section(monde, "Europe")
    paris = dt.timezone(dt.timedelta(hours=2))
    make_article(
        monde, "Climat : sommet à Bonn", first_published_at=dt.datetime(2025, 6, 10, tzinfo=paris)
    )
    make_article(
        europe,
        "Climat : Bruxelles tranche",
        first_published_at=dt.datetime(2025, 7, 1, 0, 30, tzinfo=paris),
    )
    make_article(
        culture,
        "Climat : un film choc",
        first_published_at=dt.datetime(2025, 7, 31, 23, 30, tzinfo=paris),
    )
    assert sorted(titles(found(client, "climat", rubrique=monde.pk))) == [
        "Climat : Bruxelles tranche",
        "Climat : sommet à Bonn",
    ]
    assert titles(found(client, "climat", rubrique=europe.pk)) == ["Climat : Bruxelles tranche"]
    assert sorted(titles(found(client, "climat", du="2025-07-01", au="2025-07-31"))) == [
        "Climat : Bruxelles tranche",
        "Climat : un film choc",
    ]
    assert titles(found(client, "climat", du="01/07/2025", au="30/07/2025")) == [
        "Climat : Bruxelles tranche"
    ]


@pytest.mark.django_db
def test_found_words_are_marked_and_everything_else_escaped(client, monde):
    make_article(
        monde,
        "<script>alert(1)</script> Les Élections",
        standfirst="Avant les élections, <b>rien</b> & tout.",
    )
    html = client.get(SEARCH, {"q": "élection"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Les <mark>Élections</mark>" in html
    assert "Avant les <mark>élections</mark>, &lt;b&gt;rien&lt;/b&gt; &amp; tout." in html
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_a_long_body_gives_an_excerpt_around_the_words_found(client, monde):
    filler = "Une phrase de remplissage sans intérêt particulier. " * 30
    make_article(
        monde,
        "Un rapport discret",
        standfirst="Le chapô ne dit rien.",
        body=[("paragraph", f"<p>{filler}Le nickel manque aux usines. {filler}</p>")],
    )
    excerpt = re.search(
        r'<p class="excerpt">(.*?)</p>', client.get(SEARCH, {"q": "nickel"}).content.decode()
    ).group(1)
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>nickel</mark> manque aux usines" in excerpt
    assert len(excerpt) < 400


@pytest.mark.django_db
def test_results_are_paginated_and_keep_the_query(client, monde, settings):
    settings.GAZETTE_PAGE_SIZE = 2
    for n in range(5):
        make_article(monde, f"Sécheresse, épisode {n}")
    first = client.get(SEARCH, {"q": "sécheresse", "rubrique": monde.pk}).content.decode()
    assert f"5 {fr('results')}" in first or "5 résultats" in first
    assert f'href="?q=s%C3%A9cheresse&amp;rubrique={monde.pk}&amp;page=2" rel="next"' in first
    assert len(found(client, "sécheresse", page=3)) == 1
    assert client.get(SEARCH, {"q": "sécheresse", "page": 4}).status_code == 404
    assert client.get(SEARCH, {"q": "sécheresse", "page": "abc"}).status_code == 404


@pytest.mark.django_db
def test_results_page_is_briefly_cacheable_the_same_for_all_and_not_indexed(client, monde):
    make_article(monde, "Les élections municipales")
    response = client.get(SEARCH, {"q": "élections"})
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert not response.cookies
    assert client.get(SEARCH, {"q": "élections"}).content == response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"élections',
        '"élections municipales"',
        "élections AND NOT municipales OR -grève",
        "élect*",
        "NEAR(élections municipales)",
        "title:élections",
        "{title body}: élections",
        "x" * 2000,
        "élections " * 300,
        "🗳️ élections 🇫🇷",
        "\x00",
        "élections\x00municipales",
        "\x01\x02\x1b[31m\x7f",
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        "élections'); SELECT * FROM auth_user; --",
        "\\",
        "%_%",
        "le la les de des",
        "\u202e\u200b\ufeff",
        "\ud7ff\ue000\U0010ffff",
    ],
)
def test_any_input_gives_a_page_never_an_error(client, monde, query):
    make_article(monde, "Les élections municipales")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"rubrique": "abc"},
        {"rubrique": "99999999999999999999999"},
        {"rubrique": "-1"},
        {"du": "31/02/2025"},
        {"du": "0001-01-01", "au": "9999-12-31"},
        {"du": "2025-08-01", "au": "2025-07-01"},
        {"au": "\x00"},
        {"page": "0"},
    ],
)
def test_bad_filters_are_explained_not_failed(client, monde, params):
    make_article(monde, "Les élections municipales")
    response = client.get(SEARCH, {"q": "élections", **params})
    assert response.status_code in {200, 404}
    if "page" not in params:
        assert response.status_code == 200


def test_queries_keep_words_only_and_drop_function_words():
    assert Query.parse('"L\'élection" AND le* -vote\x00 ; DROP').words == (
        "élection",
        "AND",
        "vote",
        "DROP",
    )
    assert Query.parse("le la les de") == Query(())
    assert len(Query.parse("mot " * 500).words) == 1
    assert len(Query.parse(" ".join(f"mot{n}" for n in range(100))).words) == 12
    assert CANDIDATES >= 100


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Rédacteur", "Éditeur"])
def test_the_admin_page_search_answers_each_role(client, django_user_model, monde, role):
    """The admin's search box searches as you type (Wagtail's autocomplete): on SQLite its
    count went through our ranked search's and failed (a 500 for every editor)."""
    from django.contrib.auth.models import Group

    make_article(monde, "Les élections municipales à Lyon")
    user = django_user_model.objects.create_user("plume", password="x" * 20)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    for path in ("/admin/pages/search/", "/admin/pages/search/results/"):
        response = client.get(path, {"q": "élections"})
        assert response.status_code == 200, path
    assert "Les élections municipales" in response.content.decode()
