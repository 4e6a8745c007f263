"""What members of the public and invited editors send: moderated records, never live by themselves.

Every model that stores personal data inherits PersonalData, which tells the privacy commands how
to find, export, erase and expire it.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..languages import default_language, language_label, site_languages


class PersonalData(models.Model):
    """A record holding a person's data, found by e-mail address, kept only as long as needed.

    home.privacy finds every such model; a record tells it the names and phone numbers it holds
    (to find them elsewhere, e.g. in the audit log) and what was made from it (pages, images).
    """

    email_field = "email"
    name_fields = ()
    phone_fields = ()

    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def for_email(cls, email):
        return cls.objects.filter(**{f"{cls.email_field}__iexact": email.strip()})

    @classmethod
    def expired(cls, now=None):
        """Records kept longer than the retention setting allows; see purge_personal_data."""
        return cls.objects.none()

    def export_data(self):
        data = {}
        for field in self._meta.concrete_fields:
            if field.name in {"id", "token_hash"}:
                continue
            value = getattr(self, field.attname)
            if hasattr(value, "name") and hasattr(value, "storage"):  # a file: name it only
                value = value.name or None
            data[field.name] = value
        data["type"] = str(self._meta.verbose_name)
        return data

    def personal_names(self):
        return [getattr(self, name) for name in self.name_fields]

    def personal_phones(self):
        return [getattr(self, name) for name in self.phone_fields]

    def derived_objects(self):
        """Objects made from this record (a page, an image), erased with it; see home.privacy."""
        return []

    def erase(self, anonymise=None):
        """Remove this person's data. Subclasses that must keep a record anonymise instead and
        return why (for the report); None means the record is gone.

        ``anonymise`` (text -> text) removes the person's address and every name they gave, in
        any of their records, from what a kept record keeps (its title, say); without it, such
        text goes as a whole."""
        self.delete()
        return None


class Consent(models.Model):
    """Consent as given: when, and in which words (the statement shown, and its version)."""

    consent_given_at = models.DateTimeField(_("Einwilligung erteilt am"), null=True, editable=False)
    consent_text = models.TextField(_("Wortlaut der Einwilligung"), blank=True, editable=False)
    consent_version = models.CharField(
        _("Fassung der Datenschutzhinweise"), max_length=40, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def record_consent(self, statements):
        self.consent_given_at = timezone.now()
        self.consent_text = "\n".join(str(statement) for statement in statements)
        self.consent_version = settings.NETWORK_CONSENT_VERSION

    @property
    def consent_statements(self):
        """The statements consented to, one each, as they were shown."""
        return [line for line in self.consent_text.splitlines() if line.strip()]


def account_name(user):
    """An editor by name (their login if they gave none); empty for no one."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def retention_cutoff(setting_name, now=None):
    days = settings.NETWORK_RETENTION_DAYS[setting_name]
    return (now or timezone.now()) - datetime.timedelta(days=days)


class MembershipApplication(PersonalData, Consent):
    """An association asks to join the network."""

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        ACCEPTED = "accepted", _("Aufgenommen")
        DECLINED = "declined", _("Abgelehnt")

    name_fields = ("contact_name",)
    phone_fields = ("phone",)

    association_name = models.CharField(_("Name des Vereins"), max_length=150)
    focus = models.CharField(_("Schwerpunkte"), max_length=300)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120)
    email = models.EmailField(_("E-Mail-Adresse"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    message = models.TextField(_("Nachricht"), max_length=3000, blank=True)
    language = models.CharField(
        _("Sprache des Antrags"),
        max_length=10,
        choices=site_languages,
        default=default_language,
        help_text=_("Die Sprache der Seite, auf der der Antrag gestellt wurde."),
    )
    status = models.CharField(_("Stand"), max_length=20, choices=Status.choices, default=Status.NEW)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    association = models.ForeignKey(
        "home.AssociationPage",
        verbose_name=_("Angelegter Verein"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Aufnahmeantrag")
        verbose_name_plural = _("Aufnahmeanträge")
        ordering = ["-created_at"]

    def __str__(self):
        return self.association_name

    @property
    def language_label(self):
        return language_label(self.language)

    @property
    def is_new(self):
        return self.status == self.Status.NEW

    @property
    def decided_by_name(self):
        return account_name(self.decided_by)

    @classmethod
    def expired(cls, now=None):
        # Decided applications are kept a while for questions, then go.
        return cls.objects.exclude(status=cls.Status.NEW).filter(
            decided_at__lt=retention_cutoff("membership_applications", now)
        )


class MeetingRegistration(PersonalData, Consent):
    """A person registers for a meeting; beyond the capacity, they go on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Angemeldet")
        WAITLISTED = "waitlisted", _("Warteliste")
        CANCELLED = "cancelled", _("Abgesagt")

    name_fields = ("name",)

    meeting = models.ForeignKey(
        "home.MeetingPage",
        verbose_name=pgettext_lazy("ein Treffen", "Treffen"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("Name"), max_length=120)
    association_name = models.CharField(_("Verein"), max_length=150, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"))
    people = models.PositiveSmallIntegerField(_("Personen"), default=1)
    status = models.CharField(
        _("Stand"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["meeting", "created_at"]

    def __str__(self):
        # No name: the label lands in the audit log and in confirmations, where nobody needs it.
        return _("Anmeldung Nr. %(number)s zu „%(meeting)s“") % {
            "number": self.pk or "–",
            "meeting": self.meeting,
        }

    @classmethod
    def expired(cls, now=None):
        # Kept until some weeks after the meeting (for the attendance list), then gone.
        return cls.objects.filter(meeting__end__lt=retention_cutoff("meeting_registrations", now))


class EditorInvitation(PersonalData):
    """A city editor invites a person to edit an association's pages. The link works once,
    until it expires; only a hash of its token is stored."""

    association = models.ForeignKey(
        "home.AssociationPage",
        verbose_name=_("Verein"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(
        _("Sprache der Einladung"),
        max_length=10,
        choices=site_languages,
        default=default_language,
        help_text=_(
            "In dieser Sprache erhält die Person die E-Mail und sieht die Seite, auf der sie die "
            "Einladung annimmt."
        ),
    )
    personal_note = models.TextField(
        _("Persönliche Nachricht"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Steht in der Einladung, z. B. ein Gruß oder wer bei Fragen weiterhilft (freiwillig, "
            "höchstens 1000 Zeichen)."
        ),
    )
    expires_at = models.DateTimeField(_("Gültig bis"))
    accepted_at = models.DateTimeField(_("Angenommen am"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self):
        # No address: the label lands in the audit log and in confirmations.
        return _("Einladung Nr. %(number)s für „%(association)s“") % {
            "number": self.pk or "–",
            "association": self.association,
        }

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    def issue_token(self):
        """A fresh token for the link; returned once, only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash_token(token)
        self.expires_at = timezone.now() + datetime.timedelta(
            days=settings.NETWORK_INVITATION_VALID_DAYS
        )
        return token

    @classmethod
    def for_token(cls, token):
        return (
            cls.objects.filter(token_hash=cls.hash_token(token))
            .select_related("association")
            .first()
        )

    @property
    def inviter_name(self):
        return account_name(self.invited_by)

    @property
    def is_accepted(self):
        return self.accepted_at is not None

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return not self.is_accepted and not self.is_expired

    @property
    def state(self):
        if self.is_accepted:
            return _("angenommen")
        if self.is_expired:
            return _("abgelaufen")
        return _("offen")

    @classmethod
    def expired(cls, now=None):
        return cls.objects.filter(expires_at__lt=retention_cutoff("invitations", now))
