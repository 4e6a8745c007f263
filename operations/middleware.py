"""Every error the API answers is a problem detail (RFC 9457).

Wagtail's API v3 answers its own errors so, and ``operations.views`` does for 400, 403, 404,
500 and 503; what remains are answers made elsewhere, such as django-ninja's 405 for a method
an endpoint does not take. This middleware rewrites those, keeping their headers (Allow,
Retry-After, WWW-Authenticate …).

Every 401 of the API also says how to authenticate (RFC 9110 requires ``WWW-Authenticate`` on a
401; RFC 6750 gives the Bearer scheme's): ``Bearer realm="api"``, with
``error="invalid_token"`` when a token was sent but is unknown, revoked or its user inactive.
"""

from django.utils.translation import gettext

from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

from .outage import is_api_request

#: The realm of the API's tokens, in WWW-Authenticate.
REALM = "api"

#: Headers that describe the old body, not the answer.
BODY_HEADERS = {"content-type", "content-length", "content-encoding", "etag", "last-modified"}


class APIProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 401
            and is_api_request(request)
            and "WWW-Authenticate" not in response
        ):
            response["WWW-Authenticate"] = bearer_challenge(request)
        if (
            response.status_code < 400
            or not is_api_request(request)
            or response.streaming
            or response.get("Content-Type", "").startswith(PROBLEM_JSON)
        ):
            return response
        problem = problem_response(status=response.status_code, detail=detail(response.status_code))
        for name, value in response.headers.items():
            if name.lower() not in BODY_HEADERS:
                problem[name] = value
        problem.cookies = response.cookies
        return problem


def bearer_challenge(request):
    challenge = f'Bearer realm="{REALM}"'
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        # A token came and was refused; without one the client simply has to send one.
        challenge += ', error="invalid_token"'
    return challenge


def detail(status):
    """A sentence for the status; the old body is not repeated (it may hold internals)."""
    if status == 405:
        return gettext("Diese Methode ist unter dieser Adresse nicht erlaubt.")
    if status == 413:
        return gettext("Die Anfrage ist zu groß.")
    if status < 500:
        return gettext("Die Anfrage konnte nicht bearbeitet werden.")
    return gettext("Auf dem Server ist ein Fehler aufgetreten.")
