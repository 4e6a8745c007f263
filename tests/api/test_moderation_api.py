"""The moderated path of the participation issue, entirely through the API with tokens: an
association's editor creates a stop as a draft and submits it; the working group and the city
list their tasks and decide with comments; the public sees the stop only after approval, and
the audit log names each actor."""

import pytest
from moderated_path import assert_each_step_is_logged_with_its_actor

from django.core import mail

from tours.models import TourStopPage

pytestmark = pytest.mark.django_db

NEW_STOP = "Neue Station: Die erste Pizzeria"


def new_stop_payload(tour, **fields):
    return {
        "meta": {"type": "tours.TourStopPage", "parent_id": tour.pk},
        "title": NEW_STOP,
        "slug": "erste-pizzeria",
        "teaser": "Wo 1971 die erste Pizza der Stadt gebacken wurde.",
        "latitude": "48.713500",
        "longitude": "9.003100",
        "story": [{"type": "paragraph", "value": "<p>Eine Geschichte über Teig.</p>"}],
        **fields,
    }


def tasks_of(client):
    response = client.get("/api/v3/moderation/tasks/")
    assert response.status_code == 200, response.content
    return response.json()


def task_for(client, page_id):
    return next((task for task in tasks_of(client) if task["page"]["id"] == page_id), None)


def public_outputs(client, tour):
    paths = [
        f"/api/v3/pages/{tour.pk}/",
        f"/api/v3/tours/{tour.pk}/stops/",
        f"/api/v3/tours/{tour.pk}/geojson/",
        f"/api/v3/tours/{tour.pk}/gpx/",
        "/api/v3/pages/?type=tours.TourStopPage&limit=100",
        "/api/v3/pages/?search=Pizzeria",
    ]
    return "".join(client.get(path).content.decode() for path in paths)


