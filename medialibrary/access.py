"""Who may reach an image or a document.

One rule for every output: the public (and the API without a token) reaches a file only when a
live, public page uses it, which Wagtail's reference index answers, or when the city made its
whole collection public (``MediaSettings``). Collections the city restricted with Wagtail's
collection privacy stay restricted. Editors reach what they may choose in the admin, on top.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast

from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .choosing import choosable
from .models import MediaSettings

EDITOR_ACTIONS = ("choose", "change")


def public_collection_ids():
    """The collections the city made public, with everything below them."""
    roots = MediaSettings.load().public_collections.all()
    paths = [collection.path for collection in roots]
    if not paths:
        return set()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))


def used_by_public_pages(model):
    """An Exists() that is true for objects of ``model`` referred to by a live, public page."""
    public_pages = Page.objects.live().public().annotate(pk_text=Cast("pk", CharField()))
    return Exists(
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id=Cast(OuterRef("pk"), CharField()),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_pages.values("pk_text"),
        )
    )


def public_media(queryset):
    """The images or documents of ``queryset`` that anyone may see."""
    return queryset.filter(
        Q(collection__in=public_collection_ids()) | Q(used_by_public_pages(queryset.model))
    )


def editable_media(queryset, user):
    """What ``user`` may choose in the admin (nothing for anonymous users)."""
    if not user.is_authenticated:
        return queryset.none()
    return choosable(queryset, user)


def visible_media(queryset, request):
    """Media as ``request`` may see it: public media (minus collections restricted from this
    request), and what its user may choose or change in the admin.

    The result filters by a list of ids: Wagtail's search backends cannot search a queryset
    filtered by subqueries (the API's ``?search=``)."""
    model = queryset.model
    visible = public_media(model.objects.all()).exclude(
        collection__in=get_restricted_collection_ids(request)
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        visible = model.objects.filter(
            Q(pk__in=visible.values("pk"))
            | Q(pk__in=editable_media(model.objects.all(), user).values("pk"))
        )
    return queryset.filter(pk__in=list(visible.values_list("pk", flat=True)))


def is_public(obj):
    return public_media(type(obj).objects.filter(pk=obj.pk)).exists()


def user_may_edit(obj, user):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, EDITOR_ACTIONS, obj)


def pages_using(obj):
    """The pages (drafts included) whose content refers to ``obj``."""
    references = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.filter(pk__in=[int(ref.object_id) for ref in references])


def user_may_see(obj, user):
    """An editor sees an image or document they may choose in the admin, and those of the
    pages whose drafts they may see (a reviewer of a walk sees the photos of its stops)."""
    if not user.is_authenticated:
        return False
    if user_may_edit(obj, user):
        return True
    return any(page.permissions_for_user(user).can_edit() for page in pages_using(obj).specific())
