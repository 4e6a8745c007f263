"""The admin as an association's volunteer meets it: only what they can use, in plain German."""

import json
import re

import pytest
from media_files import make_image
from network_users import make_city_editor, make_editor_of

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.models import APIToken

from home.blocks import CaptionedImageBlock

pytestmark = pytest.mark.django_db


def menu_names(client):
    html = client.get("/admin/").content.decode()
    return set(re.findall(r'"name": "([a-z_-]+)"', html))


@pytest.fixture
def volunteer(home):
    return make_editor_of("kulturbruecke-anatolien", username="autorin")


def test_a_volunteer_is_offered_only_what_they_can_use(client, volunteer):
    client.force_login(volunteer)

    names = menu_names(client)

    assert {"explorer", "images", "documents", "account"} <= names
    # Reports on the whole site, the API tokens they never asked for, Wagtail's English help.
    assert not names & {"reports", "site-history", "aging-pages", "workflows", "api_tokens", "help"}


def test_a_volunteer_with_a_token_finds_the_token_page(client, volunteer):
    APIToken.create_token(user=volunteer, name="Vereinswebsite")
    client.force_login(volunteer)

    assert "api_tokens" in menu_names(client)


def test_the_city_keeps_the_reports_and_the_tokens(client, home):
    client.force_login(make_city_editor())

    names = menu_names(client)

    assert {"reports", "site-history", "api_tokens"} <= names
    assert "help" not in names  # for the site's administrators only


def test_administrators_keep_wagtails_help(client, home):
    client.force_login(
        get_user_model().objects.create_superuser("verwaltung", "v@example.org", "x-2026-y")
    )

    assert "help" in menu_names(client)


def test_wagtails_page_fields_speak_plain_german(client, volunteer, demo_tour):
    client.force_login(volunteer)

    html = client.get(f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/").content.decode()

    assert "Kurzname der Adresse" in html
    assert "Beschreibung in Suchmaschinen" in html
    for jargon in ("Kurztitel", "Meta-Information", "domain.com", "[my-slug]"):
        assert jargon not in html


def test_the_image_block_is_labelled_in_german_and_names_its_image():
    block = CaptionedImageBlock().child_blocks["image"]

    with translation.override("de"):
        labels = {name: str(child.label) for name, child in block.child_blocks.items()}
        assert labels == {
            "image": "Foto oder Grafik",
            "decorative": "Nur Schmuck, ohne Aussage",
            "alt_text": "Was auf dem Bild zu sehen ist",
        }
    assert block.meta.label_format == "{image}"
    assert CaptionedImageBlock().meta.label_format == "{image} {caption}"


def test_alt_text_is_never_proposed_from_the_file_name(client, home):
    image = make_image(title="IMG_2041_Oma_Koffer.jpg")
    client.force_login(make_city_editor())

    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))

    assert image.default_alt_text == ""
    assert chosen.status_code == 200
    assert json.loads(chosen.content)["result"]["default_alt_text"] == ""
    image.description = "Eine Frau mit einem Koffer am Bahnhof Sindelfingen, 1964."
    assert image.default_alt_text == image.description


def test_readers_still_get_a_text_for_a_hero_image_nobody_described():
    from medialibrary.alt_text import for_readers

    image = make_image(title="Marktplatz Sindelfingen")

    assert for_readers(image) == "Marktplatz Sindelfingen"
    assert for_readers(None) == ""


@pytest.fixture
def volunteers_stop(volunteer, demo_tour):
    """A stop the volunteer wrote (their association may edit it)."""
    from home.roles import grant_to_contributors

    from factories import TourStopPageFactory

    stop = TourStopPageFactory(parent=demo_tour, title="Eisdiele Venezia", live=False)
    stop.save_revision(user=volunteer)
    grant_to_contributors(stop, volunteer)
    return stop


def test_no_english_on_the_volunteers_admin_pages(client, volunteer, volunteers_stop, demo_tour):
    from english_text import english_in

    from home.models import AssociationPage

    own = AssociationPage.objects.get(slug="kulturbruecke-anatolien", locale__language_code="de")
    client.force_login(volunteer)
    views = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{demo_tour.pk}/",
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        f"/admin/pages/{volunteers_stop.pk}/edit/",
        f"/admin/pages/{volunteers_stop.pk}/history/",
        f"/admin/pages/{own.pk}/edit/",
        "/admin/pages/search/?q=Bahnhof",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/account/",
    ]
    found = {}
    for view in views:
        response = client.get(view, HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 200, view
        english = english_in(response.content.decode())
        if english:
            found[view] = english

    assert found == {}


def test_the_english_scan_finds_wagtails_english_and_skips_what_nobody_reads():
    from english_text import english_in

    html = (
        '<label>Image<span>*</span></label><nav aria-label="Actions"></nav><p>Bild</p>'
        "<div hidden>None</div><select><option>English</option></select>"
    )

    assert english_in(html) == ["Actions", "Image"]


def test_bulk_actions_are_for_who_may_publish(client, volunteer, home):
    client.force_login(volunteer)
    volunteers_listing = client.get("/admin/pages/").content.decode()
    client.force_login(make_city_editor())
    city_listing = client.get("/admin/pages/").content.decode()

    assert "data-bulk-action-checkbox" not in volunteers_listing
    assert "data-bulk-action-checkbox" in city_listing


def test_the_volunteers_dashboard_starts_with_their_own_pages(client, volunteer):
    client.force_login(volunteer)

    html = client.get("/admin/").content.decode()

    assert "Seiten Ihrer Vereine" in html
    # No site totals (which would count other associations' new drafts) and no second list
    # of their pages in moderation or of their last changes.
    assert 'class="w-summary__list"' not in html
    assert 'id="objects-in-workflow-section"' not in html
    assert 'id="recent-edits-section"' not in html


def test_drag_handles_only_for_who_may_reorder_a_walk(client, volunteer, demo_tour):
    client.force_login(volunteer)
    volunteers_walk = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()
    client.force_login(make_city_editor())
    city_walk = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()

    assert "data-w-orderable-url-value" not in volunteers_walk
    assert "data-w-orderable-url-value" in city_walk
