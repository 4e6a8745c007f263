"""The health endpoint and the URLconf's error handlers.

The handlers answer the API with problem details (RFC 9457, as Wagtail's API v3 does for its
own errors) and the public site with its own pages; any failure caused by an unreachable
database becomes a 503 with Retry-After (see ``operations.outage``).
"""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.middleware.csp import get_nonce
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
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


#: The API's addresses that only write, or answer only with a token (relative to its root).
API_PATHS_NOT_FOR_CRAWLERS = (
    "pages/*/actions/",
    "snippets/*/actions/",
    "meetings/*/registrations/",
    "participation/",
    "moderation/",
    "preview/",
    "whoami/",
)


@require_safe
def robots_txt(request):
    """What crawlers should leave alone: the admin, the API's writing and token-only addresses,
    print sheets and QR codes of walks, forms, search results and personal invitation links;
    and where the sitemap is. Built from the URLconf and the page types' routes, with no
    database, so it answers during an outage too."""
    content = loader.get_template("operations/robots.txt").render(
        {
            "disallowed": disallowed_paths(),
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        }
    )
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response


def disallowed_paths():
    # Imported here: the page models need the app registry, the URLconf imports this module.
    from config.api import api
    from home.models import MeetingPage
    from tours.models import TourPage, TourStopPage

    api_root = reverse(f"{api.urls_namespace}:openapi-json").rsplit("/", 1)[0] + "/"
    # Routes of pages (the same in every language): any page's address, then the route.
    routes = [
        TourPage.get_resolver().reverse("print"),
        TourStopPage.get_resolver().reverse("qr"),
        MeetingPage.get_resolver().reverse("register"),
    ]
    # Under a language prefix: "/de/einladung/x/" becomes "/*/einladung/".
    invitation = reverse("network:accept_invitation", args=["x"]).split("/")[2]
    paths = [
        reverse("wagtailadmin_home"),
        *(api_root + path for path in API_PATHS_NOT_FOR_CRAWLERS),
        *(f"/*/{route}" for route in routes),
        # The QR codes' short links only lead on to the stops.
        reverse("tours:stop", args=[0]).rsplit("/", 2)[0] + "/",
        f"/*/{invitation}/",
        reverse("operations:health"),
    ]
    # Search results, at each language's own address; the source language's works under
    # every prefix.
    with translation.override(settings.LANGUAGE_CODE):
        paths.append("/*/" + reverse("network:search").split("/", 2)[2])
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("network:search"))
    return list(dict.fromkeys(paths))


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
    # Django's own handler renders 500.html without any context; the page's inline style needs
    # the request's CSP nonce (and nothing else: no context processors, no database).
    content = loader.get_template("500.html").render({"csp_nonce": get_nonce(request)})
    return HttpResponseServerError(content)
