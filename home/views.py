"""Public views of the network beside its pages: serving pages in the reader's language,
accepting an invitation."""

from django import forms
from django.contrib.auth import get_user_model, login, password_validation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.log_actions import log
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .languages import default_locale, reading_locale, visible
from .models import EditorInvitation
from .roles import ensure_association_group


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    password1 = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein."))
        elif first:
            user = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says."""
    return redirect(static("network/favicon.svg"), permanent=True)


@sensitive_post_parameters("password1", "password2")
@never_cache
def accept_invitation(request, token):
    """The invitee sets a password; the link works once and only until it expires."""
    invitation = EditorInvitation.for_token(token)
    if invitation is None or not invitation.is_usable:
        return TemplateResponse(
            request,
            "pages/invitation_unusable.html",
            {"invitation": invitation},
            status=410 if invitation is not None else 404,
        )
    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        # An editor who already has an account just gains the association.
        return _join_existing_account(request, invitation, existing)

    form = AcceptInvitationForm(request.POST or None, email=invitation.email.lower())
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            invitation = EditorInvitation.objects.select_for_update().get(pk=invitation.pk)
            if not invitation.is_usable:
                return TemplateResponse(
                    request,
                    "pages/invitation_unusable.html",
                    {"invitation": invitation},
                    status=410,
                )
            user = User.objects.create_user(
                username=invitation.email.lower(),
                email=invitation.email.lower(),
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
            _accept(invitation, user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "pages/accept_invitation.html",
        {"invitation": invitation, "form": form},
        status=400 if form.is_bound else 200,
    )


def _join_existing_account(request, invitation, user):
    if request.user.is_authenticated and request.user.pk == user.pk:
        if request.method == "POST":
            with transaction.atomic():
                _accept(invitation, user)
            return redirect("wagtailadmin_home")
        return TemplateResponse(
            request, "pages/accept_invitation.html", {"invitation": invitation, "existing": True}
        )
    return TemplateResponse(
        request,
        "pages/accept_invitation.html",
        {"invitation": invitation, "existing": True, "needs_login": True},
    )


def _accept(invitation, user):
    user.groups.add(ensure_association_group(invitation.association))
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    log(invitation, "network.invitation_accepted", user=user)


def serve_page(request, path):
    """Wagtail's page serving, with one addition: under another language's prefix, a German
    page that has no translation in that language stands in for it (see home.languages).
    An address of such a stand-in whose translation has since appeared leads there."""
    route = Page.route_for_request(request, path)
    locale = reading_locale()
    original = default_locale()
    if route is None and locale.pk != original.pk:
        route = _route_among_originals(request, path, original)
        request._wagtail_route_for_request = route
    if route is None:
        raise Http404
    page = route[0]
    if page.locale_id != locale.pk:
        translation = visible(page.get_translations().filter(locale=locale)).specific().first()
        if translation is not None:
            rest = request.path[len(page.url) :] if request.path.startswith(page.url) else ""
            return redirect(translation.url + rest)
    return wagtail_serve(request, path)


def _route_among_originals(request, path, original):
    site = Site.find_for_request(request)
    root = site.root_page.get_translation_or_none(original) if site else None
    if root is None:
        return None
    try:
        return root.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
