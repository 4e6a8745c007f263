"""What reviewers wrote, for e-mails and dashboards."""

from django import template

from wagtail.models import TaskState, WorkflowState

register = template.Library()


@register.simple_tag
def review_comments(obj):
    """The comments of the steps of the object's most recent workflow, in order."""
    if obj is None:
        return []
    workflow_state = WorkflowState.objects.for_instance(obj).order_by("-created_at").first()
    if workflow_state is None:
        return []
    states = (
        workflow_state.task_states.exclude(comment="")
        .filter(status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED])
        .select_related("task", "finished_by")
        .order_by("finished_at")
    )
    return [
        {
            "task": state.task.name,
            "reviewer": state.finished_by.get_full_name() or state.finished_by.get_username()
            if state.finished_by
            else "",
            "comment": state.comment,
        }
        for state in states
    ]
