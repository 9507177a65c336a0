from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import make_home, make_section


@shared
def home():
    return make_home()


@shared
def monde(home):
    return make_section(home, "Monde")


@shared
def culture(home):
    return make_section(home, "Culture")
