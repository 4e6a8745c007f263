"""A form is acknowledged at once whatever the mail server does; its mail goes out when the
server answers again."""

import time

import pytest
from django_tasks_db.models import DBTaskResult
from mail_servers import recording_smtp_server, work_off_the_queue
from network_users import make_city_editor
from public_forms import application_data, registration_data, story_data

from django.utils import timezone

from home.models import MeetingPage, MeetingRegistration, MembershipApplication
from outbox.models import OutgoingMail
from tours.models import StoryFormPage, StorySubmission

pytestmark = pytest.mark.django_db

# Generous for a loaded test machine; a request that waited for the stalled server would take
# at least the mailer's timeout (5 s here, 30 s and more without one).
ACKNOWLEDGED_WITHIN = 1.0


def submit_story(client):
    page = StoryFormPage.objects.get(locale__language_code="de")
    response = client.post(page.url, story_data())
    assert StorySubmission.objects.filter(title=story_data()["title"]).exists()
    return response


def register_for_meeting(client):
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    response = client.post(f"{meeting.url}anmelden/", registration_data())
    assert MeetingRegistration.objects.filter(email="pat@example.org").exists()
    return response


def apply_to_join(client):
    response = client.post("/de/mitmachen/", application_data())
    assert MembershipApplication.objects.filter(email="alex@example.org").exists()
    return response


@pytest.mark.parametrize(
    ("submit", "recipient"),
    [
        (submit_story, "stadtredaktion@example.org"),  # the city hears of a new story
        (register_for_meeting, "pat@example.org"),  # the registrant gets a confirmation
        (apply_to_join, "stadtredaktion@example.org"),  # the city hears of an application
    ],
    ids=["story", "meeting registration", "application"],
)
def test_a_form_is_acknowledged_at_once_and_its_mail_arrives_when_the_server_answers(
    client, database_queue, deliver_through, stalled_smtp, submit, recipient
):
    make_city_editor()
    deliver_through(stalled_smtp.port, timeout=0.5)

    started = time.perf_counter()
    response = submit(client)
    elapsed = time.perf_counter() - started

    assert response.status_code == 302
    assert elapsed < ACKNOWLEDGED_WITHIN, f"acknowledged after {elapsed:.2f} s"
    [mail] = [mail for mail in OutgoingMail.objects.all() if recipient in mail.to]
    assert mail.status == OutgoingMail.Status.QUEUED and mail.attempts == 0
    assert DBTaskResult.objects.ready().filter(backend_name="background").exists()
    assert not stalled_smtp.connections, "the request never talked to the mail server"

    # The worker tries: the server takes the connection and says nothing; the try times out
    # and another is planned for later.
    work_off_the_queue()
    mail.refresh_from_db()
    assert stalled_smtp.connections
    assert mail.status == OutgoingMail.Status.QUEUED
    assert mail.attempts == 1
    assert "TimeoutError" in mail.last_error or "timed out" in mail.last_error
    assert mail.next_attempt_at > timezone.now()

    # The server answers again, and the time for the next try has come.
    with recording_smtp_server() as (port, received):
        deliver_through(port)
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        work_off_the_queue()

    delivered = [item for item in received if recipient in item["to"]]
    assert len(delivered) == 1
    assert delivered[0]["message"]["Subject"] == mail.subject
    assert not OutgoingMail.objects.filter(pk=mail.pk).exists(), "delivered mail is not kept"
