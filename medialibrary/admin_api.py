"""The admin's own API for images and documents (``/admin/api/main/images/``, ``documents/``)
lists only what its user may choose (medialibrary.choosing), as the admin's choosers do.

Wagtail lists everything outside restricted collections there, to anyone with admin access,
with titles, tags and the addresses of originals. Nothing in Wagtail's admin reads these two
endpoints (its JavaScript asks only the pages endpoint, for the sidebar's explorer), but the
admin's JavaScript configuration names their addresses, so they stay, registered in place of
Wagtail's through its ``construct_admin_api`` hook (medialibrary.wagtail_hooks).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .choosing import choosable


class ChoosableOnly:
    def get_queryset(self):
        return choosable(super().get_queryset(), self.request.user)


class ChoosableImagesAdminAPIViewSet(ChoosableOnly, ImagesAdminAPIViewSet):
    pass


class ChoosableDocumentsAdminAPIViewSet(ChoosableOnly, DocumentsAdminAPIViewSet):
    pass


def register_admin_api_endpoints(router):
    """Replaces Wagtail's endpoints of the same names (a later registration wins)."""
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)
