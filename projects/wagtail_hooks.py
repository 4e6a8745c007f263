from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OutsideActor


class OutsideActorViewSet(SnippetViewSet):
    model = OutsideActor
    icon = "user"
    menu_label = _("Externe Akteure")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "organisation", "role", "invited_on"]
    search_fields = ["name", "organisation"]


register_snippet(OutsideActorViewSet)
