"""Walks pass a review by the responsible working group before the city's approval."""

from django.db import transaction

from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from home.moderation.workflow import ensure_city_approval_task
from tours.models import TourIndexPage

from .models import WorkingGroupReviewTask

TOUR_WORKFLOW_NAME = "Moderation von Rundgängen"
WORKING_GROUP_TASK_NAME = "Prüfung durch die Arbeitsgruppe"


@transaction.atomic
def ensure_tour_workflow():
    """Review by the working group, then approval by the city, for every walks section."""
    workflow, _created = Workflow.objects.get_or_create(name=TOUR_WORKFLOW_NAME)
    review = WorkingGroupReviewTask.objects.filter(name=WORKING_GROUP_TASK_NAME).first()
    if review is None:
        review = WorkingGroupReviewTask.objects.create(name=WORKING_GROUP_TASK_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=review, defaults={"sort_order": 0})
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=ensure_city_approval_task(), defaults={"sort_order": 1}
    )
    for index in TourIndexPage.objects.all():
        attach_tour_workflow(index, workflow)
    return workflow


def attach_tour_workflow(index, workflow=None):
    workflow = workflow or Workflow.objects.filter(name=TOUR_WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
