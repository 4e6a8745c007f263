"""Admin login and password reset, throttled per account and per client.

- Failed logins are counted per account (the user name as typed) and per client
  (limits.clients). After NETWORK_LOGIN_FAILURE_LIMITS failures within
  NETWORK_LOGIN_LOCKOUT_SECONDS, that account or client is locked for as long: no login, not
  even with the right password, with a message saying so and for how long (HTTP 429). The lock
  ends by itself; a successful login clears the account's failures.
- Each lock is written to Wagtail's audit log on the account concerned, when the name belongs
  to one (the site history shows it to who may manage users), and to the server log with the
  client's address.
- Password reset mails are limited per address and per client (NETWORK_PASSWORD_RESET_LIMITS);
  a refused request keeps the address typed and says when to try again. Whether the address
  belongs to an account is never revealed.

Counts are in the shared cache (limits.counting), so every worker and server sees them.
Django's own tools do it: the ``user_login_failed`` signal counts every failed
``authenticate()``, Wagtail's login form setting (WAGTAILADMIN_USER_LOGIN_FORM) refuses locked
logins, and the views below only add the status code. No authentication backend is involved:
the API's token authentication never passes through here.
"""

import logging
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.log_actions import LogFormatter

from .clients import client_address
from .counting import Lock, RateLimit

logger = logging.getLogger(__name__)

LOCKED_ACTION = "limits.login_locked"


def _failure_limits():
    limits = settings.NETWORK_LOGIN_FAILURE_LIMITS
    window = settings.NETWORK_LOGIN_LOCKOUT_SECONDS
    return {
        "account": RateLimit("login-failures:account", limits["account"], window),
        "client": RateLimit("login-failures:client", limits["client"], window),
    }


def _locks():
    seconds = settings.NETWORK_LOGIN_LOCKOUT_SECONDS
    return {
        "account": Lock("login-lock:account", seconds),
        "client": Lock("login-lock:client", seconds),
    }


def _keys(username, request):
    return {"account": (username or "").strip(), "client": client_address(request)}


def lockout_remaining(username, request):
    """Seconds until a login as ``username`` from ``request``'s client is possible again (0:
    now)."""
    keys = _keys(username, request)
    return max(lock.remaining(keys[scope]) for scope, lock in _locks().items())


def minutes_of(seconds):
    return max(1, math.ceil(seconds / 60))


def record_failure(sender, credentials, request=None, **kwargs):
    """Count a failed login; lock the account or the client when it reached its limit."""
    if request is None:
        return  # not a request from outside (a management command, a test's authenticate())
    username = credentials.get(get_user_model().USERNAME_FIELD, credentials.get("username", ""))
    keys = _keys(username, request)
    locks = _locks()
    for scope, limit in _failure_limits().items():
        if not keys[scope]:
            continue
        limit.take(keys[scope])
        if limit.reached(keys[scope]) and locks[scope].lock(keys[scope]):
            limit.clear(keys[scope])  # counting starts afresh once the lock ends
            _audit_lock(scope, username, request)


def clear_failures(sender, request=None, user=None, **kwargs):
    """A successful login ends the count of the account's failures."""
    if user is not None:
        _failure_limits()["account"].clear(user.get_username())


def _audit_lock(scope, username, request):
    from wagtail.log_actions import log

    minutes = minutes_of(settings.NETWORK_LOGIN_LOCKOUT_SECONDS)
    logger.warning(
        "Login locked for %d minutes after too many failed attempts (%s): user name %r, client %s",
        minutes,
        scope,
        username,
        client_address(request),
    )
    User = get_user_model()
    user = User._default_manager.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).first()
    if user is not None:
        log(instance=user, action=LOCKED_ACTION, data={"scope": scope, "minutes": minutes})


def connect():
    user_login_failed.connect(record_failure, dispatch_uid="limits-login-failed")
    user_logged_in.connect(clear_failures, dispatch_uid="limits-logged-in")


def locked_message(seconds):
    minutes = minutes_of(seconds)
    return ngettext(
        "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist zum Schutz des Kontos für "
        "eine Minute gesperrt; danach können Sie es wieder versuchen.",
        "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist zum Schutz des Kontos für "
        "%(minutes)d Minuten gesperrt; danach können Sie es wieder versuchen.",
        minutes,
    ) % {"minutes": minutes}


class LockedLoginFormatter(LogFormatter):
    label = _("Anmeldung gesperrt (zu viele Fehlversuche)")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("scope") == "client":
            reason = _("von einem Anschluss aus")
        else:
            reason = _("für dieses Konto")
        return _(
            "Anmeldung für %(minutes)s Minuten gesperrt: zu viele fehlgeschlagene Versuche "
            "%(reason)s."
        ) % {"minutes": data.get("minutes", "?"), "reason": reason}


def register_log_actions(actions):
    actions.register_action(LOCKED_ACTION)(LockedLoginFormatter)
