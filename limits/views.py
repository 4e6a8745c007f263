"""The admin's login and password reset views with their limits (limits.logins): a refused
request is answered 429 with Retry-After, with the form as it was sent and a message."""

from django import forms
from django.conf import settings
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import LoginView, PasswordResetView

from .clients import client_address
from .counting import RateLimit
from .logins import locked_message, lockout_remaining, minutes_of

LOCKED_CODE = "login_locked"
RESET_LIMITED_CODE = "password_reset_limited"


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM): a locked account or client is
    refused before the password is checked, and the failure that reaches the limit says so."""

    lockout_seconds = 0

    def clean(self):
        username = self.cleaned_data.get("username")
        self.lockout_seconds = lockout_remaining(username, self.request)
        if self.lockout_seconds:
            raise forms.ValidationError(locked_message(self.lockout_seconds), code=LOCKED_CODE)
        try:
            return super().clean()
        except forms.ValidationError:
            self.lockout_seconds = lockout_remaining(username, self.request)
            if self.lockout_seconds:
                raise forms.ValidationError(
                    locked_message(self.lockout_seconds), code=LOCKED_CODE
                ) from None
            raise


def refused_by_limit(response, form, code, seconds):
    """``response``, answered 429 with Retry-After when a limit (``code``) refused ``form``."""
    if form.has_error(forms.forms.NON_FIELD_ERRORS, code):
        response.status_code = 429
        response["Retry-After"] = str(minutes_of(seconds) * 60)
    return response


class ThrottledLoginView(LoginView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        return refused_by_limit(response, form, LOCKED_CODE, getattr(form, "lockout_seconds", 0))


def password_reset_limits():
    limits = settings.NETWORK_PASSWORD_RESET_LIMITS
    return {
        "address": RateLimit("password-resets:address", *limits["address"]),
        "client": RateLimit("password-resets:client", *limits["client"]),
    }


def reset_limited_message(seconds):
    minutes = minutes_of(seconds)
    return ngettext(
        "Für diese Adresse oder von Ihrem Anschluss aus wurden gerade zu viele Links zum "
        "Zurücksetzen des Passworts angefordert. Bitte versuchen Sie es in einer Minute noch "
        "einmal; ein schon verschickter Link bleibt gültig.",
        "Für diese Adresse oder von Ihrem Anschluss aus wurden gerade zu viele Links zum "
        "Zurücksetzen des Passworts angefordert. Bitte versuchen Sie es in %(minutes)d Minuten "
        "noch einmal; ein schon verschickter Link bleibt gültig.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most NETWORK_PASSWORD_RESET_LIMITS mails per
    address and per client. The same answer whether the address has an account or not."""

    def form_valid(self, form):
        keys = {"address": form.cleaned_data["email"], "client": client_address(self.request)}
        limits = password_reset_limits()
        taken = []
        for scope, limit in limits.items():
            slot = limit.take(keys[scope])
            if slot is None:
                for earlier_limit, earlier_slot in taken:
                    earlier_limit.give_back(earlier_slot)
                seconds = limit.retry_after(keys[scope])
                form.add_error(
                    None,
                    forms.ValidationError(reset_limited_message(seconds), code=RESET_LIMITED_CODE),
                )
                return refused_by_limit(self.form_invalid(form), form, RESET_LIMITED_CODE, seconds)
            taken.append((limit, slot))
        return super().form_valid(form)
