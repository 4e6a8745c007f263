"""Request bodies above the limit are refused by their Content-Length, before any of the body
is read (HTTP 413): a 2 GB upload never reaches a temporary file.

Multipart bodies (files) may be NETWORK_REQUEST_BODY_MAX_BYTES long (the largest upload the
platform accepts, with room for the other fields); other bodies DATA_UPLOAD_MAX_MEMORY_SIZE,
as Django itself would refuse them later (with a 400). The reverse proxy should refuse
larger bodies itself (README: nginx ``client_max_body_size``).
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext

API_PREFIX = "/api/"


def body_limit(request):
    if request.content_type == "multipart/form-data":
        return settings.NETWORK_REQUEST_BODY_MAX_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large_message(limit):
    return gettext(
        "Die gesendeten Daten sind zu groß (höchstens %(megabytes)s MB auf einmal). Bitte "
        "verkleinern Sie die Datei oder senden Sie weniger auf einmal."
    ) % {"megabytes": f"{limit / (1024 * 1024):.0f}"}


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body then
        limit = body_limit(request)
        if limit is not None and length > limit:
            return self.refuse(request, limit)
        return self.get_response(request)

    def refuse(self, request, limit):
        message = too_large_message(limit)
        if request.path.startswith(API_PREFIX):
            from wagtail.api.v3.errors import problem_response

            response = problem_response(status=413, detail=message)
        else:
            response = TemplateResponse(
                request, "limits/request_too_large.html", {"message": message}, status=413
            ).render()
        return response
