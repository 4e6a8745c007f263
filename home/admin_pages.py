"""The page admin with the network's page permissions (see home.permissions).

Listings, search, reports and the admin's page API ask the permission policy, which leaves
foreign drafts out. What names a page by id is guarded here: the page views (explorer, editor,
history, usage …), the bulk actions, the page chooser and "Translate" answer a foreign draft's
id exactly like an id that does not exist. The page types report, which counts and names pages
of the whole site, drafts included, is only for users who have no foreign drafts
(home.permissions.sees_every_page): others are refused as Wagtail refuses a report, and its
menu entry is not shown to them (wagtail_hooks).
"""

import copy
import functools

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_list_or_404, redirect
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page, WorkflowState

from .moderation import next_steps
from .permissions import hidden_from, sees_every_page, without_foreign_drafts

# The URL keywords of Wagtail's page views that name a page (wagtail.admin.urls.pages).
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "pk", "page_to_move_id", "destination_id")


def refuse_hidden_pages(user, page_ids):
    """Http404 if one of ``page_ids`` is hidden from ``user``; ids of no page are left to the
    view, which answers them with the same 404."""
    for page in Page.objects.filter(pk__in=page_ids):
        if hidden_from(user, page):
            raise Http404


def guarded(view):
    @functools.wraps(view)
    def guarded_view(request, *args, **kwargs):
        page_ids = [kwargs[name] for name in PAGE_ID_KWARGS if name in kwargs]
        if page_ids:
            refuse_hidden_pages(request.user, page_ids)
        return view(request, *args, **kwargs)

    return guarded_view


def list_fields_with_errors(request, form):
    """After Wagtail's "could not be saved" (whose button jumps to the first error only): each
    field with an error as a link to it, on whichever tab it is (Wagtail's tabs follow the
    address's #fragment)."""
    links = []
    for name in form.errors:
        if name == NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        target = field.id_for_label or field.auto_id
        if target:
            links.append(format_html('<a href="#{}">{}</a>', target, field.label))
    if links:
        messages.warning(
            request,
            format_html(
                "{} {}",
                _("Bitte prüfen:"),
                format_html_join(", ", "{}", ((link,) for link in links)),
            ),
        )


class NetworkCreateView(CreateView):
    """Wagtail's page creation without autosave: autosave created the page unseen, so that a
    volunteer who gave up and started again met a taken address. Nothing exists before the
    first "Speichern"; an address taken anyway gets the next free one, and the editor is told
    (NetworkPageForm.clean_slug)."""

    def get(self, request):
        self.autosave_enabled = False
        return super().get(request)

    def post(self, request):
        self.autosave_enabled = False
        return super().post(request)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if not self.expects_json_response:
            list_fields_with_errors(self.request, form)
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.renamed_slug:
            messages.info(
                self.request,
                _(
                    "Die Adresse „%(asked)s“ war schon vergeben; die Seite hat die Adresse "
                    "„%(given)s“ bekommen."
                )
                % {"asked": form.renamed_slug[0], "given": form.renamed_slug[1]},
            )
        return response


class NetworkEditView(EditView):
    """Wagtail's editor, safe against a workflow step decided twice.

    A workflow button adds hidden inputs to the edit form and leaves them there; Wagtail's
    autosave then posts the form with them while the reviewer's own submit is under way, and
    the second request found the step already decided (a 500 in Wagtail). An autosave only
    ever saves a draft; a step decided meanwhile (by the same person in another tab, or by a
    colleague) is a message, not an error.
    """

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if not self.expects_json_response and not self.locked_for_user:
            list_fields_with_errors(self.request, form)
        return response

    @functools.cached_property
    def action_name_and_method(self):
        if self.expects_json_response and self.request.POST.get("action-workflow-action"):
            return ("save", self.save_action)
        return super().action_name_and_method

    def perform_workflow_action(self):
        with transaction.atomic():
            # One decision at a time: the second waits here, then finds the step decided.
            WorkflowState.objects.select_for_update().filter(
                pk=getattr(self.workflow_state, "pk", None)
            ).first()
            if not self.workflow_action_is_valid():
                messages.warning(
                    self.request,
                    _("Dieser Schritt ist schon entschieden. Hier sehen Sie den neuen Stand."),
                )
                return redirect("wagtailadmin_pages:edit", self.page.pk)
            response = super().perform_workflow_action()
        next_steps.after_deciding(self.request, self.page, self.workflow_action)
        return response


#: Listing columns a phone leaves out (admin.css), so that titles keep the width to be read.
WIDE_SCREEN_ONLY = "network-wide-screen-only"


def wide_screen_only(column):
    column = copy.copy(column)
    column.classname = f"{column.classname or ''} {WIDE_SCREEN_ONLY}".strip()
    return column


