"""La une and « Monde », built once per test module (@shared): the site most apps' tests
start from, for every test (the root conftest's `pytest_plugins`); a module or an app's
conftest that defines its own replaces them."""

from gazette.core.tests.shared_data import shared

from .factories import make_home, make_section


@shared
def home():
    return make_home()


@shared
def monde(home):
    return make_section(home, "Monde")
