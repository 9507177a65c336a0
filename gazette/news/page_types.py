"""Which page types a user may create. Wagtail only asks for "add" on the parent page, so a
Rédacteur who may add articles anywhere could also add rubriques and fixed pages, which shape
the site's menu and addresses. For those types we also ask Django's model permission
(`news.add_sectionpage`), which the Éditeur and Administrateur groups hold (newsroom.py)."""

from django.apps import apps

from .models import SectionPage, SimplePage

SITE_SHAPING = (SectionPage, SimplePage)


def add_permission(page_class) -> str:
    return f"{page_class._meta.app_label}.add_{page_class._meta.model_name}"


def may_create(user, page_class) -> bool:
    return not issubclass(page_class, SITE_SHAPING) or user.has_perm(add_permission(page_class))


def may_create_type(user, app_label: str, model_name: str) -> bool:
    return may_create(user, apps.get_model(app_label, model_name))
