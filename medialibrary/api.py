"""The API's image and document endpoints follow medialibrary.access.

Wagtail 8.0's routers (``wagtail.images.api.v3.router``, ``wagtail.documents.api.v3.router``)
list every image and document outside restricted collections, to anyone, and offer no hook for
the queryset; list and detail both call the module's ``get_*_queryset(request)``. Replacing that
one function in each module puts our rule behind both endpoints (tests in
tests/security/test_media_access.py fail if Wagtail stops calling it). config.api calls this
while it assembles the API, after every app is ready.
"""

from .access import visible_media


def limit_wagtail_media_endpoints():
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3 import router as documents_router
    from wagtail.images import get_image_model
    from wagtail.images.api.v3 import router as images_router

    def get_images_queryset(request):
        queryset = get_image_model().objects.prefetch_related("tags").order_by("id")
        return visible_media(queryset, request)

    def get_documents_queryset(request):
        queryset = get_document_model().objects.prefetch_related("tags").order_by("id")
        return visible_media(queryset, request)

    images_router.get_images_queryset = get_images_queryset
    documents_router.get_documents_queryset = get_documents_queryset
