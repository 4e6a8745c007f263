"""Reading what was sent to the city before deciding on it (a story, an application to join):
everything it says and everything the decision needs on one screen, with the decisions there.

The listing's title and every link to such a record (the city's notices, the audit log) open
this reading view, not Wagtail's edit form; see TitleOpensReading and reading_url_finder.
"""

from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic


def mailto(email, subject):
    """A link that opens the reader's mail program with a message to ``email`` on ``subject``."""
    return f"mailto:{quote(email, safe='@')}?subject={quote(str(subject))}"


class TitleOpensReading:
    """For a viewset's IndexView: a record's title opens it for reading; its status changes
    there, by a decision."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=self.get_inspect_url,
            **kwargs,
        )


class ReadingView(generic.InspectView):
    """A record as the city reads it (not Wagtail's field list, which shows "None" and "True"
    and runs Arabic left to right). Subclasses name their template, the record's name in it
    (``context_object_name``) and the decisions open to it (``decisions``)."""

    context_object_name = "record"
    page_title = _("Lesen und entscheiden")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[self.context_object_name] = self.object
        may_decide = self.permission_policy.user_has_permission(self.request.user, "change")
        context["actions"] = self.decisions(self.object) if may_decide else []
        return context

    def decisions(self, record):
        """The decisions open to ``record``, each as {"label", "url"}: the first is the main one."""
        return []


def reading_url_finder(viewset):
    """An AdminURLFinder class whose links to the viewset's records open them for reading."""
    return type(
        f"{viewset.model.__name__}ReadingURLFinder",
        (ModelAdminURLFinder,),
        {"edit_url_name": viewset.get_url_name("inspect")},
    )