class NetworkExplorableIndexView(ExplorableIndexView):
    """Wagtail's page explorer, readable on a phone: the last change and the page type only on
    wider screens (on a phone they squeezed the titles to a letter a line)."""

    base_columns = [
        wide_screen_only(column)
        if column.name in ("latest_revision_created_at", "type")
        else column
        for column in ExplorableIndexView.base_columns
    ]

    @functools.cached_property
    def show_ordering_column(self):
        # Drag handles only for who may reorder: Wagtail shows them to everyone and then
        # refuses the move. Without them, the listing keeps the tree's (walking) order.
        return super().show_ordering_column and (
            self.parent_page.permissions_for_user(self.request.user).can_reorder_children()
        )

    @functools.cached_property
    def explorable_columns(self):
        # Bulk actions (publish and unpublish first) are for who may publish: an association's
        # editor, who may not, acts on one page at a time from its menu.
        columns = super().explorable_columns
        if self.permission_policy.user_has_permission(self.request.user, "publish"):
            return columns
        return [column for column in columns if column.name != "bulk_actions"]


class NetworkWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow decision from the dashboard or the listing, ending on what comes
    next (see NetworkEditView for the editor's own buttons)."""

    def post(self, request, *args, **kwargs):
        state_before = self.task_state.status
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != state_before:  # decided, not sent back with form errors
            next_steps.after_deciding(
                request, self.task_state.workflow_state.content_object, self.action_name
            )
        return response


class NetworkPageViewSet(PageViewSet):
    """Wagtail's views for every page type, each refusing ids of pages hidden from the user.

    Registered after Wagtail's own base page viewset, which it replaces for every page type;
    Wagtail routes all per-page admin URLs through it (PageViewSetRegistry.as_view)."""

    name = "network_pages"
    url_prefix = "network-pages"
    add_view_class = NetworkCreateView
    edit_view_class = NetworkEditView
    index_view_class = NetworkExplorableIndexView
    workflow_action_view_class = NetworkWorkflowActionView

    @functools.cached_property
    def guarded_views(self):
        return {name: guarded(view) for name, view in self.views.items()}

    def get_view_by_name(self, name):
        return self.guarded_views[name]


class WithoutForeignDrafts:
    """A page bulk action to which foreign drafts do not exist: neither listed (not even as
    "no access") nor acted on. Wagtail calls get_queryset on the instance, so it may see the
    request."""

    def get_queryset(self, model, object_ids):
        pages = without_foreign_drafts(model.objects.filter(pk__in=object_ids), self.request.user)
        # Specific pages, so that their admin title is the one the user may read (also for
        # the pages listed as "no access").
        return get_list_or_404(pages.specific(defer=True))

    def get_all_objects_in_listing_query(self, parent_id):
        if parent_id is not None:
            parent = Page.objects.filter(pk=parent_id).first()
            if parent is None or hidden_from(self.request.user, parent):
                raise Http404
        return super().get_all_objects_in_listing_query(parent_id)


def _without_foreign_drafts(action_class):
    return type(action_class.__name__, (WithoutForeignDrafts, action_class), {})


#: Registered after Wagtail's own (a later registration wins for the same action type).
PAGE_BULK_ACTIONS = [
    _without_foreign_drafts(action_class)
    for action_class in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
]


class NetworkPageBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            refuse_hidden_pages(request.user, [parent_page_id])
        return super().get(request, parent_page_id)


class NetworkPageChosenMultipleView(ChosenMultipleView):
    def get(self, request):
        visible = without_foreign_drafts(
            Page.objects.filter(pk__in=request.GET.getlist("id")), request.user
        ).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible])
        return super().get(request)


class NetworkSubmitPageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        refuse_hidden_pages(self.request.user, [self.kwargs["page_id"]])
        return super().get_object()


class NetworkPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page types report, for users who may see every page."""

    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) and sees_every_page(self.request.user)


#: The name of the page types report's entry in the reports menu (Wagtail's).
PAGE_TYPES_REPORT_MENU_NAME = "page-types-usage"


def _as_in_wagtail_admin(view):
    """``view`` decorated as wagtail.admin.urls decorates its own: admin access required, the
    admin's 404 page, never cached."""

    view = require_admin_access(view)

    @functools.wraps(view)
    def admin_view(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return never_cache(admin_view)


#: Admin views that name a page by id outside the page viewsets: the page chooser (Wagtail's
#: offers no hook for its parent page or its "chosen" answer) and "Translate"; and the page
#: types report (Wagtail's has no hook for who may read it). config.urls mounts these at
#: Wagtail's addresses, before Wagtail's admin. (The chooser's lists of children and search
#: results are filtered by a hook, see wagtail_hooks.)
admin_urlpatterns = [
    path(
        "choose-page/<int:parent_page_id>/",
        _as_in_wagtail_admin(NetworkPageBrowseView.as_view()),
    ),
    path(
        "choose-page/chosen-multiple/",
        _as_in_wagtail_admin(NetworkPageChosenMultipleView.as_view()),
    ),
    path(
        "translation/submit/page/<int:page_id>/",
        _as_in_wagtail_admin(NetworkSubmitPageTranslationView.as_view()),
    ),
    path(
        "reports/page-types-usage/",
        _as_in_wagtail_admin(NetworkPageTypesUsageReportView.as_view()),
    ),
    path(
        "reports/page-types-usage/results/",
        _as_in_wagtail_admin(NetworkPageTypesUsageReportView.as_view(results_only=True)),
    ),
]
