"""The network's roles as Wagtail groups: the city's editors and one group per association.

Every function here is safe to run again: it creates what is missing and leaves the rest.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    get_page_models,
)

from .models import AssociationEditors
from .role_names import CITY_EDITORS_GROUP_NAME

# The city's coordination of the network: who belongs where (membership dates, projects' partners,
# working groups and their walks). City editors have it; associations never.
COORDINATE_NETWORK = "home.coordinate_network"
GROUP_NAME_MAX_LENGTH = Group._meta.get_field("name").max_length
COLLECTION_NAME_MAX_LENGTH = Collection._meta.get_field("name").max_length
ASSOCIATIONS_COLLECTION_NAME = "Vereine"
SHARED_COLLECTION_NAME = "Gemeinsame Medien"

CITY_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# Associations write and edit but never publish: the city approves through moderation.
ASSOCIATION_PAGE_PERMISSIONS = ("add", "change", "lock")
# Where associations contribute to pages that are not their own (walks, project news), they may
# add pages, and edit what they added; see grant_to_contributors().
CONTRIBUTION_PAGE_PERMISSIONS = ("add",)
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
CHOOSE_MEDIA_PERMISSIONS = {"wagtailimages": ("choose_image",), "wagtaildocs": ("choose_document",)}


def _model_permissions(models, actions=("add", "change", "delete", "view")):
    return [f"{action}_{model}" for model in models for action in actions]


# By app label and codename, so this module names the walks and projects apps without
# importing them.
CITY_MODEL_PERMISSIONS = {
    "home": _model_permissions(
        ("focusarea", "language", "district", "supporttopic", "meetingseries")
    )
    + _model_permissions(
        ("membershipapplication", "meetingregistration", "editorinvitation"),
        ("view", "change", "delete"),
    )
    + ["add_editorinvitation", "change_networksettings", "coordinate_network"],
    "tours": _model_permissions(("storysubmission",), ("view", "change", "delete")),
    "projects": _model_permissions(("outsideactor",)),
    # Which media collections are public as a whole (Settings → Media).
    "medialibrary": ["change_mediasettings"],
    # Mail that could not be delivered: seen and sent again (Reports → undelivered mail).
    "outbox": ["view_outgoingmail", "change_outgoingmail"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


# Everyone who edits may create and revoke API tokens for themselves (Settings → API tokens);
# a token acts with exactly its owner's permissions. Only user managers act for others.
API_TOKEN_PERMISSIONS = _model_permissions(("apitoken",))


def _grant_admin_access(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in API_TOKEN_PERMISSIONS:
        group.permissions.add(_permission("wagtailcore", codename))
    # Translating a page they may edit (simple_translation also asks for the edit right).
    group.permissions.add(_permission("simple_translation", "submit_translation"))


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


def _child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def shared_collection():
    return _child_collection(Collection.get_first_root_node(), SHARED_COLLECTION_NAME)


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


def city_editors_group():
    return Group.objects.filter(name=CITY_EDITORS_GROUP_NAME).first()


def moderators():
    """Everyone who moderates for the city: its editors and the superusers."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=CITY_EDITORS_GROUP_NAME))
        .distinct()
    )


def moderates(user):
    return user.is_superuser or user.groups.filter(name=CITY_EDITORS_GROUP_NAME).exists()


def _fitted(name, max_length, suffix=""):
    """``name`` + ``suffix``, the name shortened (with "…") where both would not fit."""
    if len(name) + len(suffix) <= max_length:
        return name + suffix
    return name[: max_length - len(suffix) - 1].rstrip() + "…" + suffix


def association_group_name(association):
    # A title may be as long as a group name may be: the group's name is shortened to fit.
    return _fitted(_("Verein: %(name)s") % {"name": association.title}, GROUP_NAME_MAX_LENGTH)


def contribution_pages():
    """The pages under which associations contribute (walks, projects), found by a flag on
    their page types so that this app never imports theirs."""
    models = [
        model for model in get_page_models() if getattr(model, "associations_contribute", False)
    ]
    return Page.objects.type(*models) if models else Page.objects.none()


def _link_of(association):
    """The editors' link of an association in any of its languages."""
    return (
        AssociationEditors.objects.filter(association__translation_key=association.translation_key)
        .select_related("group", "collection", "association")
        .first()
    )


