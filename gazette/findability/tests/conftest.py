from gazette.core.tests.shared_data import shared
from gazette.news.tests.factories import make_section


@shared
def culture(home):
    return make_section(home, "Culture")
