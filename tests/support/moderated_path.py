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


def submitted_stop(client, author, tour, title, slug):
    """A stop that ``author`` wrote and submitted through the admin: at the first step."""
    from admin_forms import stop_form

    from tours.models import TourStopPage

    client.force_login(author)
    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{tour.pk}/",
        stop_form(title, slug, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content[:2000]
    return TourStopPage.objects.get(slug=slug)


def decide(stop, user, action, comment=""):
    """The stop's current step decided by ``user`` ("approve", "reject"), as the admin does."""
    task_state = stop.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
