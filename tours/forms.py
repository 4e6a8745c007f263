"""The public form "Share your story"."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from home.forms import EMAIL_INPUT, NAME_INPUT, PRIVACY_CONSENT
from home.models.snippets import Language
from home.participation import ParticipationForm, sanitized_image

#: Coordinates read left to right in every script, with the phone's number keyboard.
COORDINATE_INPUT = forms.NumberInput(attrs={"step": "any", "inputmode": "decimal", "dir": "ltr"})


class StorySubmissionForm(ParticipationForm):
    title = forms.CharField(label=_("Titel Ihrer Geschichte"), max_length=150)
    story = forms.CharField(
        label=_("Ihre Geschichte"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Höchstens 10.000 Zeichen."),
    )
    # A plain file field: sanitized_image() checks and re-encodes, with one clear message.
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG oder WebP, höchstens 10 MB. Standortdaten und andere Angaben im Foto "
            "werden beim Hochladen entfernt."
        ),
    )
    place = forms.CharField(
        label=_("Ort"),
        max_length=200,
        required=False,
        help_text=_("Eine Adresse oder Beschreibung, z. B. „Marktplatz, vor der Bäckerei“."),
    )
    latitude = forms.DecimalField(
        label=_("Breitengrad"),
        required=False,
        widget=COORDINATE_INPUT,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = forms.DecimalField(
        label=_("Längengrad"),
        required=False,
        widget=COORDINATE_INPUT,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    language = forms.ModelChoiceField(
        label=_("Sprache der Geschichte"),
        queryset=Language.objects.none(),
        required=False,
        empty_label=_("– bitte wählen –"),
    )
    author_name = forms.CharField(
        label=_("Ihr Name oder ein Pseudonym"),
        max_length=120,
        widget=NAME_INPUT,
        help_text=_("So wird die Geschichte genannt, wenn sie veröffentlicht wird."),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        required=False,
        widget=EMAIL_INPUT,
        help_text=_("Nur für Rückfragen. Sie wird nie veröffentlicht."),
    )
    consent_to_publish = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Geschichte (und das Foto) nach Prüfung durch die "
            "Stadtredaktion unter dem angegebenen Namen veröffentlicht wird."
        )
    )
    consent_privacy = forms.BooleanField(label=PRIVACY_CONSENT)

    consent_fields = ("consent_to_publish", "consent_privacy")

    def __init__(self, *args, locale=None, **kwargs):
        """``locale``: the language the form is read in; its names of the languages, by name."""
        super().__init__(*args, **kwargs)
        languages = Language.objects.all()
        if locale is not None:
            languages = languages.filter(locale=locale)
        self.fields["language"].queryset = languages.order_by("name")

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return sanitized_image(photo) if photo else None

    def clean(self):
        cleaned = super().clean()
        has_latitude = cleaned.get("latitude") is not None
        has_longitude = cleaned.get("longitude") is not None
        if has_latitude != has_longitude:
            self.add_error(
                "longitude" if has_latitude else "latitude",
                _("Bitte beide Koordinaten angeben oder keine."),
            )
        return cleaned
