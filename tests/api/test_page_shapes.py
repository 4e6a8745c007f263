"""The JSON shape of each page type's detail answer, which front ends rely on. A change here is
a change of the API contract: adapt the front ends (or add, never rename or remove, fields)."""

import pytest

from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

# Every page type links its live versions in other languages.
BASE = {"id", "title", "meta", "translations"}
INDEX = BASE | {"intro"}
FORM = BASE | {"intro", "privacy_notice", "thank_you", "form"}
PAGE_LINK = {"id", "title", "type", "html_url", "detail_url"}
TERM = {"id", "name", "slug"}
LANGUAGE = TERM | {"code", "native_name", "direction"}
IMAGE = {"id", "title", "alt", "width", "height", "renditions"}

SHAPES = {
    "home.HomePage": BASE | {"lead", "intro", "hero_image"},
    "home.StandardPage": BASE | {"intro", "body"},
    "home.JoinNetworkPage": FORM,
    "home.AssociationIndexPage": INDEX,
    "home.AssociationPage": BASE
    | {
        "short_description",
        "description",
        "logo",
        "focus_areas",
        "languages",
        "district",
        "founded_year",
        "member_since",
        "website",
        "offers",
        "needs",
        "cooperation_interest",
        "contact",
        "meetings_attended",
    },
    "home.MeetingIndexPage": INDEX,
    "home.MeetingPage": BASE
    | {
        "start",
        "end",
        "format",
        "is_cancelled",
        "is_past",
        "series",
        "summary",
        "location_name",
        "address",
        "online_url",
        "agenda",
        "results",
        "registration",
        "attending_associations",
    },
    "tours.TourIndexPage": INDEX,
    "tours.StoryFormPage": FORM,
    "tours.TourPage": BASE
    | {
        "theme",
        "intro",
        "hero_image",
        "languages",
        "start_point",
        "step_free",
        "step_free_label",
        "surface",
        "surface_label",
        "seating",
        "toilets",
        "accessibility_note",
        "length_m",
        "length_is_straight_line",
        "duration_minutes",
        "duration_iso",
        "length_override_km",
        "duration_override_minutes",
        "stops",
        "text_languages",
        "downloads",
    },
    "tours.TourStopPage": BASE
    | {
        "teaser",
        "latitude",
        "longitude",
        "address",
        "story",
        "sources",
        "tour",
        "contributing_associations",
        "short_url",
        "qr_code_url",
    },
    "projects.ProjectIndexPage": INDEX,
    "projects.ProjectPage": BASE
    | {
        "summary",
        "goal",
        "status",
        "start_date",
        "end_date",
        "lead_department",
        "milestones",
        "partner_associations",
        "working_groups",
        "related_meetings",
        "tours",
        "updates",
    },
    "projects.ProjectUpdatePage": BASE | {"date", "summary", "body", "author_associations"},
}
META = {
    "type",
    "detail_url",
    "html_url",
    "locale",
    "slug",
    "first_published_at",
    "show_in_menus",
    "seo_title",
    "search_description",
    "alias_of",
    "parent",
}


def test_every_page_type_has_a_pinned_shape():
    labels = {model._meta.label for model in get_page_models()} - {"wagtailcore.Page"}
    assert labels == set(SHAPES)


def demo_page(label):
    app_label, model_name = label.split(".")
    return (
        Page.objects.live()
        .filter(content_type__app_label=app_label, content_type__model=model_name.lower())
        .order_by("path")
        .first()
    )


@pytest.mark.parametrize("label", sorted(SHAPES))
def test_detail_shape(client, label):
    page = demo_page(label)
    assert page is not None, f"the demo content has no {label}"
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == SHAPES[label]
    assert set(body["meta"]) == META
    assert body["meta"]["type"] == label
    assert body["meta"]["html_url"].endswith(page.url)


def test_walk_shape(client, demo_tour):
    walk = client.get(f"/api/v3/pages/{demo_tour.pk}/").json()
    assert isinstance(walk["length_m"], int) and walk["length_m"] > 0
    assert walk["length_is_straight_line"] is True
    assert walk["duration_iso"].startswith("PT")
    assert set(walk["hero_image"]) == IMAGE
    assert set(walk["hero_image"]["renditions"]) == {"thumbnail", "medium", "large"}
    assert walk["hero_image"]["renditions"]["medium"]["url"].startswith("http://testserver/media/")
    assert walk["hero_image"]["alt"]
    assert all(set(language) == LANGUAGE for language in walk["languages"])
    assert set(walk["downloads"]) == {"geojson", "gpx", "print_sheets"}
    assert [stop["number"] for stop in walk["stops"]] == list(range(1, 8))
    assert set(walk["stops"][0]) == {
        "id",
        "number",
        "locale",
        "title",
        "teaser",
        "latitude",
        "longitude",
        "address",
        "html_url",
        "detail_url",
        "short_url",
    }
    assert walk["intro"].startswith("<p>")


def test_stop_shape_with_story_blocks(client, demo_tour):
    from tours.models import TourStopPage

    stop = TourStopPage.objects.child_of(demo_tour).live().get(slug="marktplatz")
    body = client.get(f"/api/v3/pages/{stop.pk}/").json()
    assert isinstance(body["latitude"], str | float)
    assert body["tour"]["number"] == 3
    assert set(body["tour"]) == {"walk", "number", "stop_count", "previous", "next"}
    assert set(body["tour"]["walk"]) == PAGE_LINK
    assert body["short_url"] == f"http://testserver/q/{stop.pk}/"
    blocks = {block["type"]: block["value"] for block in body["story"]}
    assert blocks["paragraph"].startswith("<p>")
    audio = blocks["audio"]
    assert set(audio) == {"title", "audio", "transcript", "credit", "language"}
    assert set(audio["audio"]) == {"id", "title", "url", "file_extension", "file_size"}
    assert audio["audio"]["url"].startswith("http://testserver/documents/")
    assert audio["transcript"]


