"""Moderation through the API, with exactly the admin's rules: an editor submits a draft to
its page's workflow; a reviewer lists the tasks waiting for them and approves or rejects with a
comment. Wagtail's workflow models do the work, so the audit log, notifications and the
dashboard see the same as after a click in the admin."""

import datetime
from typing import Literal

from ninja import Router, Schema
from pydantic import Field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.models import Page, TaskState, WorkflowState

from ..permissions import hidden_from
from .fields import ObjectId, page_detail_url
from .pages import get_object_or_404 as get_page_or_404

router = Router(tags=["moderation"], auth=BearerTokenAuth())

ERRORS = {401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail, 409: ProblemDetail}


class PageRef(Schema):
    id: int
    title: str
    type: str
    live: bool
    draft_url: str = Field(description="The draft in the API (with the same token).")


class TaskAction(Schema):
    name: Literal["approve", "reject"]
    label: str
    takes_comment: bool


class ModerationTask(Schema):
    """A step of a workflow waiting for the token's user."""

    id: int
    task: str
    workflow: str
    page: PageRef
    submitted_by: str
    submitted_at: datetime.datetime
    actions: list[TaskAction]


class WorkflowStep(Schema):
    task: str
    status: str
    status_label: str
    finished_by: str | None
    finished_at: datetime.datetime | None
    comment: str


class ModerationStatus(Schema):
    """Where a page stands in moderation, with the reviewers' comments."""

    page: PageRef
    workflow: str | None
    status: Literal["none", "in_progress", "approved", "needs_changes", "cancelled"]
    current_task: str | None
    can_submit: bool
    steps: list[WorkflowStep]


class Decision(Schema):
    comment: str = Field("", max_length=2000, description="Shown to the submitter.")


class Rejection(Schema):
    comment: str = Field(
        min_length=1, max_length=2000, description="What needs to change; shown to the submitter."
    )


