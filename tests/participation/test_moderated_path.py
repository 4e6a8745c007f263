"""The whole moderated path, through the admin with Django's test client: an association's
editor writes a stop, the working group reviews, the city rejects with a comment, the editor
revises, the city approves; the public sees it only then; e-mails and the audit log follow."""

import pytest
from admin_forms import stop_form
from moderated_path import assert_each_step_is_logged_with_its_actor

from django.core import mail

from wagtail.models import TaskState

from tours.models import TourStopPage

pytestmark = pytest.mark.django_db

NEW_STOP = "Neue Station: Die erste Pizzeria"


def as_user(client, user):
    client.force_login(user)
    return client


def workflow_action(client, stop, action, comment=""):
    task_state = stop.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{stop.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def assert_refused(client, stop, action):
    """The admin refuses (redirecting with a message) and the step stays where it was."""
    task_state = stop.current_workflow_task_state
    response = workflow_action(client, stop, action)
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def public_outputs(client, tour):
    return "".join(
        client.get(f"{tour.url}{suffix}").content.decode()
        for suffix in ("", "geojson/", "gpx/", "druck/")
    )


def test_a_stop_goes_from_draft_through_two_reviews_to_the_public(client, demo_tour, people):
    # 1. The association's editor writes a stop and submits it.
    as_user(client, people["author"])
    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form(NEW_STOP, "erste-pizzeria", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content[:3000]
    stop = TourStopPage.objects.get(slug="erste-pizzeria")
    assert not stop.live
    assert stop.current_workflow_task.name == "Prüfung durch die Arbeitsgruppe"
    assert NEW_STOP not in public_outputs(client.__class__(), demo_tour)
    # The working group's reviewer is told; the author is not asked to review their own work.
    assert any(people["reviewer"].email in message.to for message in mail.outbox)
    assert_refused(client, stop, "approve")

    # 2. The working group approves.
    mail.outbox.clear()
    as_user(client, people["reviewer"])
    assert workflow_action(client, stop, "approve", "Schön erzählt.").status_code == 302
    stop.refresh_from_db()
    assert stop.current_workflow_task.name == "Freigabe durch die Stadtredaktion"

    # Another association's editor cannot act on it: to them, the draft does not exist.
    as_user(client, people["other"])
    task_state = stop.current_workflow_task_state
    assert workflow_action(client, stop, "approve").status_code == 404
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # 3. The city rejects with a comment.
    as_user(client, people["city"])
    response = workflow_action(client, stop, "reject", "Bitte die Adresse ergänzen.")
    assert response.status_code == 302
    stop.refresh_from_db()
    assert not stop.live
    to_author = [m for m in mail.outbox if people["author"].email in m.to]
    assert to_author and "Bitte die Adresse ergänzen." in to_author[-1].body
    to_reviewer = [m for m in mail.outbox if people["reviewer"].email in m.to]
    assert to_reviewer, "the earlier step's reviewer hears of the rejection"
    assert "Bitte die Adresse ergänzen." in to_reviewer[-1].body

    # 4. The author sees the comment on their dashboard, revises and resubmits.
    as_user(client, people["author"])
    dashboard = client.get("/admin/").content.decode()
    assert NEW_STOP in dashboard
    assert "Bitte die Adresse ergänzen." in dashboard
    response = client.post(
        f"/admin/pages/{stop.pk}/edit/",
        stop_form(NEW_STOP, "erste-pizzeria", **{"action-submit": "submit"})
        | {"address": "Lange Straße 5"},
    )
    assert response.status_code == 302, response.content[:3000]
    stop.refresh_from_db()
    assert stop.current_workflow_task is not None

    # 5. The city approves (after the working group, if the resubmission starts over).
    mail.outbox.clear()
    if stop.current_workflow_task.name == "Prüfung durch die Arbeitsgruppe":
        as_user(client, people["reviewer"])
        workflow_action(client, stop, "approve")
        stop.refresh_from_db()
    as_user(client, people["city"])
    assert workflow_action(client, stop, "approve", "Danke, jetzt passt es.").status_code == 302
    stop.refresh_from_db()
    assert stop.live
    assert stop.address == "Lange Straße 5"

    # The public sees it everywhere now.
    outputs = public_outputs(client.__class__(), demo_tour)
    assert NEW_STOP in outputs
    assert client.__class__().get(stop.url).status_code == 200
    approval = [m for m in mail.outbox if people["author"].email in m.to]
    assert approval and "Danke, jetzt passt es." in approval[-1].body

    # Each step is in the audit log with its actor.
    assert_each_step_is_logged_with_its_actor(stop)


def test_the_working_group_is_told_which_stop_of_which_walk_from_which_association(
    client, demo_tour, people, settings
):
    from moderated_path import submitted_stop

    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    mail.outbox.clear()
    submitted_stop(client, people["author"], demo_tour, "Die erste Eisdiele", "erste-eisdiele")

    [to_reviewer] = [m for m in mail.outbox if people["reviewer"].email in m.to]
    assert to_reviewer.subject == (
        "Zur Prüfung: Station „Die erste Eisdiele“ (Ankommen in Sindelfingen) "
        "– Kulturbrücke Anatolien e. V."
    )
    assert "Die Station „Die erste Eisdiele“ des Rundgangs „Ankommen in Sindelfingen“" in (
        to_reviewer.body
    )
    assert "Eingereicht von: autorin (Kulturbrücke Anatolien e. V.)" in to_reviewer.body
    assert "Freigeben schickt es weiter an die Stadtredaktion" in to_reviewer.body
    html = to_reviewer.alternatives[0][0]
    assert "Eingereicht von:" in html and "Kulturbrücke Anatolien e. V." in html


def test_each_step_ends_saying_what_comes_next(client, demo_tour, people):
    from moderated_path import submitted_stop

    as_user(client, people["author"])
    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form("Ein Entwurf", "ein-entwurf"),
        follow=True,
    )
    assert "noch nicht eingereicht" in response.content.decode()

    stop = submitted_stop(client, people["author"], demo_tour, "Die Eisdiele", "die-eisdiele")
    page = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()
    assert "Wie es weitergeht: Jetzt ist „Prüfung durch die Arbeitsgruppe“ dran." in page

    as_user(client, people["reviewer"])
    workflow_action(client, stop, "approve")
    page = client.get("/admin/").content.decode()
    assert "Freigegeben. Weiter geht es mit „Freigabe durch die Stadtredaktion“." in page

    as_user(client, people["city"])
    workflow_action(client, TourStopPage.objects.get(pk=stop.pk), "reject", "Welches Jahr?")
    page = client.get("/admin/").content.decode()
    assert "Änderungen erbeten: autorin sieht Ihren Kommentar auf der Startseite" in page

    as_user(client, people["author"])
    response = client.post(
        f"/admin/pages/{stop.pk}/edit/",
        stop_form("Die Eisdiele", "die-eisdiele", **{"action-restart-workflow": "true"}),
        follow=True,
    )
    assert "Wie es weitergeht: Jetzt ist „Prüfung durch die Arbeitsgruppe“ dran." in (
        response.content.decode()
    )

    as_user(client, people["reviewer"])
    workflow_action(client, TourStopPage.objects.get(pk=stop.pk), "approve")
    as_user(client, people["city"])
    workflow_action(client, TourStopPage.objects.get(pk=stop.pk), "approve")
    page = client.get("/admin/").content.decode()
    assert "Freigegeben und veröffentlicht: Die Seite ist jetzt öffentlich." in page
    assert TourStopPage.objects.get(pk=stop.pk).live
