import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, Page, Workflow

from gazette.news.newsroom import ADMINISTRATOR, EDITOR, MODERATOR, WRITER, ensure_newsroom

from .factories import make_home, make_section


@pytest.fixture
def home():
    return make_home()


def user_in(group_name, django_user_model, username):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-long-42")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_migrate_creates_the_four_french_groups_and_drops_wagtails_english_ones():
    names = set(Group.objects.values_list("name", flat=True))
    assert {WRITER, EDITOR, MODERATOR, ADMINISTRATOR} <= names
    assert not names & {"Moderators", "Editors"}


@pytest.mark.django_db
def test_running_it_again_changes_nothing():
    before = [
        (g.name, g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    ]
    ensure_newsroom()
    after = [
        (g.name, g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    ]
    assert before == after


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "can_edit", "can_publish"),
    [
        (WRITER, True, False),
        (EDITOR, True, True),
        (ADMINISTRATOR, True, True),
        (MODERATOR, False, False),
    ],
)
def test_page_permissions_per_role(django_user_model, home, group, can_edit, can_publish):
    section = make_section(home, "Monde")
    user = user_in(group, django_user_model, f"u-{len(group)}")
    permissions = section.permissions_for_user(user)
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish
    assert user.has_perm("wagtailadmin.access_admin")


@pytest.mark.django_db
def test_every_page_goes_through_the_relecture_workflow(home):
    section = make_section(home, "Monde")
    workflow = section.get_workflow()
    assert workflow.name == "Relecture"
    assert [t.name for t in workflow.tasks] == ["Relecture par un éditeur"]
    assert (
        Workflow.objects.get(name="Relecture").workflow_pages.get().page
        == Page.get_first_root_node()
    )


@pytest.mark.django_db
def test_permissions_and_roots_have_french_names():
    assert Permission.objects.get(codename="add_author").name == "Ajouter : auteur"
    english = Permission.objects.filter(name__startswith="Can ")
    assert list(english.values_list("name", flat=True)) == []
    assert Page.get_first_root_node().title == "Toutes les pages"
    assert Collection.get_first_root_node().name == "Médiathèque"