def _person(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _page_ref(page):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return PageRef(
        id=page.pk,
        title=page.get_admin_display_title(),
        type=page.specific_class._meta.label,
        live=page.live,
        draft_url=page_detail_url(page.pk) + "?version=draft",
    )


def _editable_page(request, page_id):
    # Another association's draft answers like an id that does not exist.
    page = get_page_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied(gettext("Sie dürfen diese Seite nicht bearbeiten."))
    return page


def _status(page, user):
    state = page.current_workflow_state or page.workflow_states.order_by("created_at").last()
    perms = page.permissions_for_user(user)
    steps = []
    if state is not None:
        for task_state in state.task_states.select_related("task", "finished_by").order_by(
            "started_at", "pk"
        ):
            steps.append(
                WorkflowStep(
                    task=task_state.task.name,
                    status=task_state.status,
                    status_label=str(task_state.get_status_display()),
                    finished_by=_person(task_state.finished_by) or None,
                    finished_at=task_state.finished_at,
                    comment=task_state.get_comment(),
                )
            )
    return ModerationStatus(
        page=_page_ref(page),
        workflow=state.workflow.name if state else None,
        status=state.status if state else "none",
        current_task=state.current_task_state.task.name
        if state and state.current_task_state
        else None,
        can_submit=perms.can_edit() and perms.can_submit_for_moderation(),
        steps=steps,
    )


@router.get(
    "/pages/{page_id}/",
    response={200: ModerationStatus, **ERRORS},
    url_name="moderation_status",
    operation_id="moderation_page_status",
    summary="Where a page stands in moderation",
    description="For pages the token's user may edit: the workflow, its steps and the "
    "reviewers' comments.",
)
def moderation_status(request, page_id: ObjectId):
    return _status(_editable_page(request, page_id), request.user)


@router.post(
    "/pages/{page_id}/submit/",
    response={200: ModerationStatus, **ERRORS},
    url_name="moderation_submit",
    operation_id="moderation_submit",
    summary="Submit the latest draft of a page for moderation",
    description="As 'Submit for moderation' in the admin: starts the page's workflow, or "
    "resumes it after reviewers asked for changes. 409 when the page has no workflow or is "
    "already in moderation.",
)
def submit_for_moderation(request, page_id: ObjectId):
    page = _editable_page(request, page_id)
    perms = page.permissions_for_user(request.user)
    if not perms.can_submit_for_moderation():
        return problem_response(
            status=409,
            detail=gettext(
                "Die Seite kann gerade nicht eingereicht werden: sie ist gesperrt, schon in "
                "der Freigabe, oder für sie gilt kein Freigabeprozess."
            ),
        )
    with transaction.atomic():
        if page.latest_revision is None:
            page.save_revision(user=request.user, log_action=True)
        state = page.workflow_states.order_by("created_at").last()
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            page.get_workflow().start(page, request.user)
    page.refresh_from_db()
    return _status(page, request.user)


@router.get(
    "/tasks/",
    response={200: list[ModerationTask], 401: ProblemDetail},
    url_name="moderation_tasks",
    operation_id="moderation_tasks",
    summary="The moderation tasks waiting for the token's user",
)
def list_tasks(request):
    states = (
        TaskState.objects.reviewable_by(request.user)
        .select_related(
            "task", "revision", "workflow_state__workflow", "workflow_state__requested_by"
        )
        .order_by("started_at")
    )
    tasks = []
    for state in states:
        page = state.revision.content_object if state.revision else None
        if page is None:
            continue
        task = state.task.specific
        tasks.append(
            ModerationTask(
                id=state.pk,
                task=task.name,
                workflow=state.workflow_state.workflow.name,
                page=_page_ref(page),
                submitted_by=_person(state.workflow_state.requested_by),
                submitted_at=state.started_at,
                actions=[
                    TaskAction(name=name, label=str(label), takes_comment=modal)
                    for name, label, modal in task.get_actions(page, request.user)
                    if name in ("approve", "reject")
                ],
            )
        )
    # The same action may be offered with and without a comment; list each once.
    for task in tasks:
        seen = {}
        for action in task.actions:
            seen[action.name] = action if action.takes_comment else seen.get(action.name, action)
        task.actions = list(seen.values())
    return tasks


def _act(request, task_state_id, action, comment):
    task_state = get_object_or_404(TaskState.objects.select_related("task"), pk=task_state_id)
    page = task_state.revision.content_object if task_state.revision else None
    if page is not None and hidden_from(request.user, page):
        # A step on another association's draft answers like a step that does not exist.
        raise Http404(f"No {TaskState._meta.object_name} matches the given query.")
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return problem_response(
            status=409, detail=gettext("Dieser Schritt ist bereits abgeschlossen.")
        )
    if page is None:
        return problem_response(status=404, detail=gettext("Die Seite gibt es nicht mehr."))
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(page, request.user)}:
        raise PermissionDenied(gettext("Sie dürfen diesen Schritt nicht entscheiden."))
    with transaction.atomic():
        task.on_action(task_state.specific, request.user, action, comment=comment)
    page = Page.objects.get(pk=page.pk).specific
    return _status(page, request.user)


@router.post(
    "/tasks/{task_id}/approve/",
    response={200: ModerationStatus, **ERRORS},
    url_name="moderation_approve",
    operation_id="moderation_approve",
    summary="Approve a moderation task",
    description="The last approval publishes the page, as in the admin.",
)
def approve(request, task_id: ObjectId, decision: Decision | None = None):
    return _act(request, task_id, "approve", decision.comment if decision else "")


@router.post(
    "/tasks/{task_id}/reject/",
    response={200: ModerationStatus, **ERRORS, 422: ProblemDetail},
    url_name="moderation_reject",
    operation_id="moderation_reject",
    summary="Ask for changes, with a comment",
)
def reject(request, task_id: ObjectId, rejection: Rejection):
    return _act(request, task_id, "reject", rejection.comment)
