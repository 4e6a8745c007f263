"""What every public form shares: a honeypot, a rate limit per client, consent, safe images.

A refused request stores nothing and says why, with an honest status code: 400 for input we
cannot accept, 429 when a client sends too much. The rate limit counts accepted submissions
only (a mistake costs nothing), in the cache every worker and server shares (limits.counting),
and a refused form comes back with what the person typed.
"""

import math
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from limits.clients import client_address
from limits.counting import RateLimit
from limits.text import refuse_line_breaks
from medialibrary.images import without_metadata

HONEYPOT_FIELD = "website"
ACCEPTED_IMAGE_FORMATS = ("JPEG", "MPO", "PNG", "WEBP")


class ParticipationForm(forms.Form):
    """A public form: with a field only robots fill in, and the consents it requires."""

    # Hidden from people by CSS and from assistive technology by aria-hidden on its wrapper.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    consent_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_line_breaks(self)

    def full_clean(self):
        super().full_clean()
        # Tie help texts and error messages to their inputs for screen readers.
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Ihre Eingabe sieht automatisiert aus und wurde nicht gespeichert."),
                code="honeypot",
            )
        return ""

    @property
    def is_spam(self):
        return HONEYPOT_FIELD in self.errors

    def consent_statements(self):
        """The words of each consent the person gave, to be stored with the record."""
        return [self.fields[name].label for name in self.consent_fields]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


class SubmissionLimitReached(Exception):
    """The client sent as many submissions as NETWORK_PARTICIPATION_RATE_LIMIT allows."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        # Whole minutes, as the message says them.
        self.retry_after = math.ceil(retry_after / 60) * 60

    @property
    def message(self):
        minutes = self.retry_after // 60
        return ngettext(
            "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Einsendungen. Zum Schutz vor "
            "Missbrauch nehmen wir gerade keine weiteren an; diese wurde nicht gespeichert. "
            "Bitte senden Sie sie in einer Minute noch einmal.",
            "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Einsendungen. Zum Schutz vor "
            "Missbrauch nehmen wir gerade keine weiteren an; diese wurde nicht gespeichert. "
            "Bitte senden Sie sie in %(minutes)d Minuten noch einmal.",
            minutes,
        ) % {"minutes": minutes}


def submission_limit(scope):
    limit, window_seconds = settings.NETWORK_PARTICIPATION_RATE_LIMIT
    return RateLimit(f"submissions:{scope}", limit, window_seconds)


def store_accepted_submission(request, scope, store):
    """Store a valid submission with ``store()`` (atomically) and count it against the
    client's limit for ``scope``; returns what ``store`` returns.

    Raises SubmissionLimitReached, storing nothing, once the client reached the limit. The
    count is taken before storing (atomically, so two workers cannot both take the last
    place) and given back when storing fails.
    """
    limit = submission_limit(scope)
    client = client_address(request)
    slot = limit.take(client)
    if slot is None:
        raise SubmissionLimitReached(limit.retry_after(client))
    try:
        with transaction.atomic():
            return store()
    except BaseException:
        limit.give_back(slot)
        raise


def sanitized_image(upload):
    """A re-encoded copy of an uploaded photo, without metadata (GPS position, camera, ...),
    its pixels counted before they are decoded.

    Raises ValidationError with a message for the person who sent it.
    """
    if upload.size > settings.NETWORK_UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            _("Das Foto ist zu groß (höchstens %(megabytes)d MB).")
            % {"megabytes": settings.NETWORK_UPLOAD_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    try:
        clean = without_metadata(upload, accepted_formats=ACCEPTED_IMAGE_FORMATS)
    except forms.ValidationError as error:
        if error.code == "invalid_image":
            raise forms.ValidationError(
                _("Bitte ein Foto als JPEG, PNG oder WebP hochladen."), code="invalid_image"
            ) from error
        raise
    return ContentFile(clean.data, name=f"{uuid.uuid4().hex}.{clean.extension}")


def handle_participation_form(
    request,
    *,
    form_class,
    scope,
    template,
    context,
    on_valid,
    success_url,
    success_message,
    form_kwargs=None,
):
    """GET shows the form; POST checks honeypot and input, then stores atomically unless the
    client reached the rate limit: then the form comes back as sent, with a message (429).

    ``on_valid(form)`` stores what the form holds and may return a message replacing
    ``success_message``.
    """
    form_kwargs = form_kwargs or {}
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                message = store_accepted_submission(request, scope, lambda: on_valid(form))
            except SubmissionLimitReached as refusal:
                response = TemplateResponse(
                    request,
                    template,
                    {**context, "form": form, "submission_refused": refusal.message},
                    status=429,
                )
                response["Retry-After"] = str(refusal.retry_after)
                return response
            messages.success(request, message or success_message)
            return HttpResponseRedirect(success_url)
        status = 400
    else:
        form = form_class(**form_kwargs)
    return TemplateResponse(request, template, {**context, "form": form}, status=status)
