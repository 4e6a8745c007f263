"""The headless API: Wagtail's API v3 (django-ninja) with the network's own routers in the same
OpenAPI document, mounted at /api/v3/ by config.urls.

Wagtail builds one ``NinjaAPI`` at import; routers must be added before its URLs are first
read, which is why config.urls imports this module and nothing else adds routers later.
"""

from django.conf import settings
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api

from home.api import associations, meetings, moderation, participation, preview, vocabularies
from home.api.blocks import typed_stream_fields
from home.api.pages import guard_page_endpoints
from medialibrary.api import limit_wagtail_media_endpoints
from tours import api as tours_api

api.title = "Netzwerk Migrantenorganisationen Sindelfingen – API"
api.description = str(
    _(
        "Alles, was die Öffentlichkeit auf der Website lesen kann, als JSON: Seiten aller Typen "
        "(Wagtail API v3) und die Endpunkte des Netzwerks für Vereine, Treffen, Rundgänge und "
        "Beteiligung. Ohne Token sind nur veröffentlichte, öffentliche Inhalte sichtbar. Mit "
        "einem API-Token (im Admin unter Einstellungen → API-Tokens) gelten genau die Rechte "
        "der Person im Admin: Entwürfe anlegen, zur Freigabe einreichen, freigeben."
    )
)

api.add_router("/associations/", associations.router)
api.add_router("/meetings/", meetings.router)
api.add_router("/tours/", tours_api.router)
api.add_router("/stops/", tours_api.stops_router)
api.add_router("/participation/", participation.router)
api.add_router("/participation/", tours_api.stories_router)
api.add_router("/vocabularies/", vocabularies.router)
api.add_router("/moderation/", moderation.router)
api.add_router("/preview/", preview.router)
# Wagtail's page endpoints with the network's page permissions (tokens, hidden drafts).
guard_page_endpoints()
# Images and documents: only what a live, public page uses, or what the token may choose.
limit_wagtail_media_endpoints()


@api.exception_handler(MultiPartParserError)
def unreadable_form_data(request, exc):
    """A multipart body Django cannot read (no boundary, broken parts) is the client's error;
    Wagtail's handlers would answer it with a server error."""
    return problem_response(
        status=400,
        detail=gettext("Der Formularinhalt (multipart/form-data) ist nicht lesbar: %(error)s")
        % {"error": exc},
    )


def corrected_openapi_schema(schema):
    """Wagtail 8.0 documents anonymous access as an HTTP security scheme without a ``scheme``,
    which is invalid OpenAPI. OpenAPI's own way to say "a token is optional" is an empty
    security requirement: use that and drop the invalid scheme. (A test notices when Wagtail
    no longer needs this.)"""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    anonymous = [
        name
        for name, scheme in schemes.items()
        if scheme.get("type") == "http" and "scheme" not in scheme
    ]
    if not anonymous:
        return schema
    for name in anonymous:
        del schemes[name]
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security")
            if not isinstance(security, list):
                continue
            kept = [
                requirement for requirement in security if not set(requirement) & set(anonymous)
            ]
            if len(kept) < len(security):
                kept.append({})
            operation["security"] = kept
    return schema


PROBLEM_SCHEMA = {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}
PROBLEM = {"application/problem+json": PROBLEM_SCHEMA}
# Why an operation may give each problem status; its description lists the reasons that apply.
PROBLEM_REASONS = {
    "body": {"400": "the body cannot be read", "422": "a field of the body is invalid"},
    "parameters": {"422": "a parameter is invalid, or parameters exclude each other"},
    "names": {"404": "an id, site, locale or path names nothing visible to the caller"},
    "limit": {"400": "limit is above the maximum"},
    "token": {"401": "a token is required and none or an unknown one was sent"},
    "permission": {"403": "the token's user lacks the permission"},
}
# Query parameters that name an object; naming one that does not exist is a 404.
NAMING_PARAMETERS = {
    "id",
    "site",
    "locale",
    "html_path",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
}
STATUS_TITLES = {
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "422": "Unprocessable Content",
}


def documented_problem_responses(schema):
    """Document the problem answers Wagtail's exception handlers give, on every operation.

    Wagtail 8.0 documents only success for its own operations, though its handlers answer
    400 (an unreadable body, a limit above WAGTAILAPI_LIMIT_MAX), 401/403 (token and
    permissions), 404 (an id or a ``site``, ``locale`` or ``html_path`` that names nothing)
    and 422 (validation, also for parameters that exclude each other, such as ``child_of``
    with ``descendant_of``) as ``application/problem+json``. Clients and contract tests need
    these in the document. Statuses an operation already documents are kept, with the media
    type the handlers really send. (A test notices when Wagtail documents them itself.)
    """
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            parameters = operation.get("parameters", [])
            security = operation.get("security") or []
            causes = []
            if "requestBody" in operation:
                causes.append("body")
            if parameters:
                causes.append("parameters")
            if "{" in path or any(p.get("name") in NAMING_PARAMETERS for p in parameters):
                causes.append("names")
            if {} not in security and security:
                causes += ["token", "permission"]
            for parameter in parameters:
                if parameter.get("in") == "query" and parameter.get("name") == "limit":
                    causes.append("limit")
                    if limit_max is not None:
                        parameter["schema"].setdefault("maximum", limit_max)
            reasons = {}
            for cause in causes:
                for status, reason in PROBLEM_REASONS[cause].items():
                    reasons.setdefault(status, []).append(reason)
            # ninja keys its responses by int, openapi_extra by str; the later one is served.
            responses = {str(status): value for status, value in operation["responses"].items()}
            for response in responses.values():
                if response.get("content", {}).get("application/json") == PROBLEM_SCHEMA:
                    response["content"] = dict(PROBLEM)
            for status in sorted(set(reasons) - set(responses)):
                responses[status] = {
                    "description": f"{STATUS_TITLES[status]}: {'; '.join(reasons[status])}.",
                    "content": dict(PROBLEM),
                }
            operation["responses"] = dict(sorted(responses.items()))
    return schema


wagtail_openapi_schema = api.get_openapi_schema


def get_openapi_schema(*args, **kwargs):
    schema = wagtail_openapi_schema(*args, **kwargs)
    return typed_stream_fields(documented_problem_responses(corrected_openapi_schema(schema)))


api.get_openapi_schema = get_openapi_schema

__all__ = [
    "api",
    "corrected_openapi_schema",
    "documented_problem_responses",
    "wagtail_openapi_schema",
]