@transaction.atomic
def ensure_association_group(association):
    """The editors of one association: they edit its page and subtree (in every language),
    add pages where associations contribute, have a media collection of their own, and never
    publish.

    One group for all the association's languages; group and collection are named after the
    page the link belongs to (the original) and renamed with it.
    """
    link = _link_of(association)
    if link is not None and link.association_id != association.pk:
        # A translation of the association's page: the same editors edit it.
        _grant_page_permissions(link.group, association, ASSOCIATION_PAGE_PERMISSIONS)
        return link.group
    if link is None:
        link = AssociationEditors.objects.create(
            association=association,
            group=_unlinked_group(association_group_name(association)),
            collection=_unlinked_collection(
                _child_collection(Collection.get_first_root_node(), ASSOCIATIONS_COLLECTION_NAME),
                association.title,
            ),
        )
    _rename(link, association)
    _grant_admin_access(link.group)
    _grant_page_permissions(link.group, association, ASSOCIATION_PAGE_PERMISSIONS)
    for page in contribution_pages():
        _grant_page_permissions(link.group, page, CONTRIBUTION_PAGE_PERMISSIONS)
    _grant_media_permissions(link.group, link.collection)
    _grant_media_permissions(link.group, shared_collection(), CHOOSE_MEDIA_PERMISSIONS)
    return link.group


def _numbered(name, max_length):
    """The name, then "name (2)", "name (3)" …: for a second association of the same name;
    each within ``max_length``."""
    yield _fitted(name, max_length)
    number = 2
    while True:
        yield _fitted(name, max_length, f" ({number})")
        number += 1


def _unlinked_group(name):
    """The group of this name, unless it is another association's: one group never serves two
    associations. An unlinked one is taken over (setting up again finds its own); otherwise the
    first free numbered name gets a new group."""
    for candidate in _numbered(name, GROUP_NAME_MAX_LENGTH):
        group = Group.objects.filter(name=candidate).first()
        if group is None:
            return Group.objects.create(name=candidate)
        if not AssociationEditors.objects.filter(group=group).exists():
            return group


def _unlinked_collection(parent, name):
    """As _unlinked_group(), for the association's media collection under ``parent``."""
    for candidate in _numbered(name, COLLECTION_NAME_MAX_LENGTH):
        collection = parent.get_children().filter(name=candidate).first()
        if collection is None:
            return parent.add_child(name=candidate)
        if not AssociationEditors.objects.filter(collection=collection).exists():
            return collection


def _rename(link, association):
    """Group and collection follow the page's name, where it is free (another association of
    that name keeps its own)."""
    name = association_group_name(association)
    if link.group.name != name and not Group.objects.filter(name=name).exists():
        link.group.name = name
        link.group.save(update_fields=["name"])
    if (
        link.collection.name != association.title
        and not link.collection.get_siblings().filter(name=association.title).exists()
    ):
        link.collection.name = association.title
        link.collection.save(update_fields=["name"])


@transaction.atomic
def remove_association_group(association):
    """When an association is deleted, its group goes; its media stay, in a marked collection.
    While a version in another language remains, the group stays with that one."""
    link = (
        AssociationEditors.objects.filter(association=association)
        .select_related("group", "collection")
        .first()
    )
    if link is None:
        return
    remaining = association.get_translations().first()
    if remaining is not None:
        link.association_id = remaining.pk
        link.save(update_fields=["association"])
        return
    collection, group = link.collection, link.group
    link.delete()
    group.delete()
    collection.name = _("%(name)s (Verein gelöscht)") % {"name": collection.name}
    collection.save(update_fields=["name"])


def grant_contribution_page_to_associations(page):
    """A new section where associations contribute: every association may add there."""
    for link in AssociationEditors.objects.select_related("group"):
        _grant_page_permissions(link.group, page, CONTRIBUTION_PAGE_PERMISSIONS)


def association_groups_of(user):
    return Group.objects.filter(user=user, association_link__isnull=False)


def grant_to_contributors(page, user):
    """What an association editor creates outside their association's subtree, their
    associations may go on editing (never publishing): "add" and "change" on that page."""
    if user is None or user.is_superuser:
        return
    for group in association_groups_of(user):
        link = group.association_link
        if page.is_descendant_of(link.association) or page.pk == link.association_id:
            continue
        _grant_page_permissions(group, page, ASSOCIATION_PAGE_PERMISSIONS)
