"""The bulk page-tree insert writes what treebeard would: its steps, and a tree in which
treebeard finds no problem and Wagtail serves every page."""

import pytest
from wagtail.models import Page

from gazette.news.bulk import add_children, step_number, tree_step, unique_slug
from gazette.news.models import ArticlePage

from .factories import make_article, make_home, make_section


@pytest.mark.parametrize(
    ("number", "step"), [(1, "0001"), (9, "0009"), (10, "000A"), (36, "0010"), (1296, "0100")]
)
def test_tree_steps_are_treebeards(number, step):
    assert tree_step(number) == step
    assert step_number(step) == number


@pytest.mark.parametrize("number", [0, 36**4])
def test_a_step_out_of_range_is_refused(number):
    with pytest.raises(ValueError, match="do not fit"):
        tree_step(number)


def test_a_taken_slug_gets_the_first_free_number():
    taken = {"sommet", "sommet-2"}
    assert unique_slug("sommet", taken) == "sommet-3"
    assert unique_slug("autre", taken) == "autre"
    assert {"sommet-3", "autre"} <= taken


@pytest.mark.django_db
def test_children_added_in_bulk_follow_the_existing_ones_and_serve(client):
    section = make_section(make_home(), "Monde")
    first = make_article(section, "Déjà là")
    rows = [
        {"title": f"Article {n}", "slug": f"article-{n}", "section_id": section.pk, "live": True}
        for n in range(3)
    ]

    pks = add_children(section, ArticlePage, rows)

    assert Page.find_problems() == ([], [], [], [], [])
    titles = [page.title for page in section.get_children()]
    assert titles == ["Déjà là", "Article 0", "Article 1", "Article 2"]
    assert Page.objects.get(pk=section.pk).numchild == 4
    new = list(ArticlePage.objects.filter(pk__in=pks).order_by("path"))
    assert new[0].path == first.path[:-4] + tree_step(step_number(first.path[-4:]) + 1)
    assert len({page.translation_key for page in new}) == 3  # a default called for each row
    assert len(new[0].body) == 0
    assert client.get(new[2].url).status_code == 200
