"""What a page may refer to: the images, documents and pages its editor may choose.

A page (in the admin's editor and in the API alike: the API builds its forms from the page's
edit handler, so both go through home.models.base.NetworkPageForm) may refer only to

- images and documents its editor may choose in the admin (medialibrary.choosing: Wagtail's
  permission policies, action "choose"),
- pages that are not foreign drafts for its editor (home.permissions),

and, on top, to whatever its latest revision already refers to, so that editing a page the
city furnished keeps working. Naming an id must never make an object "yours": the API answers
a page with the titles and file addresses of the media it uses, and with the addresses of the
pages it links to.

References are collected exactly as Wagtail's reference index collects them
(``ReferenceIndex._extract_references_from_object``: foreign keys, and every field with
``extract_references``, i.e. StreamField and rich text), on the instance a form has built.
A refused reference is an error on its field (``refused_references``); a foreign draft is
refused with the words for a page that does not exist, so the answer tells nothing about it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from medialibrary.choosing import choosable

from .permissions import without_foreign_drafts

PAGE, IMAGE, DOCUMENT = "page", "image", "document"

MESSAGES = {
    PAGE: _("Es gibt keine Seite mit der ID %(id)s."),
    IMAGE: _("Das Bild mit der ID %(id)s können Sie nicht auswählen."),
    DOCUMENT: _("Das Dokument mit der ID %(id)s können Sie nicht auswählen."),
}


def _models():
    return {PAGE: Page, IMAGE: get_image_model(), DOCUMENT: get_document_model()}


def _kind_by_content_type():
    # The reference index files every reference under the base model's content type.
    return {
        ReferenceIndex._get_base_content_type(model).pk: kind for kind, model in _models().items()
    }


def references_of(instance):
    """(kind, id, field name) of every page, image and document ``instance`` refers to (and
    its child objects, filed under their relation's name)."""
    kinds = _kind_by_content_type()
    references = []
    for found in ReferenceIndex._extract_references_from_object(instance):
        content_type_id, object_id, model_path, _content_path = found
        kind = kinds.get(content_type_id)
        if kind is not None:
            references.append((kind, str(object_id), model_path.split(".", 1)[0]))
    return references


def latest_revision_of(page):
    """The latest revision of ``page`` as stored (the page itself if it has none), or None
    for a page not saved yet."""
    if page.pk is None:
        return None
    stored = Page.objects.filter(pk=page.pk).first()
    return stored.specific.get_latest_revision_as_object() if stored is not None else None


def referred_to(instance):
    """(kind, id) of what ``instance`` refers to; nothing for None."""
    if instance is None:
        return set()
    return {(kind, object_id) for kind, object_id, _field in references_of(instance)}


def _allowed_ids(kind, ids, user):
    numbers = [int(object_id) for object_id in ids if object_id.isdigit()]
    if not numbers:
        return set()
    objects = _models()[kind]._default_manager.filter(pk__in=numbers)
    may_use = without_foreign_drafts if kind == PAGE else choosable
    return {str(pk) for pk in may_use(objects, user).values_list("pk", flat=True)}


def refused_references(instance, user, before=frozenset()):
    """{field name: [ValidationError, …]} for the references of ``instance`` that ``user`` may
    not make: not among ``before`` (what the page referred to already), and not an image or
    document they may choose, nor a page that exists and is not a foreign draft for them."""
    new = []
    for reference in references_of(instance):
        if reference[:2] not in before and reference not in new:
            new.append(reference)
    ids_by_kind = {}
    for kind, object_id, _field in new:
        ids_by_kind.setdefault(kind, set()).add(object_id)
    allowed = {kind: _allowed_ids(kind, ids, user) for kind, ids in ids_by_kind.items()}
    errors = {}
    for kind, object_id, field in new:
        if object_id not in allowed[kind]:
            errors.setdefault(field, []).append(
                ValidationError(MESSAGES[kind], code="reference", params={"id": object_id})
            )
    return errors
