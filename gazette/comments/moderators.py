"""Who moderates: the Modérateur group, and the Administrateur group, which also handles
readers' requests about their personal data (export, erasure) and empties the bin.

Run after every `migrate` (post_migrate), idempotently, like `gazette.news.newsroom`; an
administrator's later additions to these groups are kept.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from gazette.news.newsroom import ADMINISTRATOR, MODERATOR

MODERATION = [
    "view_comment",
    "change_comment",
    "view_blocklistentry",
    "add_blocklistentry",
    "change_blocklistentry",
    "delete_blocklistentry",
    "change_moderationsettings",
]
PERMISSIONS = {
    MODERATOR: MODERATION,
    # delete_comment: empty the bin for good, and act on a reader's personal data.
    ADMINISTRATOR: [*MODERATION, "delete_comment"],
}


def ensure_moderator_permissions() -> None:
    # post_migrate reaches this app before auth has created its permissions on a fresh site.
    create_permissions(apps.get_app_config("comments"), verbosity=0)
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.get_or_create(name=name)[0]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
        )
