"""Who works on the newsletters: Éditeurs and administrators open letters and send editions;
both see subscribers, whom nobody adds by hand. Run after every `migrate`, idempotently, like
`gazette.news.newsroom`; an administrator's later additions are kept."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from gazette.news.newsroom import ADMINISTRATOR, EDITOR

EDITING = [
    "add_letter",
    "change_letter",
    "view_letter",
    "add_edition",
    "change_edition",
    "view_edition",
    "view_subscriber",
]
PERMISSIONS = {
    EDITOR: EDITING,
    ADMINISTRATOR: [*EDITING, "delete_letter", "delete_edition"],
}


def ensure_letter_permissions() -> None:
    create_permissions(apps.get_app_config("letters"), verbosity=0)
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.get_or_create(name=name)[0]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="letters", codename__in=codenames)
        )
