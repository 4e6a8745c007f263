"""A failed delivery is tried again with backoff; after the last try the city editors see it in
the admin (Berichte › Nicht zugestellte E-Mails) and may send it again. Nobody else sees it."""

import datetime
import smtplib
from unittest import mock

import pytest
from django_tasks_db.models import DBTaskResult
from mail_servers import free_port, recording_smtp_server, work_off_the_queue
from network_users import make_city_editor, make_editor_of

from django.core.mail import send_mail
from django.utils import timezone

from outbox.models import OutgoingMail
from outbox.tasks import deliver_mail, is_permanent

pytestmark = pytest.mark.django_db

REPORT = "/admin/nicht-zugestellte-emails/"


@pytest.fixture
def failed_mail(database_queue, deliver_through, settings):
    """A message whose every try met a mail server that refuses connections."""
    settings.OUTBOX_RETRY_DELAYS = (0, 0)  # two retries, due at once
    deliver_through(free_port(), timeout=0.5)  # nobody listens there
    send_mail("Einladung: Redaktion für Circolo", "Ihr Link …", None, ["ziel@example.org"])
    work_off_the_queue()
    return OutgoingMail.objects.get()


def test_a_failed_delivery_is_retried_and_then_marked_failed(failed_mail):
    assert failed_mail.status == OutgoingMail.Status.FAILED
    assert failed_mail.attempts == 3  # the first try and two retries
    assert "ConnectionRefusedError" in failed_mail.last_error
    assert failed_mail.last_attempt_at is not None


def test_retries_wait_longer_each_time(database_queue, deliver_through, settings):
    settings.OUTBOX_RETRY_DELAYS = (60, 600)
    deliver_through(free_port(), timeout=0.5)
    send_mail("Betreff", "Text", None, ["ziel@example.org"])

    waits = []
    for _attempt in range(2):
        work_off_the_queue()
        queued = OutgoingMail.objects.get()
        assert queued.status == OutgoingMail.Status.QUEUED
        waits.append(queued.next_attempt_at - queued.last_attempt_at)
        work_off_the_queue()  # nothing is due yet: nothing happens
        assert OutgoingMail.objects.get().attempts == queued.attempts
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())

    assert datetime.timedelta(seconds=59) < waits[0] < datetime.timedelta(seconds=61)
    assert datetime.timedelta(seconds=599) < waits[1] < datetime.timedelta(seconds=601)
    work_off_the_queue()
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.FAILED


def test_a_refusal_for_good_is_not_tried_again(database_queue):
    send_mail("Betreff", "Text", None, ["niemand@example.org"])
    refusal = smtplib.SMTPRecipientsRefused({"niemand@example.org": (550, b"No such user")})

    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = refusal
        work_off_the_queue()

    mail = OutgoingMail.objects.get()
    assert mail.status == OutgoingMail.Status.FAILED
    assert mail.attempts == 1
    assert "550" in mail.last_error


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (TimeoutError("timed out"), False),
        (ConnectionRefusedError(111, "Connection refused"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (smtplib.SMTPResponseException(451, b"try again later"), False),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"greylisted")}), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"unknown")}), True),
        (smtplib.SMTPDataError(554, b"rejected as spam"), True),
        (ValueError("Header values may not contain linefeed"), True),
    ],
)
def test_what_another_try_can_mend(error, permanent):
    assert is_permanent(error) is permanent


def test_a_mail_delivered_meanwhile_is_not_sent_twice(database_queue):
    send_mail("Betreff", "Text", None, ["ziel@example.org"])
    mail = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.SENDING)

    assert deliver_mail.call(mail.pk) == "gone"


def test_the_city_sees_what_failed_and_sends_it_again(client, failed_mail, deliver_through):
    client.force_login(make_city_editor())

    assert "Nicht zugestellte E-Mails" in client.get("/admin/").content.decode()  # in the menu
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    for shown in (
        "ziel@example.org",
        "Einladung: Redaktion für Circolo",
        "ConnectionRefusedError",
        "Nicht zugestellt",
        "Erneut senden",
    ):
        assert shown in page

    with recording_smtp_server() as (port, received):
        deliver_through(port)
        response = client.post(f"{REPORT}{failed_mail.pk}/retry/")
        assert response.status_code == 302
        failed_mail.refresh_from_db()
        assert failed_mail.status == OutgoingMail.Status.QUEUED
        assert failed_mail.attempts == 0  # a fresh round of tries
        work_off_the_queue()

    assert [item["to"] for item in received] == [["ziel@example.org"]]
    assert not OutgoingMail.objects.exists()
    assert "ziel@example.org" not in client.get(REPORT).content.decode()


def test_an_association_editor_neither_sees_nor_retries_undelivered_mail(client, failed_mail):
    client.force_login(make_editor_of("kulturbruecke-anatolien"))

    assert "Nicht zugestellte E-Mails" not in client.get("/admin/").content.decode()
    for response in (client.get(REPORT), client.get(f"{REPORT}results/")):
        # Refused as Wagtail refuses any area of the admin: back to the dashboard.
        assert response.status_code in (302, 403)
        assert "ziel@example.org" not in response.content.decode()
    response = client.post(f"{REPORT}{failed_mail.pk}/retry/")
    assert response.status_code in (302, 403)
    failed_mail.refresh_from_db()
    assert failed_mail.status == OutgoingMail.Status.FAILED


def test_retrying_a_mail_that_is_not_there_is_a_404(client, database_queue):
    client.force_login(make_city_editor())

    assert client.post(f"{REPORT}999999/retry/").status_code == 404
    assert client.get(f"{REPORT}999999/retry/").status_code == 405
