"""The network's roles as Wagtail groups: the city's editors and one group per association.

Every function here is safe to run again: it creates what is missing and leaves the rest.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import AssociationEditors

CITY_EDITORS_GROUP_NAME = "Stadtredaktion"
ASSOCIATIONS_COLLECTION_NAME = "Vereine"

CITY_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# Associations write and edit but never publish: the city approves through moderation.
ASSOCIATION_PAGE_PERMISSIONS = ("add", "change", "lock")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
CITY_MODEL_PERMISSIONS = {
    "home": [
        f"{action}_{model}"
        for model in ("focusarea", "language", "district", "supporttopic", "meetingseries")
        for action in ("add", "change", "delete", "view")
    ]
    + ["change_networksettings"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_admin_access(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


def _grant_page_permissions(group, page, permission_types):
    page_type = ContentType.objects.get_for_model(Page)
    for permission_type in permission_types:
        permission = Permission.objects.get(
            content_type=page_type, codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_media_permissions(group, collection, apps=MEDIA_PERMISSIONS):
    for app_label, codenames in apps.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )


@transaction.atomic
def ensure_city_editors_group():
    """The city's editors moderate, publish and manage everything in the network."""
    group, _created = Group.objects.get_or_create(name=CITY_EDITORS_GROUP_NAME)
    _grant_admin_access(group)
    # The tree root covers the network's pages in every language.
    _grant_page_permissions(group, Page.get_first_root_node(), CITY_PAGE_PERMISSIONS)
    _grant_media_permissions(group, Collection.get_first_root_node())
    for app_label, codenames in CITY_MODEL_PERMISSIONS.items():
        for codename in codenames:
            group.permissions.add(_permission(app_label, codename))
    return group


def association_group_name(association):
    return _("Verein: %(name)s") % {"name": association.title}


@transaction.atomic
def ensure_association_group(association):
    """The editors of one association: they edit its page and subtree, and never publish."""
    link = (
        AssociationEditors.objects.filter(association=association)
        .select_related("group", "collection")
        .first()
    )
    if link is None:
        group, _created = Group.objects.get_or_create(name=association_group_name(association))
        collection = _association_collection(association)
        link = AssociationEditors.objects.create(
            association=association, group=group, collection=collection
        )
    _grant_admin_access(link.group)
    _grant_page_permissions(link.group, association, ASSOCIATION_PAGE_PERMISSIONS)
    _grant_media_permissions(link.group, link.collection)
    # Shared images of the network may be chosen, not changed.
    _grant_media_permissions(
        link.group,
        Collection.get_first_root_node(),
        {"wagtailimages": ("choose_image",), "wagtaildocs": ("choose_document",)},
    )
    return link.group


def _association_collection(association):
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=ASSOCIATIONS_COLLECTION_NAME).first()
    if parent is None:
        parent = root.add_child(name=ASSOCIATIONS_COLLECTION_NAME)
    existing = parent.get_children().filter(name=association.title).first()
    return existing or parent.add_child(name=association.title)
