import base64
import datetime
import email.message
import email.policy
from email.mime.base import MIMEBase
from email.parser import BytesParser

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .subjects import one_line

# A message the worker took but never finished (it was killed mid-send) may be tried again
# from the admin after this long.
STALE_AFTER = datetime.timedelta(hours=1)


class OutgoingMailQuerySet(models.QuerySet):
    def undelivered_since(self, cutoff):
        return self.filter(created_at__lt=cutoff)


class OutgoingMail(models.Model):
    """One message on its way out: stored when it is sent, deleted once delivered.

    It holds everything needed to send it again (recipients, subject, body, alternatives,
    attachments, headers), so a retry an hour later sends exactly what was written.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Wartet auf Zustellung")
        SENDING = "sending", _("Wird zugestellt")
        FAILED = "failed", _("Nicht zugestellt")

    created_at = models.DateTimeField(_("Eingereiht am"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("Stand"), max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    # The MAILERS alias that delivers it (SMTP in production).
    mailer = models.CharField(_("Versandweg"), max_length=100)
    from_email = models.TextField(_("Absender"))
    to = models.JSONField(_("An"), default=list)
    cc = models.JSONField(_("Kopie"), default=list)
    bcc = models.JSONField(_("Blindkopie"), default=list)
    reply_to = models.JSONField(_("Antwort an"), default=list)
    subject = models.TextField(_("Betreff"))
    body = models.TextField(_("Text"), blank=True)
    content_subtype = models.CharField(max_length=40, default="plain")
    alternatives = models.JSONField(default=list)
    attachments = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    attempts = models.PositiveIntegerField(_("Versuche"), default=0)
    last_attempt_at = models.DateTimeField(_("Letzter Versuch"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True)
    last_error = models.TextField(_("Fehler"), blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ausgehende E-Mail")
        verbose_name_plural = _("Ausgehende E-Mails")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message, mailer):
        """An unsaved record of a Django EmailMessage (or EmailMultiAlternatives)."""
        return cls(
            mailer=mailer,
            from_email=str(message.from_email),
            to=[str(address) for address in message.to],
            cc=[str(address) for address in message.cc],
            bcc=[str(address) for address in message.bcc],
            reply_to=[str(address) for address in message.reply_to],
            subject=one_line(message.subject),
            body=str(message.body),
            content_subtype=message.content_subtype,
            alternatives=[
                {"content": _text(content), "mimetype": mimetype}
                for content, mimetype in getattr(message, "alternatives", [])
            ],
            attachments=[_attachment_data(attachment) for attachment in message.attachments],
            headers={str(name): str(value) for name, value in message.extra_headers.items()},
        )

    def to_message(self):
        """The message as Django sends it."""
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=dict(self.headers),
        )
        message.content_subtype = self.content_subtype
        for alternative in self.alternatives:
            message.attach_alternative(alternative["content"], alternative["mimetype"])
        for attachment in self.attachments:
            _attach(message, attachment)
        return message

    @property
    def recipients(self):
        return [*self.to, *self.cc, *self.bcc]

    @property
    def retryable(self):
        """Failed, or taken by a worker that never came back."""
        if self.status == self.Status.FAILED:
            return True
        last_activity = self.last_attempt_at or self.created_at
        return self.status == self.Status.SENDING and last_activity < timezone.now() - STALE_AFTER


def _text(content):
    return content.decode() if isinstance(content, bytes) else str(content)


def _attachment_data(attachment):
    if isinstance(attachment, (email.message.MIMEPart, MIMEBase)):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    if isinstance(content, str):
        return {"filename": filename, "text": content, "mimetype": mimetype}
    return {
        "filename": filename,
        "data": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


def _attach(message, attachment):
    if "mime" in attachment:
        part = BytesParser(_class=email.message.MIMEPart, policy=email.policy.default).parsebytes(
            base64.b64decode(attachment["mime"])
        )
        message.attach(part)
    elif "text" in attachment:
        message.attach(attachment["filename"], attachment["text"], attachment["mimetype"])
    else:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["data"]), attachment["mimetype"]
        )
