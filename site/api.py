"""The headless API: Wagtail's API v3 (django-ninja) with the network's own routers in the same
OpenAPI document, mounted at /api/v3/ by config.urls.

Wagtail builds one ``NinjaAPI`` at import; routers must be added before its URLs are first
read, which is why config.urls imports this module and nothing else adds routers later.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.api.v3.urls import api

from home.api import associations, meetings, moderation, participation, preview, vocabularies
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


wagtail_openapi_schema = api.get_openapi_schema


def get_openapi_schema(*args, **kwargs):
    return corrected_openapi_schema(wagtail_openapi_schema(*args, **kwargs))


api.get_openapi_schema = get_openapi_schema

__all__ = ["api", "corrected_openapi_schema", "wagtail_openapi_schema"]