def test_a_stop_goes_from_api_draft_through_two_reviews_to_the_public(
    client, token_client, demo_tour, people
):
    author = token_client(people["author"])
    reviewer = token_client(people["reviewer"])
    other = token_client(people["other"])
    city = token_client(people["city"])

    # 1. The association's editor creates the stop as a draft.
    response = author.post("/api/v3/pages/", new_stop_payload(demo_tour))
    assert response.status_code == 201, response.content
    stop_id = response.json()["id"]
    stop = TourStopPage.objects.get(pk=stop_id)
    assert not stop.live
    assert NEW_STOP not in public_outputs(client, demo_tour)

    # They cannot publish it themselves.
    response = author.post(f"/api/v3/pages/{stop_id}/actions/publish/")
    assert response.status_code == 403
    assert not TourStopPage.objects.get(pk=stop_id).live

    # 2. They submit it; the working group's reviewer sees the task, the author does not.
    response = author.post(f"/api/v3/moderation/pages/{stop_id}/submit/")
    assert response.status_code == 200, response.content
    status = response.json()
    assert status["status"] == "in_progress"
    assert status["current_task"] == "Prüfung durch die Arbeitsgruppe"
    assert not status["can_submit"]
    assert any(people["reviewer"].email in message.to for message in mail.outbox)
    assert task_for(author, stop_id) is None
    assert task_for(other, stop_id) is None
    task = task_for(reviewer, stop_id)
    assert task is not None
    assert task["submitted_by"] == "autorin"
    assert {action["name"] for action in task["actions"]} == {"approve", "reject"}

    # Submitting twice is a conflict, not a second workflow.
    assert author.post(f"/api/v3/moderation/pages/{stop_id}/submit/").status_code == 409

    # Nobody outside the working group may decide: the author is refused, and to another
    # association the draft's step does not even exist.
    response = author.post(f"/api/v3/moderation/tasks/{task['id']}/approve/", {})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    response = other.post(f"/api/v3/moderation/tasks/{task['id']}/approve/", {})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"

    # 3. The working group approves with a comment.
    response = reviewer.post(
        f"/api/v3/moderation/tasks/{task['id']}/approve/", {"comment": "Schön erzählt."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["current_task"] == "Freigabe durch die Stadtredaktion"

    # 4. The city rejects with a comment; a rejection without one is refused.
    task = task_for(city, stop_id)
    response = city.post(f"/api/v3/moderation/tasks/{task['id']}/reject/", {"comment": ""})
    assert response.status_code == 422
    mail.outbox.clear()
    response = city.post(
        f"/api/v3/moderation/tasks/{task['id']}/reject/", {"comment": "Bitte die Adresse ergänzen."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "needs_changes"
    assert not TourStopPage.objects.get(pk=stop_id).live
    to_author = [m for m in mail.outbox if people["author"].email in m.to]
    assert to_author and "Bitte die Adresse ergänzen." in to_author[-1].body

    # Deciding again on a finished step is a conflict.
    response = city.post(f"/api/v3/moderation/tasks/{task['id']}/approve/", {})
    assert response.status_code == 409

    # 5. The author reads the comment, revises the draft and resubmits.
    status = author.get(f"/api/v3/moderation/pages/{stop_id}/").json()
    assert "Bitte die Adresse ergänzen." in [step["comment"] for step in status["steps"]]
    assert status["can_submit"]
    response = author.patch(f"/api/v3/pages/{stop_id}/", {"address": "Lange Straße 5"})
    assert response.status_code == 200, response.content
    draft = author.get(f"/api/v3/pages/{stop_id}/?version=draft").json()
    assert draft["address"] == "Lange Straße 5"
    response = author.post(f"/api/v3/moderation/pages/{stop_id}/submit/")
    assert response.status_code == 200, response.content

    # 6. The remaining reviews approve; the last one publishes.
    mail.outbox.clear()
    for decider in (reviewer, city):
        task = task_for(decider, stop_id)
        if task is None:
            continue
        response = decider.post(
            f"/api/v3/moderation/tasks/{task['id']}/approve/", {"comment": "Danke, jetzt passt es."}
        )
        assert response.status_code == 200, response.content
    stop = TourStopPage.objects.get(pk=stop_id)
    assert stop.live
    assert stop.address == "Lange Straße 5"
    assert NEW_STOP in public_outputs(client, demo_tour)
    assert client.get(f"/api/v3/pages/{stop_id}/").json()["address"] == "Lange Straße 5"

    # The audit log names each actor.
    assert_each_step_is_logged_with_its_actor(stop)


def test_bad_drafts_are_refused_with_field_errors_and_store_nothing(
    token_client, demo_tour, people
):
    author = token_client(people["author"])
    count = TourStopPage.objects.count()
    # Latitude and longitude swapped: outside the region, as in the admin.
    response = author.post(
        "/api/v3/pages/", new_stop_payload(demo_tour, latitude="9.003100", longitude="48.713500")
    )
    assert response.status_code == 422, response.content
    body = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert any("latitude" in error["loc"] for error in body["errors"]), body
    assert TourStopPage.objects.count() == count


def test_an_editor_cannot_create_pages_outside_their_reach(token_client, home, people):
    author = token_client(people["author"])
    response = author.post(
        "/api/v3/pages/",
        {"meta": {"type": "home.StandardPage", "parent_id": home.pk}, "title": "Impressum 2"},
    )
    assert response.status_code == 403


def test_moderation_needs_a_token(client, demo_tour):
    for path in ("/api/v3/moderation/tasks/", f"/api/v3/moderation/pages/{demo_tour.pk}/"):
        response = client.get(path)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"


def test_editors_see_the_moderation_status_of_their_own_pages_only(token_client, demo_tour, people):
    other = token_client(people["other"])
    assert other.get(f"/api/v3/moderation/pages/{demo_tour.pk}/").status_code == 403
    city = token_client(people["city"])
    status = city.get(f"/api/v3/moderation/pages/{demo_tour.pk}/").json()
    assert status["page"]["id"] == demo_tour.pk
