"""Serving files that are not simply public: documents (always through here) and private
images (for the editors who may see them)."""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.images import get_image_model

from .access import is_public, user_may_see
from .http import file_response
from .storage import is_private_name

PUBLIC_MAX_AGE = 5 * 60


def serve_document(request, document_id, document_filename):
    """A document for anyone when a live, public page uses it (or its collection is public),
    for editors who may see it otherwise; to everyone else it does not exist.

    Wagtail's own checks (collection privacy: password or login) run as in its serve view."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None or document.filename != document_filename:
        raise Http404
    public = is_public(document)
    if not public and not user_may_see(document, request.user):
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    if request.method == "GET" and "Range" not in request.headers:
        document_served.send(sender=Document, instance=document, request=request)

    storage = document.file.storage
    response = file_response(
        request,
        lambda: storage.open(document.file.name, "rb"),
        size=storage.size(document.file.name),
        content_type=document.content_type,
        etag=f'"{document.get_file_hash()}"',
        modified=_modified_time(storage, document.file.name),
    )
    response["Content-Disposition"] = document.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    if getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True):
        response["Content-Security-Policy"] = "default-src 'none'"
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _modified_time(storage, name):
    try:
        return storage.get_modified_time(name)
    except (NotImplementedError, OSError):
        return None


def _image_of(name):
    """The image a stored file belongs to: the original or one of its renditions."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image
    rendition = (
        Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
    )
    return rendition.image if rendition is not None else None


def private_file(request, name):
    """A private image file (a photo sent by the public, taken over as a draft; its renditions)
    for an editor who may see it in the admin: never cached, never for anyone else. Documents
    are not served here: only serve_document applies their collection's restrictions."""
    owner = _image_of(name) if is_private_name(name) else None
    if owner is None or not user_may_see(owner, request.user):
        raise Http404
    response = file_response(
        request,
        lambda: default_storage.open(name, "rb"),
        size=default_storage.size(name),
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
