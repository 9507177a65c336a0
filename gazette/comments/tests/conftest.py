import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site

from gazette.comments.models import ModerationSettings
from gazette.core.tests.shared_data import shared
from gazette.news.newsroom import MODERATOR
from gazette.news.tests.factories import make_article, make_home, make_section

PASSWORD = "un-mot-de-passe-assez-long"


@shared
def section():
    return make_section(make_home(), "Monde")


@shared
def article(section):
    return make_article(section, "La ville tient bon")


@pytest.fixture
def moderation(article):
    """The site's settings, with the time trap off: tests post as fast as robots."""
    moderation = ModerationSettings.for_site(Site.objects.get(is_default_site=True))
    moderation.min_seconds = 0
    moderation.save()
    return moderation


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "mona",
        password=PASSWORD,
        first_name="Mona",
        last_name="Vidal",
        email="mona@gazette.invalid",
    )
    user.groups.add(Group.objects.get(name=MODERATOR))
    return user
