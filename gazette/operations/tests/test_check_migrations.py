import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_up_to_date_database_passes():
    out = io.StringIO()
    call_command("check_migrations", stdout=out)
    assert "aucune migration en attente" in out.getvalue()
