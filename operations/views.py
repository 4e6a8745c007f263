"""The health endpoint and the URLconf's error handlers.

The handlers answer the API with problem details (RFC 9457, as Wagtail's API v3 does for its
own errors) and the public site with its own pages; any failure caused by an unreachable
database becomes a 503 with Retry-After (see ``operations.outage``).
"""

import sys

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.http import require_safe

from wagtail.api.v3.errors import problem_response

from . import health as checks
from .outage import database_unavailable, is_api_request, retry_after_seconds, unavailable_response


@require_safe
def health(request):
    """``{"database": "ok", "cache": "ok", "tasks": "ok"}``, each "ok" or "failing"; 503 while
    the database is unreachable, 200 otherwise (a failing cache or task queue degrades the site
    but does not take it down). Never cached, no session, no error text: the reasons are in
    the server's log."""
    states = checks.run_checks()
    database_down = states["database"] != checks.OK
    response = JsonResponse(states, status=503 if database_down else 200)
    if database_down:
        response["Retry-After"] = str(retry_after_seconds())
        # The failing check logged its reason; monitoring probes every few seconds, so Django
        # need not log (and mail to ADMINS) each 503 again.
        response._has_been_logged = True
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def bad_request(request, exception):
    if is_api_request(request):
        return problem_response(
            status=400, detail=gettext("Die Anfrage ist ungültig und wurde nicht bearbeitet.")
        )
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if is_api_request(request):
        return problem_response(status=403, detail=gettext("Dafür fehlt die Berechtigung."))
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if is_api_request(request):
        return problem_response(status=404, detail=gettext("Unter dieser Adresse gibt es nichts."))
    return defaults.page_not_found(request, exception)


def server_error(request):
    """Django calls this while handling the exception (also one raised by a middleware, or by
    the 404 page failing to render): ``sys.exception()`` is the cause."""
    exc = sys.exception()
    if database_unavailable(exc):
        return unavailable_response(request, exc)
    if is_api_request(request):
        response = problem_response(
            status=500,
            detail=gettext(
                "Auf dem Server ist ein Fehler aufgetreten. Er wurde protokolliert; bitte "
                "versuchen Sie es später noch einmal."
            ),
        )
        add_never_cache_headers(response)
        return response
    return defaults.server_error(request)
