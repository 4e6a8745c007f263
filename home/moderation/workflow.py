"""Moderation by the city: the workflow every page of the network passes before it is published,
and the notices around it that Wagtail's stock e-mails leave out."""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import (
    AbstractPage,
    GroupApprovalTask,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..roles import ensure_city_editors_group

CITY_WORKFLOW_NAME = "Moderation durch die Stadt"
CITY_TASK_NAME = "Freigabe durch die Stadtredaktion"


@transaction.atomic
def ensure_city_approval_task():
    task = GroupApprovalTask.objects.filter(name=CITY_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=CITY_TASK_NAME)
    task.groups.add(ensure_city_editors_group())
    return task


@transaction.atomic
def ensure_city_workflow():
    """One workflow for the whole network, attached to the tree root (every language)."""
    workflow, _created = Workflow.objects.get_or_create(name=CITY_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=ensure_city_approval_task(), defaults={"sort_order": 0}
    )
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's starter workflow ("Moderators approval") would otherwise linger in the list.
    Workflow.objects.exclude(pk=workflow.pk).filter(
        workflow_pages__isnull=True, name="Moderators approval"
    ).update(active=False)
    return workflow


def reviewers_of(task_state):
    """Everyone who could review a task state: a group task's groups, or a task's own rule."""
    task = task_state.task.specific
    obj = task_state.workflow_state.content_object
    if hasattr(task, "reviewers_for"):
        return set(task.reviewers_for(obj))
    if hasattr(task, "groups"):
        return set(get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True))
    return set()


class EarlierReviewersRejectionNotifier(EmailNotificationMixin, Notifier):
    """When a later step rejects, the reviewers of the steps already passed hear of it too,
    with the comment: they approved something that now comes back."""

    notification = "rejected"  # honours the users' "rejected" e-mail preference

    def __init__(self):
        super().__init__((TaskState,))

    def get_template_set(self, instance, **kwargs):
        base = "emails/rejected_after_your_review"
        return {"subject": f"{base}_subject.txt", "text": f"{base}.txt", "html": f"{base}.html"}

    def earlier_task_states(self, task_state):
        return (
            task_state.workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .exclude(pk=task_state.pk)
            .select_related("task", "finished_by")
        )

    def get_recipient_users(self, task_state, **kwargs):
        triggering_user = kwargs.get("user")
        recipients = set()
        for earlier in self.earlier_task_states(task_state):
            recipients |= reviewers_of(earlier)
            if earlier.finished_by:
                recipients.add(earlier.finished_by)
        recipients.discard(triggering_user)
        recipients.discard(task_state.workflow_state.requested_by)  # told by Wagtail already
        return recipients

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        obj = task_state.workflow_state.content_object
        context.update(
            task=task_state.task.specific,
            task_state=task_state,
            comment=task_state.get_comment(),
            object=obj,
            page=obj.specific if isinstance(obj, AbstractPage) else None,
            rejected_by=kwargs.get("user"),
        )
        return context


earlier_reviewers_rejection_notifier = EarlierReviewersRejectionNotifier()
