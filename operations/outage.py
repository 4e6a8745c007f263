"""Honest answers while the database is down: 503 with Retry-After, a page that needs no
database to render, and problem details for the API.

Django turns every exception, raised in a view or in any middleware (Wagtail's site lookup,
sessions, authentication), into a response through the error handlers of the URLconf; the
handlers in ``operations.views`` ask :func:`database_unavailable` whether the database was the
cause. Django opens a new connection for the next request after a failed one, so the site
recovers by itself when the database is back.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.middleware.csp import get_nonce
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from wagtail.api.v3.errors import problem_response

try:  # psycopg's own errors, should one ever escape Django's wrapping
    from psycopg import InterfaceError as PsycopgInterfaceError
    from psycopg import OperationalError as PsycopgOperationalError
except ImportError:  # pragma: no cover - psycopg is a dependency, SQLite needs none
    PsycopgInterfaceError = PsycopgOperationalError = OperationalError

logger = logging.getLogger(__name__)

#: The API's addresses; their errors are problem details (RFC 9457), never HTML.
API_PREFIX = "/api/"

UNAVAILABLE_ERRORS = (
    OperationalError,
    InterfaceError,
    PsycopgOperationalError,
    PsycopgInterfaceError,
)


def database_unavailable(exc):
    """Whether ``exc``, or an exception it was raised from or while handling, says that the
    database cannot be reached or used (connection refused or lost, server shutting down)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, UNAVAILABLE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def is_api_request(request):
    return request.path_info.startswith(API_PREFIX)


def retry_after_seconds():
    return settings.OPERATIONS_RETRY_AFTER_SECONDS


def unavailable_response(request, exc):
    """503 for a request that failed because the database is down.

    Logged once as a warning, without a traceback: while the database is down every request
    fails the same way, and /health/ is where monitoring learns it.
    """
    logger.warning(
        "Database unavailable, answered 503: %s %s (%s: %s)",
        request.method,
        request.path,
        type(exc).__name__,
        str(exc).strip().splitlines()[0] if str(exc).strip() else "",
    )
    if is_api_request(request):
        response = problem_response(
            status=503,
            detail=gettext(
                "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es in "
                "Kürze noch einmal."
            ),
        )
    else:
        response = unavailable_page(request)
    response["Retry-After"] = str(retry_after_seconds())
    add_never_cache_headers(response)
    # Django's log_response() would log the same failure again as an error with its traceback
    # (and mail it to ADMINS) for every request of the outage; it skips responses marked so.
    response._has_been_logged = True
    return response


def unavailable_page(request):
    """The public site's 503 page, in the language of the address (German otherwise).

    Rendered from a plain template without request, context processors or template tags that
    read the database, so it renders while the database is down.
    """
    from django.http import HttpResponse

    language = translation.get_language_from_path(request.path_info) or (
        translation.get_language() or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        content = loader.get_template("operations/unavailable.html").render(
            {
                "submitted": request.method == "POST",
                "retry_minutes": retry_minutes(),
                # For the page's inline style (operations.headers); no context processors.
                "csp_nonce": get_nonce(request),
            }
        )
        response = HttpResponse(content, status=503)
        response["Content-Language"] = translation.get_language()
    return response


def retry_minutes():
    return max(1, round(retry_after_seconds() / 60))
