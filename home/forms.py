"""The public forms of the network: joining it, registering for a meeting."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from .participation import ParticipationForm

#: Addresses and numbers read left to right in every script; browsers may fill them in.
EMAIL_INPUT = forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"})
PHONE_INPUT = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"})
NAME_INPUT = forms.TextInput(attrs={"autocomplete": "name"})
ORGANISATION_INPUT = forms.TextInput(attrs={"autocomplete": "organization"})

PRIVACY_CONSENT = _(
    "Ich habe die Datenschutzhinweise gelesen und bin einverstanden, dass meine Angaben für "
    "diesen Zweck gespeichert werden."
)


class MembershipApplicationForm(ParticipationForm):
    association_name = forms.CharField(
        label=_("Name des Vereins"), max_length=150, widget=ORGANISATION_INPUT
    )
    focus = forms.CharField(
        label=_("Schwerpunkte"),
        max_length=300,
        help_text=_("Womit sich der Verein beschäftigt, z. B. Kultur, Jugendarbeit, Beratung."),
    )
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=120, widget=NAME_INPUT)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        help_text=_("An diese Adresse schicken wir die Einladung ins Redaktionssystem."),
        widget=EMAIL_INPUT,
    )
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False, widget=PHONE_INPUT)
    message = forms.CharField(
        label=_("Nachricht an die Koordination"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Was der Verein ins Netzwerk einbringen möchte und wobei er Unterstützung sucht."
        ),
    )
    consent_privacy = forms.BooleanField(label=PRIVACY_CONSENT)

    consent_fields = ("consent_privacy",)


class MeetingRegistrationForm(ParticipationForm):
    name = forms.CharField(label=_("Name"), max_length=120, widget=NAME_INPUT)
    association_name = forms.CharField(
        label=_("Verein"),
        max_length=150,
        required=False,
        help_text=_("Falls Sie für einen Verein kommen."),
        widget=ORGANISATION_INPUT,
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        help_text=_("Für die Bestätigung und Nachrichten zum Treffen."),
        widget=EMAIL_INPUT,
    )
    people = forms.IntegerField(
        label=_("Anzahl Personen"),
        initial=1,
        validators=[
            MinValueValidator(1, _("Mindestens eine Person.")),
            MaxValueValidator(10, _("Höchstens zehn Personen je Anmeldung.")),
        ],
    )
    consent_privacy = forms.BooleanField(label=PRIVACY_CONSENT)

    consent_fields = ("consent_privacy",)