def test_image_blocks_carry_renditions_and_alt_text(client, demo_tour):
    from wagtail.images.models import Image

    from tours.models import TourStopPage

    image = Image.objects.first()
    stop = TourStopPage.objects.child_of(demo_tour).live().first()
    stop.story.append(
        (
            "image",
            {
                "image": image,
                "caption": "Eine Bildunterschrift",
                "credit": "Stadtarchiv",
            },
        )
    )
    stop.story.append(("quote", {"quote": "Wir sind geblieben.", "speaker": "Eine Nachbarin"}))
    stop.story.append(("period", {"label": "Anwerbejahre", "start_year": 1960, "end_year": 1973}))
    stop.save_revision().publish()
    story = client.get(f"/api/v3/pages/{stop.pk}/").json()["story"]
    image_block = next(block["value"] for block in story if block["type"] == "image")
    assert set(image_block) == {"image", "decorative", "caption", "credit"}
    assert set(image_block["image"]) == IMAGE
    assert image_block["image"]["alt"] == image.default_alt_text
    assert image_block["caption"] == "Eine Bildunterschrift"
    quotes = [block["value"] for block in story if block["type"] == "quote"]
    assert {"quote": "Wir sind geblieben.", "speaker": "Eine Nachbarin", "language": ""} in quotes
    period = next(block["value"] for block in story if block["type"] == "period")
    assert period["start_year"] == 1960


def test_association_shape_shows_only_public_contact_details(client):
    from home.models import AssociationPage

    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    association.contact_email = "vorstand@example.org"
    association.show_contact_email = True
    association.contact_phone = "0170 000000"
    association.show_contact_phone = False
    association.representatives.create(
        name="Mit Einwilligung", role="Vorsitz", consent_to_publish=True
    )
    association.representatives.create(name="Ohne Einwilligung", consent_to_publish=False)
    association.save_revision().publish()
    body = client.get(f"/api/v3/pages/{association.pk}/").json()
    contact = body["contact"]
    assert set(contact) == {"email", "phone", "address", "social_links", "representatives"}
    assert contact["email"] == "vorstand@example.org"
    assert contact["phone"] == ""
    assert {"name": "Mit Einwilligung", "role": "Vorsitz"} in contact["representatives"]
    assert "Ohne Einwilligung" not in str(body)
    assert all(set(term) == TERM for term in body["focus_areas"])


def test_meeting_shape_tells_registration_but_never_who_registered(client):
    from home.models import MeetingPage

    meeting = MeetingPage.objects.live().filter(registration_open=True).first() or (
        MeetingPage.objects.live().first()
    )
    body = client.get(f"/api/v3/pages/{meeting.pk}/").json()
    assert set(body["registration"]) == {"open", "capacity", "places_left", "waiting_list", "url"}
    assert all(set(link) == PAGE_LINK for link in body["attending_associations"])


def test_project_shape_with_working_groups(client):
    from projects.models import ProjectPage

    project = ProjectPage.objects.live().filter(working_groups__isnull=False).first()
    body = client.get(f"/api/v3/pages/{project.pk}/").json()
    group = body["working_groups"][0]
    assert set(group) == {
        "name",
        "purpose",
        "meeting_rhythm",
        "contact",
        "member_associations",
        "invited_actors",
    }
    assert all(set(link) == PAGE_LINK for link in group["member_associations"])
    assert all(isinstance(actor, str) for actor in group["invited_actors"])


def test_form_pages_describe_their_fields_without_the_honeypot(client):
    from tours.models import StoryFormPage

    page = StoryFormPage.objects.live().first()
    fields = client.get(f"/api/v3/pages/{page.pk}/").json()["form"]
    names = [field["name"] for field in fields]
    assert "website" not in names
    assert {"title", "story", "photo", "consent_privacy", "consent_to_publish"} <= set(names)
    photo = next(field for field in fields if field["name"] == "photo")
    assert photo["type"] == "file" and not photo["required"]
    language = next(field for field in fields if field["name"] == "language")
    assert language["type"] == "choice" and language["choices"]


def test_every_stream_field_is_typed_and_keeps_to_its_shape(client):
    """The OpenAPI document types the blocks of every StreamField in the API (Wagtail alone
    says "a list of anything"); every demo page's blocks match the documented shapes."""
    from pydantic import TypeAdapter

    from wagtail.fields import StreamField

    from home.api.blocks import STREAM_FIELD_SHAPES

    document = client.get("/api/v3/openapi.json").json()
    seen = set()
    for model in get_page_models():
        for api_field in getattr(model, "api_fields", []):
            fields = {field.name: field for field in model._meta.get_fields()}
            if not isinstance(fields.get(api_field.name), StreamField):
                continue  # another kind of field, or a computed one
            key = (f"{model.__name__}Schema", api_field.name)
            assert key in STREAM_FIELD_SHAPES, f"{key} is untyped: register_stream_field()"
            documented = document["components"]["schemas"][key[0]]["properties"][key[1]]
            assert documented["items"]["discriminator"]["propertyName"] == "type"
            adapter = TypeAdapter(STREAM_FIELD_SHAPES[key])
            for page in model.objects.live().public():
                blocks = client.get(f"/api/v3/pages/{page.pk}/").json()[api_field.name]
                adapter.validate_python(blocks)
                seen |= {block["type"] for block in blocks}
    assert {"paragraph", "quote", "audio", "agenda", "documents"} <= seen, seen
    assert "transcript" in document["components"]["schemas"]["Audio"]["properties"]
