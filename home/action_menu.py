"""The page editor's footer for authors who cannot publish: "Zur Prüfung einreichen" is the
button they see, not an entry behind the "^" of the menu, with one verb whichever the step."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.action_menu import SubmitForModerationMenuItem


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit action under the plain name of what it does."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page and page.pk else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Erneut zur Prüfung einreichen")
        else:
            context["label"] = _("Zur Prüfung einreichen")
        return context


def can_publish(request, context):
    page = context.get("page")
    if page is not None and page.pk:
        return page.permissions_for_user(request.user).can_publish()
    parent = context.get("parent_page")
    return parent is not None and parent.permissions_for_user(request.user).can_publish_subpage()


def submit_first_for_authors(menu_items, request, context):
    """For an author who cannot publish, submitting becomes the footer's main button."""
    if can_publish(request, context):
        return
    for index, item in enumerate(menu_items):
        if item.name == SubmitForModerationMenuItem.name:
            menu_items.pop(index)
            menu_items.insert(0, SubmitForReviewMenuItem(order=item.order))
            return
