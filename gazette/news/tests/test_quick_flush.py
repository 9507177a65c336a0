"""The flush between transactional tests (quick_flush.py) leaves the database as the first
flush did: what a test wrote is gone, what the flush keeps is back, primary keys included.
Three tests in order, on one worker (a file stays on one): the first makes sure a flush
has been remembered, the second writes everywhere, the third finds none of it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from gazette.core.tests import quick_flush
from gazette.news.models import ArticlePage
from gazette.news.newsroom import EDITOR, WRITER
from gazette.news.tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.django_db(transaction=True)

_before_writing = {}


def state() -> dict:
    return {
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "rights": sorted(Group.permissions.through.objects.values_list("group", "permission")),
        "permissions": sorted(Permission.objects.values_list("pk", "codename", "name")),
        "pages": sorted(Page.objects.values_list("pk", "path", "numchild", "title")),
        "sites": sorted(Site.objects.values_list("pk", "hostname")),
    }


def test_a_flush_is_remembered_after_a_transactional_test():
    """Whatever ran before on this worker, this test's flush leaves a remembered state."""


def test_a_test_writes_in_kept_and_in_empty_tables():
    assert quick_flush.ready()
    _before_writing.update(state())
    make_article(make_section(make_home(), "Monde"), "Un article écrit puis effacé")
    Group.objects.filter(name=WRITER).update(name="Pigistes")
    Group.objects.get(name=EDITOR).permissions.clear()
    Permission.objects.filter(codename="add_user").update(name="renamed")
    # A content type made and kept in Django's cache of them, as a restore or a proxy does.
    ContentType.objects.create(app_label="essai", model="ephemere")
    assert ContentType.objects.get_by_natural_key("essai", "ephemere")
    assert state() != _before_writing


def test_the_next_test_finds_the_remembered_state_and_nothing_written():
    if not _before_writing:
        pytest.skip("runs after the test before it")
    assert state() == _before_writing
    assert not ArticlePage.objects.exists()
    assert Group.objects.filter(name=WRITER).exists()
    with pytest.raises(ContentType.DoesNotExist):
        ContentType.objects.get_by_natural_key("essai", "ephemere")
