"""Who sees the audience figures: the Éditeur and Administrateur groups.

Run after every `migrate` (post_migrate), idempotently, like `gazette.news.newsroom`; an
administrator may grant `audience.view_audience` to another group in the admin.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from gazette.news.newsroom import ADMINISTRATOR, EDITOR

VIEW_AUDIENCE = "audience.view_audience"


def ensure_audience_permissions() -> None:
    # post_migrate reaches this app before auth has created its permissions on a fresh site.
    create_permissions(apps.get_app_config("audience"), verbosity=0)
    permission = Permission.objects.get(
        content_type__app_label="audience", codename="view_audience"
    )
    for name in (EDITOR, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)[0].permissions.add(permission)
