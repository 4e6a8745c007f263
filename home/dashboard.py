"""Admin home panels: an association editor sees their pages with the state of moderation and the
latest reviewer comment; a city editor sees how much waits for them, each count leading to its
list, and the moderation queue, oldest first (in place of Wagtail's "awaiting your review",
which lists the same tasks)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Locale, Page, TaskState, WorkflowState

from .moderation.waiting import waiting_for
from .permissions import sees_every_page
from .roles import association_groups_of, moderates

MAX_ROWS = 50


def _page_state(page, workflow_state):
    """What became of the page, in the words of its author, and whether it is theirs to act."""
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return {"label": _("Änderungen erbeten"), "revise": True}
        task = workflow_state.current_task_state.task if workflow_state.current_task_state else None
        if task is None:
            return {"label": _("Wird geprüft"), "revise": False}
        return {"label": _("Wartet auf: %(task)s") % {"task": task.name}, "revise": False}
    if page.live and page.has_unpublished_changes:
        return {"label": _("Veröffentlicht, mit neuerem Entwurf"), "revise": False}
    if page.live:
        return {"label": _("Veröffentlicht"), "revise": False}
    return {"label": _("Entwurf"), "revise": False}


def quick_actions(user, groups):
    """One tap to what a volunteer does most: a stop for a walk, news for a project, their
    profile; only where they may add it."""
    from projects.models import ProjectPage
    from tours.models import TourPage

    actions = [
        {
            "label": _("Profil bearbeiten: %(association)s") % {"association": link.title},
            "url": reverse("wagtailadmin_pages:edit", args=[link.pk]),
        }
        for link in (group.association_link.association for group in groups)
    ]
    for model, app_and_type, label in (
        (TourPage, ("tours", "tourstoppage"), _("Neue Station in „%(parent)s“")),
        (ProjectPage, ("projects", "projectupdatepage"), _("Neuigkeit für „%(parent)s“")),
    ):
        for parent in model.objects.filter(locale__language_code="de").order_by("title"):
            if parent.permissions_for_user(user).can_add_subpage():
                actions.append(
                    {
                        "label": label % {"parent": parent.title},
                        "url": reverse("wagtailadmin_pages:add", args=[*app_and_type, parent.pk]),
                    }
                )
    return actions


class AssociationPagesPanel(Component):
    """The pages of the associations the user edits for, each with its moderation state."""

    name = "association_pages"
    template_name = "admin/dashboard/association_pages.html"
    order = 90

    def __init__(self, groups):
        self.groups = groups

    def pages(self):
        # Where the associations edit (their own page, what they created), not every section
        # they may add to.
        roots = Page.objects.filter(
            group_permissions__in=GroupPagePermission.objects.filter(
                group__in=self.groups, permission__codename="change_page"
            )
        ).distinct()
        within_any_root = Q(pk__in=[])
        for root in roots:
            within_any_root |= Q(path__startswith=root.path)
        return list(Page.objects.filter(within_any_root).order_by("path")[:MAX_ROWS])

    def get_context_data(self, parent_context):
        pages = self.pages()
        page_type = ContentType.objects.get_for_model(Page)
        ids = [str(page.pk) for page in pages]
        in_moderation = {
            state.object_id: state
            for state in WorkflowState.objects.active()
            .filter(base_content_type=page_type, object_id__in=ids)
            .select_related("current_task_state__task")
        }
        latest_comments = {}
        for task_state in (
            TaskState.objects.filter(
                workflow_state__base_content_type=page_type,
                workflow_state__object_id__in=ids,
            )
            .exclude(comment="")
            .select_related("finished_by", "workflow_state")
            .order_by("finished_at")
        ):
            latest_comments[task_state.workflow_state.object_id] = task_state
        languages = _language_names()
        rows = [
            {
                "page": page,
                "language": languages.get(page.locale_id, ""),
                "state": _page_state(page, in_moderation.get(str(page.pk))),
                "comment": latest_comments.get(str(page.pk)),
            }
            for page in pages
        ]
        request = parent_context["request"]
        return {
            "rows": rows,
            "associations": [group.association_link.association for group in self.groups],
            "actions": quick_actions(request.user, self.groups),
            "request": request,
        }


class ModerationQueuePanel(Component):
    """Everything waiting for the city's editors, oldest first, with who sent it."""

    name = "moderation_queue"
    template_name = "admin/dashboard/moderation_queue.html"
    order = 80

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("task", "workflow_state__requested_by", "revision")
            .order_by("started_at")[:MAX_ROWS]
        )
        rows = []
        languages = _language_names()
        for state in states:
            obj = state.revision.content_object if state.revision else None
            if obj is None:
                continue
            requester = state.workflow_state.requested_by
            rows.append(
                {
                    "state": state,
                    "object": obj,
                    "language": languages.get(getattr(obj, "locale_id", None), ""),
                    "requested_by": requester,
                    "associations": [
                        group.association_link.association.title
                        for group in association_groups_of(requester).select_related(
                            "association_link__association"
                        )
                    ]
                    if requester
                    else [],
                }
            )
        return {"rows": rows, "request": request}


class WaitingCountsPanel(Component):
    """How many stories, applications, waiting-list places and moderation tasks wait, each
    linked to its list filtered to just those."""

    name = "waiting_counts"
    template_name = "admin/dashboard/waiting_counts.html"
    order = 70

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "counts": [
                {"label": waiting.label, "count": waiting.count(), "url": waiting.list_url}
                for waiting in waiting_for(user)
            ]
        }


def _language_names():
    """Each locale's language by its own name (Deutsch, English, Türkçe …), by locale id."""
    return {locale.pk: locale.get_display_name() for locale in Locale.objects.all()}


def construct_summary_items(request, items):
    """The site's totals (pages, images, documents) are the city's: an association's editor
    starts with their own pages, and the page count would grow with other associations'
    drafts."""
    if not sees_every_page(request.user):
        items.clear()


def construct_panels(request, panels):
    user = request.user
    groups = list(association_groups_of(user).select_related("association_link__association"))
    if groups:
        panels.append(AssociationPagesPanel(groups))
        if not moderates(user):
            # Its table shows their pages in moderation and their last changes: Wagtail's
            # panels of both would list them again below it.
            panels[:] = [
                panel
                for panel in panels
                if panel.name not in ("user_objects_in_workflow_moderation", "recent_edits")
            ]
    if moderates(user):
        panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
        panels.append(WaitingCountsPanel())
        panels.append(ModerationQueuePanel())
