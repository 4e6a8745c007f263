"""How a moderator wants to hear of what the public sends: one mail per item, or one a day."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.users.models import UserProfile


class ModerationMailPreference(models.Model):
    """A moderator's choice between single mails and a daily digest, and how far the digests
    have got. Without a record, a moderator gets single mails."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Sofort, eine E-Mail je Einsendung")
        DAILY = "daily", _("Einmal täglich eine Zusammenfassung")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer"),
        on_delete=models.CASCADE,
        related_name="moderation_mail_preference",
    )
    frequency = models.CharField(
        _("E-Mails zu neuen Einsendungen"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    # What came in after this goes into the next digest: set when the digest is chosen (what
    # came before had its single mail) and moved on with every digest sent.
    digest_from = models.DateTimeField(_("Zusammenfassung ab"), null=True, editable=False)
    last_digest_sent_at = models.DateTimeField(
        _("Letzte Zusammenfassung gesendet"), null=True, editable=False
    )

    class Meta:
        verbose_name = _("E-Mail-Einstellung zur Moderation")
        verbose_name_plural = _("E-Mail-Einstellungen zur Moderation")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"

    @property
    def wants_digest(self):
        return self.frequency == self.Frequency.DAILY

    @classmethod
    def for_user(cls, user):
        """The user's preference, unsaved (single mails) if they never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    def choose(self, frequency, now=None):
        """Store ``frequency`` and switch Wagtail's own "submitted for moderation" mails to
        match: off with the digest, on again when single mails are chosen back."""
        was_digest = (
            self.pk is not None
            and type(self).objects.filter(pk=self.pk, frequency=self.Frequency.DAILY).exists()
        )
        self.frequency = frequency
        if self.wants_digest and not was_digest:
            self.digest_from = now or timezone.now()
        self.save()
        # Wagtail picks the recipients of its moderation mail (every notifier in
        # wagtail.admin.mail, for workflow tasks and for superusers alike) by the recipient's
        # UserProfile.submitted_notifications. Setting that documented preference needs no
        # patch of Wagtail's notifiers or signal receivers, so it holds across upgrades and
        # for notifiers Wagtail may add. The digest wins over the switch on the same page;
        # back to single mails, the switch is turned on again (once, so it can be turned off).
        profile = UserProfile.get_for_user(self.user)
        if self.wants_digest and profile.submitted_notifications:
            profile.submitted_notifications = False
            profile.save(update_fields=["submitted_notifications"])
        elif was_digest and not self.wants_digest and not profile.submitted_notifications:
            profile.submitted_notifications = True
            profile.save(update_fields=["submitted_notifications"])
