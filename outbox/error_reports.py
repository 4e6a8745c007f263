"""Error reports to ADMINS through the outbox, so that no request waits for a mail server.

Django's AdminEmailHandler sends each report on the spot: with a stalled mail server, every
500 holds its worker for as long as the server keeps it. This handler stores the report for
the background worker instead, and it never raises. When the database itself is the trouble
(the error came from it, or its connection is unusable), the report is not queued either: it
stays in the log, where the record goes anyway.
"""

import logging
import threading

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils.log import AdminEmailHandler

logger = logging.getLogger("outbox")

# Errors of database drivers that reach us without Django's wrapping.
DRIVER_ERROR_MODULES = ("psycopg", "psycopg2", "sqlite3")


def caused_by_database(error):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, DatabaseError):
            return True
        if type(error).__module__.split(".")[0] in DRIVER_ERROR_MODULES:
            return True
        error = error.__cause__ or error.__context__
    return False


def database_usable(alias=DEFAULT_DB_ALIAS):
    """Whether writing to the database can be tried without waiting on a known problem: the
    connection is not in a transaction that already failed."""
    connection = connections[alias]
    return not (connection.in_atomic_block and connection.needs_rollback)


class QueuedAdminEmailHandler(AdminEmailHandler):
    """AdminEmailHandler that queues its mail in the outbox (see outbox.tasks)."""

    _busy = threading.local()

    def __init__(self, *args, delivery=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.delivery = delivery

    def emit(self, record):
        if not settings.ADMINS:
            return
        if getattr(self._busy, "active", False) or record.name.split(".")[0] == "outbox":
            return  # our own trouble reporting: never a report about a report
        error = record.exc_info[1] if record.exc_info else None
        if caused_by_database(error) or not database_usable():
            logger.warning("Error report not mailed to ADMINS: the database is unavailable.")
            return
        self._busy.active = True
        try:
            super().emit(record)
        except Exception:
            logger.warning(
                "Error report not mailed to ADMINS: it could not be queued.", exc_info=True
            )
        finally:
            self._busy.active = False

    def send_mail(self, subject, message, *args, html_message=None, **kwargs):
        from .tasks import DELIVERY_MAILER, queue

        mail = EmailMultiAlternatives(
            subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
            body=message,
            from_email=settings.SERVER_EMAIL,
            to=list(settings.ADMINS),
        )
        if html_message:
            mail.attach_alternative(html_message, "text/html")
        queue(mail, self.delivery or DELIVERY_MAILER)
