"""A workflow step decided twice at once: Wagtail's autosave posts the edit form with the hidden
inputs a workflow button has left in it, and two requests may decide the same step. Neither
may be a 500 nor a second decision."""

from unittest import mock

import pytest
from admin_forms import stop_form
from moderated_path import decide, submitted_stop

from django.contrib.messages import get_messages

from wagtail.models import PageLogEntry

from home.admin_pages import NetworkEditView

pytestmark = pytest.mark.django_db

TITLE = "Neue Station: Der erste Obststand"
AT_THE_WORKING_GROUP = "Prüfung durch die Arbeitsgruppe"
AT_THE_CITY = "Freigabe durch die Stadtredaktion"


@pytest.fixture
def stop_at_the_city(client, demo_tour, people):
    stop = submitted_stop(client, people["author"], demo_tour, TITLE, "erster-obststand")
    decide(stop, people["reviewer"], "approve")
    assert stop.current_workflow_task.name == AT_THE_CITY
    return stop


def edit_with_workflow_button(client, stop, action, **headers):
    return client.post(
        f"/admin/pages/{stop.pk}/edit/",
        stop_form(
            TITLE,
            "erster-obststand",
            **{"action-workflow-action": "true", "workflow-action-name": action},
        ),
        **headers,
    )


def decisions(stop):
    return set(
        PageLogEntry.objects.filter(page=stop, action__startswith="wagtail.workflow.")
        .exclude(action="wagtail.workflow.start")
        .values_list("action", "user__username")
    )


def test_an_autosave_carrying_a_workflow_button_only_saves_the_draft(
    client, stop_at_the_city, people
):
    client.force_login(people["city"])

    response = edit_with_workflow_button(
        client, stop_at_the_city, "approve", HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    stop_at_the_city.refresh_from_db()
    assert not stop_at_the_city.live
    assert stop_at_the_city.current_workflow_task.name == AT_THE_CITY
    assert decisions(stop_at_the_city) == {("wagtail.workflow.approve", "pruefer")}


def test_a_step_decided_meanwhile_is_a_message_not_an_error(client, stop_at_the_city, people):
    colleague = people["city"].__class__.objects.create_user(
        "stadtredaktion-2", "stadt2@example.org", "x"
    )
    colleague.groups.set(people["city"].groups.all())
    checked = []
    check = NetworkEditView.workflow_action_is_valid

    def a_colleague_decides_just_after_the_check(view):
        valid = check(view)
        if not checked:
            checked.append(valid)
            # The colleague's request, a moment faster, asks for changes.
            task_state = view.page.current_workflow_task_state
            task_state.task.specific.on_action(task_state, colleague, "reject")
        return valid

    client.force_login(people["city"])
    with mock.patch.object(
        NetworkEditView,
        "workflow_action_is_valid",
        autospec=True,
        side_effect=a_colleague_decides_just_after_the_check,
    ):
        response = edit_with_workflow_button(client, stop_at_the_city, "approve")

    assert checked == [True]
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{stop_at_the_city.pk}/edit/"
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert told[-1] == "Dieser Schritt ist schon entschieden. Hier sehen Sie den neuen Stand."
    stop_at_the_city.refresh_from_db()
    assert not stop_at_the_city.live
    assert decisions(stop_at_the_city) == {
        ("wagtail.workflow.approve", "pruefer"),
        ("wagtail.workflow.reject", "stadtredaktion-2"),
    }
