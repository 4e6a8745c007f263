"""What the moderated path leaves behind, whichever way it was walked (admin or API)."""

from wagtail.models import PageLogEntry, TaskState


def assert_each_step_is_logged_with_its_actor(stop):
    log = set(PageLogEntry.objects.filter(page=stop).values_list("action", "user__username"))
    assert ("wagtail.create", "autorin") in log
    assert ("wagtail.workflow.start", "autorin") in log
    assert ("wagtail.workflow.approve", "pruefer") in log
    assert ("wagtail.workflow.reject", "stadtredaktion") in log
    assert ("wagtail.workflow.approve", "stadtredaktion") in log
    assert ("wagtail.publish", "stadtredaktion") in log
    assert TaskState.objects.filter(comment="Bitte die Adresse ergänzen.").exists()
