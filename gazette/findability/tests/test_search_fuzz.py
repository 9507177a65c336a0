"""Whatever reaches the search URL, the answer is a page (200, or 404 for a page number past
the end), never a 500: hypothesis throws text of every Unicode category, query-language operators
and SQL at it, on the database the suite runs on."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazette.news.tests.factories import make_article, make_section

SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "-",
        "+",
        "(",
        ")",
        ":",
        "^",
        "{",
        "}",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        ";",
        "--",
        "/*",
        "%",
        "_",
        "\\",
        "\x00",
        "DROP TABLE",
        "' OR 1=1 --",
        "é",
        "Œ",
        "🗳️",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(SYNTAX, st.text(max_size=12)), max_size=40).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=2500),
)
PARAMS = st.fixed_dictionaries(
    {"q": QUERIES},
    optional={
        "rubrique": st.text(max_size=30),
        "du": st.text(max_size=20),
        "au": st.text(max_size=20),
        "page": st.text(max_size=8),
    },
)


@pytest.fixture
def searchable(monde):
    europe = make_section(monde, "Europe")
    for n in range(3):
        make_article(europe, f"Les élections européennes, épisode {n}", tags=["Élections"])


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,  # speed is bench/'s to measure; a loaded CI machine is not a stopwatch
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=PARAMS)
def test_search_answers_every_input_with_a_page(client, searchable, params):
    response = client.get("/recherche/", params)
    assert response.status_code in {200, 404}, params
    if response.status_code == 404:
        assert "page" in params, params  # not a page number: 404, as on sections
