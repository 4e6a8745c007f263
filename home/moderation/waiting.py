"""What waits for the city's editors: new stories, new applications to join, waiting-list places
of coming meetings and moderation tasks, each with the admin list filtered to just those. The
dashboard counts them; the daily digest counts them and lists what came in since the last one."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import TaskState


@dataclass
class Waiting:
    """One kind of item waiting: its label, the items, where they are listed, and the field
    that says when an item came in."""

    label: str
    items: QuerySet
    list_url: str
    arrived_field: str = "created_at"

    def count(self):
        return self.items.count()

    def arrived(self, after, until):
        """The waiting items that came in after ``after`` (all, if None) up to ``until``."""
        items = self.items.filter(**{f"{self.arrived_field}__lte": until})
        if after is not None:
            items = items.filter(**{f"{self.arrived_field}__gt": after})
        return items.order_by(self.arrived_field)


def subject_of(item):
    """What an item is about, to link to: a moderation task is about its page."""
    if isinstance(item, TaskState):
        return item.workflow_state.content_object
    return item


def title_of(item):
    """An item's name; a moderation task's is the page's title as submitted, not the live one."""
    if isinstance(item, TaskState) and item.revision is not None:
        return item.revision.object_str
    return str(item)


def waiting_for(user):
    """Each kind of item waiting for ``user``, a city editor, in the dashboard's order."""
    from tours.models import StorySubmission

    from ..models import MeetingRegistration, MembershipApplication

    return [
        Waiting(
            _("Neue Geschichten"),
            StorySubmission.objects.filter(status=StorySubmission.Status.NEW),
            reverse("story_submissions:index") + "?status=new",
        ),
        Waiting(
            _("Neue Aufnahmeanträge"),
            MembershipApplication.objects.filter(status=MembershipApplication.Status.NEW),
            reverse("network_applications:index") + "?status=new",
        ),
        Waiting(
            _("Auf der Warteliste kommender Treffen"),
            MeetingRegistration.objects.filter(
                status=MeetingRegistration.Status.WAITLISTED, meeting__end__gte=timezone.now()
            ).select_related("meeting"),
            reverse("network_registrations:index") + "?status=waitlisted",
        ),
        Waiting(
            _("Seiten in Moderation"),
            TaskState.objects.reviewable_by(user).select_related("workflow_state", "revision"),
            # The queue on the dashboard: Wagtail names a panel's section "<id>-section".
            reverse("wagtailadmin_home") + "#moderation-queue-section",
            arrived_field="started_at",
        ),
    ]
