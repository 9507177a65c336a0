import pytest

from gazette.news.tests.factories import make_home, make_section


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def monde(home):
    return make_section(home, "Monde")


@pytest.fixture
def culture(home):
    return make_section(home, "Culture")
