"""The walks' review step: set up with the network, attached to new walks sections, and the
working group told when something waits for it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from home.roles import association_groups_of
from home.signals import network_setup
from tours.models import TourIndexPage, TourPage

from .models import WorkingGroupReviewTask
from .moderation import attach_tour_workflow, ensure_tour_workflow


@receiver(network_setup)
def set_up_tour_workflow(sender, **kwargs):
    ensure_tour_workflow()


@receiver(post_save, sender=TourIndexPage)
def new_walks_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_tour_workflow(instance)


def submitting_associations(page, submitter):
    """The associations the work comes from: those credited on the page, else the submitter's."""
    credited = getattr(page, "contributing_associations", None)
    names = [association.title for association in credited.all()] if credited is not None else []
    if not names and submitter is not None:
        groups = association_groups_of(submitter).select_related("association_link__association")
        names = [group.association_link.association.title for group in groups]
    return names


class WorkingGroupSubmissionNotifier(EmailNotificationMixin, Notifier):
    """Tells the working group's reviewers that a walk or stop waits for their review: which
    one, on which walk, from whom and which association (Wagtail's mail names only the page)."""

    notification = "submitted"
    # Wagtail's own mail, extended (templates/projects/notifications/).
    template_directory = "projects/notifications/"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, WorkingGroupReviewTask
        )

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        obj = task_state.workflow_state.content_object
        page = obj.specific
        submitter = task_state.workflow_state.requested_by
        context.update(
            task=task_state.task.specific,
            object=obj,
            model_name=obj._meta.verbose_name,
            page=page,
            walk=page if isinstance(page, TourPage) else page.get_parent().specific,
            submitted_by=(submitter.get_full_name() or submitter.get_username())
            if submitter
            else "",
            associations=submitting_associations(page, submitter),
        )
        return context

    def get_recipient_users(self, task_state, **kwargs):
        reviewers = set(
            task_state.task.specific.reviewers_for(task_state.workflow_state.content_object)
        )
        reviewers.discard(kwargs.get("user"))
        return reviewers


working_group_submission_notifier = WorkingGroupSubmissionNotifier()


@receiver(task_submitted, sender=TaskState)
def tell_working_group(sender, instance, user=None, **kwargs):
    working_group_submission_notifier(instance, user=user)
