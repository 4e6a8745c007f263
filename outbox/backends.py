"""The default mailer: every message goes into the outbox, none to a mail server on the spot."""

from django.core.mail import InvalidMailer
from django.core.mail.backends.base import BaseEmailBackend


class QueuedBackend(BaseEmailBackend):
    """Stores each message and enqueues its delivery (outbox.tasks): sending returns as soon
    as the message is in the database, whatever the mail server does.

    OPTIONS: ``delivery``, the MAILERS alias that really sends (default "delivery").
    """

    def __init__(self, *args, delivery=None, **kwargs):
        from .tasks import DELIVERY_MAILER

        super().__init__(*args, **kwargs)
        self.delivery = delivery or DELIVERY_MAILER
        if self.alias is not None and self.delivery == self.alias:
            raise InvalidMailer("'delivery' must name another mailer.", alias=self.alias)

    def send_messages(self, email_messages):
        from .tasks import queue

        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                queue(message, self.delivery)
            except Exception:
                if not self._fail_silently:
                    raise
            else:
                queued += 1
        return queued
