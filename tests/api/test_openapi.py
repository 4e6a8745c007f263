"""The OpenAPI document validates, documents every page type and every endpoint of ours, and
our one correction of Wagtail's document is still needed."""

import json

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from wagtail.models import get_page_models

pytestmark = pytest.mark.django_db

OUR_OPERATIONS = {
    "associations_list",
    "meetings_list",
    "meetings_calendar",
    "meetings_calendar_entry",
    "meetings_register",
    "tours_list",
    "tours_stops",
    "tours_geojson",
    "tours_gpx",
    "stops_qr",
    "participation_apply_for_membership",
    "participation_share_story",
    "vocabularies_languages",
    "vocabularies_terms",
    "moderation_tasks",
    "moderation_page_status",
    "moderation_submit",
    "moderation_approve",
    "moderation_reject",
    "preview_page",
    "preview_create",
}


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document):
    return {
        operation["operationId"]: operation
        for path in document["paths"].values()
        for operation in path.values()
    }


def test_the_document_validates(document):
    validate(document)


def test_it_names_every_page_type(document):
    schemas = document["components"]["schemas"]
    for model in get_page_models():
        if model._meta.label == "wagtailcore.Page":
            continue
        assert f"{model._meta.object_name}Schema" in schemas, model._meta.label


def test_it_names_every_domain_endpoint(document):
    assert set(operations(document)) >= OUR_OPERATIONS
    # Wagtail's own endpoints are there too.
    assert {"pages_list", "pages_detail", "pages_create", "pages_update"} <= set(
        operations(document)
    )


def test_computed_fields_are_typed_not_any(document):
    walk = document["components"]["schemas"]["TourPageSchema"]["properties"]
    assert "anyOf" in walk["stops"] or walk["stops"].get("type") == "array"
    assert "StopSummary" in str(walk["stops"])
    assert "integer" in str(walk["length_m"])
    association = document["components"]["schemas"]["AssociationPageSchema"]["properties"]
    assert "AssociationContact" in str(association["contact"])


def test_files_are_documented_with_their_media_types(document):
    by_id = operations(document)
    assert "application/gpx+xml" in by_id["tours_gpx"]["responses"]["200"]["content"]
    assert "application/geo+json" in by_id["tours_geojson"]["responses"]["200"]["content"]
    assert "text/calendar" in by_id["meetings_calendar"]["responses"]["200"]["content"]
    assert "image/svg+xml" in by_id["stops_qr"]["responses"]["200"]["content"]


def test_public_reads_allow_anonymous_access_the_openapi_way(document):
    pages_list = operations(document)["pages_list"]
    assert {} in pages_list["security"]
    assert {"BearerTokenAuth": []} in pages_list["security"]
    assert operations(document)["moderation_tasks"]["security"] == [{"BearerTokenAuth": []}]


def test_wagtails_own_document_still_needs_our_correction():
    """When this fails, Wagtail's document has become valid by itself: remove
    corrected_openapi_schema from config.api (and this test)."""
    from ninja.responses import NinjaJSONEncoder

    from config.api import wagtail_openapi_schema

    as_served = json.loads(json.dumps(wagtail_openapi_schema(), cls=NinjaJSONEncoder))
    with pytest.raises(OpenAPIValidationError, match="scheme"):
        validate(as_served)


def test_interactive_docs_are_served(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    assert b"/static/ninja/" in response.content
    assert b"cdn." not in response.content


def test_every_answer_an_operation_can_give_is_documented(document):
    """Wagtail's handlers answer errors as problem+json; clients and Schemathesis rely on
    finding each status in the document."""
    by_id = operations(document)
    pages_list = by_id["pages_list"]
    assert {"200", "400", "404", "422"} <= set(pages_list["responses"])
    limit = next(p for p in pages_list["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    assert {"401", "403", "404", "422"} <= set(by_id["pages_update"]["responses"])
    assert "400" in by_id["participation_share_story"]["responses"]
    for operation in by_id.values():
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], (
                    operation["operationId"],
                    status,
                )


def test_an_absurd_id_is_a_clear_422_not_a_server_error(client):
    response = client.get("/api/v3/tours/450239642490773569536/stops/")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"][-1] == "page_id"


def test_an_unreadable_multipart_body_is_a_400(client):
    response = client.generic(
        "POST", "/api/v3/participation/stories/", b"title=x", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_wagtail_still_documents_only_success_for_its_operations():
    """When this fails, Wagtail documents its error answers itself: documented_problem_responses
    in config.api may then go (with this test)."""
    from config.api import wagtail_openapi_schema

    responses = wagtail_openapi_schema()["paths"]["/api/v3/pages/"]["get"]["responses"]
    assert {str(status) for status in responses} == {"200"}


@pytest.mark.parametrize("path", ["/api/v3/tours/", "/api/v3/associations/", "/api/v3/meetings/"])
def test_quotes_in_a_search_are_just_text(client, path):
    response = client.get(path, {"search": 'Ankommen "'})
    assert response.status_code == 200
