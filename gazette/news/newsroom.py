"""The newsroom's groups, their permissions and the « Relecture » workflow.

Run after every `migrate` (post_migrate), idempotently: a fresh site, a test database and an
upgraded site all get the same roles, and an administrator's later additions are kept.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .corrections import ArticleNote
from .page_types import SITE_SHAPING, add_permission

WRITER, EDITOR, MODERATOR, ADMINISTRATOR = "Rédacteur", "Éditeur", "Modérateur", "Administrateur"
REVIEW_WORKFLOW = "Relecture"
ROOT_PAGE_TITLE, ROOT_COLLECTION_NAME = "Toutes les pages", "Médiathèque"
PERMISSION_VERBS = {
    "add": "Ajouter",
    "change": "Modifier",
    "delete": "Supprimer",
    "view": "Voir",
    "choose": "Choisir",
    "publish": "Publier",
    "lock": "Verrouiller",
    "unlock": "Déverrouiller",
}
OTHER_PERMISSION_NAMES = {
    "access_admin": "Accéder à l'administration",
    "view_audience": "Voir les chiffres d'audience",
}

PAGE_PERMISSIONS = {
    WRITER: ["add_page", "change_page"],
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"],
    ADMINISTRATOR: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
        "delete_page",
    ],
}
# Wagtail checks images and documents against its own models' permissions (its policies'
# `auth_model`, wagtailimages.Image and wagtaildocs.Document, even with our CreditedImage),
# given per collection. "add" also lets a user edit and delete what they uploaded.
COLLECTION_PERMISSIONS = {
    WRITER: ["add", "choose"],
    EDITOR: ["add", "change", "choose"],
    ADMINISTRATOR: ["add", "change", "choose", "delete"],
}
MEDIA_MODELS = ["wagtailimages.image", "wagtaildocs.document"]
# Wagtail asks no model permission to add a page of a given type: we do, for the pages that
# shape the site (gazette/news/page_types.py), so a Rédacteur writes articles, not rubriques.
SITE_SHAPING_PERMISSIONS = [add_permission(page_class) for page_class in SITE_SHAPING]
# Notes (rectificatifs, updates): a Rédacteur proposes, an Éditeur publishes; the rules for a
# published note are in gazette/news/corrections.py (`ArticleNotePermissionPolicy`).
NOTE_WRITING = ["news.add_articlenote", "news.change_articlenote", "news.view_articlenote"]
NOTE_PUBLISHING = [
    *NOTE_WRITING,
    "news.publish_articlenote",
    "news.delete_articlenote",
    "news.lock_articlenote",
    "news.unlock_articlenote",
]
MODEL_PERMISSIONS = {
    WRITER: ["wagtailadmin.access_admin", "news.view_author", *NOTE_WRITING],
    EDITOR: [
        "wagtailadmin.access_admin",
        *SITE_SHAPING_PERMISSIONS,
        "news.add_author",
        "news.change_author",
        "news.view_author",
        *NOTE_PUBLISHING,
    ],
    MODERATOR: ["wagtailadmin.access_admin"],
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        *SITE_SHAPING_PERMISSIONS,
        "news.add_author",
        "news.change_author",
        "news.delete_author",
        "news.view_author",
        *NOTE_PUBLISHING,
        "core.change_sitesettings",
        "news.change_notesettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
    ],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_newsroom(verbosity: int = 1) -> None:
    # Permissions are created by post_migrate too, app by app: make sure all exist first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return
    _name_the_roots(root_page, root_collection)
    _name_permissions_in_french()
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (WRITER, EDITOR, MODERATOR, ADMINISTRATOR)
    }
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root_page,
                permission=_permission(f"wagtailcore.{codename}"),
            )
    _ensure_collection_permissions(groups, root_collection)
    for name, dotted_names in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*[_permission(d) for d in dotted_names])
    _ensure_review_workflow(root_page, reviewers=[groups[EDITOR], groups[ADMINISTRATOR]])
    # Wagtail's own English groups would confuse a French newsroom; ours replace them.
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()


def _ensure_collection_permissions(groups: dict[str, Group], root_collection: Collection) -> None:
    """Images and documents, in every collection (the root's permissions cover its children).
    The rows on CreditedImage's own permissions, which earlier versions gave and Wagtail never
    reads, are removed: they only made the group screen say the opposite of the truth."""
    for name, actions in COLLECTION_PERMISSIONS.items():
        for dotted_model in MEDIA_MODELS:
            app_label, model_name = dotted_model.split(".")
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=_permission(f"{app_label}.{action}_{model_name}"),
                )
    GroupCollectionPermission.objects.filter(
        group__in=groups.values(), permission__content_type__app_label="core"
    ).delete()


def _name_the_roots(root_page: Page, root_collection: Collection) -> None:
    """Wagtail names both trees' roots « Root », which its explorer, breadcrumbs and
    collection lists show; a name an administrator gave them since is kept."""
    Page.objects.filter(pk=root_page.pk, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(pk=root_collection.pk, name="Root").update(name=ROOT_COLLECTION_NAME)


def _name_permissions_in_french() -> None:
    """Django stores permission names in English (« Can add author »), and the groups' screen
    shows them, to screen readers for the usual four. Renamed after each migrate: Django only
    names the permissions it creates."""
    permissions = []
    with translation.override("fr"):
        for permission in Permission.objects.select_related("content_type"):
            action, _, model_name = permission.codename.partition("_")
            model = permission.content_type.model_class()
            name = OTHER_PERMISSION_NAMES.get(permission.codename, permission.name)
            if action in PERMISSION_VERBS and model and model._meta.model_name == model_name:
                name = f"{PERMISSION_VERBS[action]} : {model._meta.verbose_name}"
            if permission.name != name:
                permission.name = name
                permissions.append(permission)
    Permission.objects.bulk_update(permissions, ["name"])


def _ensure_review_workflow(root_page: Page, *, reviewers: list[Group]) -> None:
    """Every page and every note goes through « Relecture »: a Rédacteur submits, an Éditeur
    approves, which publishes (or schedules) it. Wagtail's stock « Moderators approval » is
    replaced."""
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    review, created = GroupApprovalTask.objects.get_or_create(name="Relecture par un éditeur")
    if created:
        review.groups.set(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=review, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(ArticleNote), defaults={"workflow": workflow}
    )
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)
