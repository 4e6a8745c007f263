"""What every public form shares: a honeypot, a rate limit per client, consent, safe images.

A refused request stores nothing and says why, with an honest status code: 400 for input we
cannot accept, 429 when a client sends too much.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

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


def client_address(request):
    """The client's IP address; behind NETWORK_TRUSTED_PROXIES reverse proxies, the address
    the outermost of them saw."""
    proxies = settings.NETWORK_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope):
    """Count this submission attempt; True once the client exceeded the limit for ``scope``."""
    limit, window_seconds = settings.NETWORK_PARTICIPATION_RATE_LIMIT
    key = f"participation:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
    return attempts > limit


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
    """GET shows the form; POST checks rate limit, honeypot and input, then stores atomically.

    ``on_valid(form)`` stores what the form holds and may return a message replacing
    ``success_message``.
    """
    form_kwargs = form_kwargs or {}
    status = 200
    if request.method == "POST":
        if rate_limited(request, scope):
            return TemplateResponse(request, "pages/too_many_requests.html", context, status=429)
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            with transaction.atomic():
                message = on_valid(form)
            messages.success(request, message or success_message)
            return HttpResponseRedirect(success_url)
        status = 400
    else:
        form = form_class(**form_kwargs)
    return TemplateResponse(request, template, {**context, "form": form}, status=status)
