"""Error reports to ADMINS go through the outbox: a 500 never waits for a mail server, and the
report never makes things worse, least of all when the database is the trouble."""

import logging
import time
from unittest import mock

import pytest
from management import PRODUCTION_ENV, manage

from django.db import OperationalError, transaction

from outbox.error_reports import QueuedAdminEmailHandler
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_to_admins(settings):
    """A logger with the queued handler, as production configures Django's."""
    settings.ADMINS = ["betrieb@example.org"]
    logger = logging.getLogger("tests.outbox.errors")
    handler = QueuedAdminEmailHandler()
    logger.addHandler(handler)
    logger.propagate = False
    yield logger
    logger.removeHandler(handler)
    logger.propagate = True


def log_error(logger, error):
    try:
        raise error
    except Exception:
        logger.exception("Internal Server Error: /de/")


def test_an_error_report_is_queued_not_sent_while_the_server_stalls(
    report_to_admins, database_queue, deliver_through, stalled_smtp
):
    deliver_through(stalled_smtp.port, timeout=30)

    started = time.perf_counter()
    log_error(report_to_admins, RuntimeError("Missing staticfiles manifest entry"))
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    report = OutgoingMail.objects.get()
    assert report.to == ["betrieb@example.org"]
    assert "Internal Server Error: /de/" in report.subject
    assert "Missing staticfiles manifest entry" in report.body
    assert report.status == OutgoingMail.Status.QUEUED
    assert not stalled_smtp.connections


def test_no_report_is_queued_when_the_database_is_the_trouble(report_to_admins, caplog):
    def database_down():
        try:
            raise ConnectionRefusedError("connection refused")
        except ConnectionRefusedError as error:
            raise OperationalError("could not connect to server") from error

    try:
        database_down()
    except OperationalError:
        report_to_admins.exception("Internal Server Error: /de/")

    assert not OutgoingMail.objects.exists()
    assert "the database is unavailable" in caplog.text


def test_no_report_is_queued_into_a_transaction_that_already_failed(report_to_admins):
    with transaction.atomic():
        transaction.set_rollback(True)
        log_error(report_to_admins, RuntimeError("boom"))

    assert not OutgoingMail.objects.exists()


def test_the_report_never_raises_when_it_cannot_be_queued(report_to_admins, caplog):
    with mock.patch("outbox.tasks.queue", side_effect=OperationalError("disk full")):
        log_error(report_to_admins, RuntimeError("boom"))  # does not raise

    assert "could not be queued" in caplog.text


def test_production_sends_every_mail_and_error_report_through_the_outbox():
    code = (
        "import logging; from django.core.mail import mailers; "
        "handlers = logging.getLogger('django').handlers; "
        "print(sorted(type(h).__name__ for h in handlers)); "
        "print(type(mailers['default']).__name__); "
        "print(mailers['delivery'].timeout)"
    )
    result = manage(
        "shell",
        "-c",
        code,
        env={**PRODUCTION_ENV, "ADMINS": "betrieb@example.org", "EMAIL_TIMEOUT": "12"},
    )

    assert result.returncode == 0, result.stderr
    handlers, default_mailer, timeout = result.stdout.strip().splitlines()[-3:]
    assert handlers == "['QueuedAdminEmailHandler']"
    assert default_mailer == "QueuedBackend"
    assert timeout == "12"
