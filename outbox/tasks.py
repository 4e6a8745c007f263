"""Delivering stored mail in the background, with retries."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import InvalidMailer, MailerDoesNotExist, mailers
from django.db import transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone

from .models import STALE_AFTER, OutgoingMail

logger = logging.getLogger("outbox")

# The TASKS alias mail is delivered on: the database backend in development and production
# (worked off by `manage.py db_worker --backend background`), at once in tests.
TASK_BACKEND = "background"
# The MAILERS alias that really sends (SMTP in production, the console in development).
DELIVERY_MAILER = "delivery"
# Seconds to wait after the first, second … failed attempt; one attempt more than delays.
DEFAULT_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)


def queue(message, mailer=DELIVERY_MAILER):
    """Store a Django EmailMessage and enqueue its delivery through ``mailer``; returns the
    OutgoingMail. A header the message cannot carry raises here, for its sender to hear."""
    mail = OutgoingMail.from_message(message, mailer)
    mail.to_message().message()  # what the worker will send, checked now
    with transaction.atomic():
        # With the database backend, the task is written in the same transaction as the mail:
        # both are there, or neither.
        mail.save()
        _enqueue(mail.pk)
    return mail


@task(backend=TASK_BACKEND)
def deliver_mail(mail_id):
    """Send one stored message; delete it once the mail server took it, otherwise try again
    later (or, after the last try, leave it for the city editors' report). Never raises for
    what the mail server does: the outcome is on the record."""
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).update(
        status=OutgoingMail.Status.SENDING,
        attempts=F("attempts") + 1,
        last_attempt_at=timezone.now(),
        next_attempt_at=None,
    )
    if not claimed:
        return "gone"  # delivered or taken by another worker meanwhile
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        with mailers[mail.mailer] as connection:
            connection.send_messages([mail.to_message()])
    except Exception as error:
        return _failed(mail, error)
    mail.delete()
    return "sent"


def retry(mail_id):
    """Try a failed (or abandoned) message again, with a fresh round of attempts; False if it
    is not one to retry (delivered, or waiting anyway)."""
    with transaction.atomic():
        restarted = (
            OutgoingMail.objects.filter(pk=mail_id)
            .filter(
                Q(status=OutgoingMail.Status.FAILED)
                | Q(
                    status=OutgoingMail.Status.SENDING,
                    last_attempt_at__lt=timezone.now() - STALE_AFTER,
                )
            )
            .update(status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=None)
        )
        if restarted:
            _enqueue(mail_id)
    return bool(restarted)


def retry_delays():
    return tuple(getattr(settings, "OUTBOX_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def _enqueue(mail_id, when=None):
    delivery = deliver_mail
    # The immediate backend (tests) cannot wait: it tries again at once.
    if when is not None and delivery.get_backend().supports_defer:
        delivery = delivery.using(run_after=when)
    delivery.enqueue(mail_id)


def _failed(mail, error):
    delays = retry_delays()
    mail.last_error = describe(error)
    permanent = is_permanent(error)
    logger.warning(
        "Mail %s not delivered (attempt %d%s): %s",
        mail.pk,
        mail.attempts,
        ", permanent" if permanent else "",
        type(error).__name__,
    )
    if permanent or mail.attempts > len(delays):
        mail.status = OutgoingMail.Status.FAILED
        mail.save(update_fields=["status", "last_error"])
        return "failed"
    mail.status = OutgoingMail.Status.QUEUED
    mail.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delays[mail.attempts - 1])
    with transaction.atomic():
        mail.save(update_fields=["status", "last_error", "next_attempt_at"])
        _enqueue(mail.pk, mail.next_attempt_at)
    return "retrying"


def describe(error):
    text = str(error).strip()
    return f"{type(error).__name__}: {text}"[:2000] if text else type(error).__name__


def is_permanent(error):
    """What trying again cannot mend: the server refused the message or its addresses for
    good (5xx), or the message cannot be sent as it is. Timeouts, lost connections, a server
    that is busy (4xx), turns us away at the door or refuses our login (its configuration)
    are worth another try."""
    if isinstance(error, (smtplib.SMTPAuthenticationError, smtplib.SMTPConnectError)):
        return False
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return isinstance(error, (ValueError, InvalidMailer, MailerDoesNotExist))
