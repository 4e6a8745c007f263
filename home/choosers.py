"""Choosers show only what their viewer may see.

Wagtail's chooser widgets (pages, images, documents, in fields and StreamField blocks alike)
render the title, a preview and an edit link of whatever id a form holds. After a refused
submission that is the id the editor sent: another association's image, a city draft. So the
one method every chooser renders its value through, ``BaseChooser.get_value_data``, shows an
object only to a viewer who may see it (medialibrary.access, home.permissions); to anyone else
the chooser is empty, as for an id that does not exist. ``install()`` wraps it once, from
HomeConfig.ready; tests/security/test_page_references.py fails if it stops working.
"""

from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from medialibrary.access import is_public, user_may_see

from .permissions import hidden_from, viewing_request


def may_show(instance):
    request = viewing_request.get()
    user = getattr(request, "user", None)
    if user is None:  # no request being answered (a command, a test rendering a form)
        return True
    if isinstance(instance, Page):
        return not hidden_from(user, instance)
    if isinstance(instance, (get_image_model(), get_document_model())):
        return is_public(instance) or user_may_see(instance, user)
    return True


def install():
    if getattr(BaseChooser.get_value_data, "shows_only_what_may_be_seen", False):
        return

    def get_value_data(self, value):
        instance = self.get_instance(value)
        if instance is None or not may_show(instance):
            return None
        return self.get_value_data_from_instance(instance)

    get_value_data.shows_only_what_may_be_seen = True
    BaseChooser.get_value_data = get_value_data
