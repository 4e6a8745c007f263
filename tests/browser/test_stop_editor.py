"""A volunteer on a phone takes the stop's location from the device with one tap."""

import pytest
from admin_browser import log_in
from network_users import make_editor_of
from playwright.sync_api import expect

from tours.models import TourPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MARKET_SQUARE = {"latitude": 48.7131, "longitude": 9.0028, "accuracy": 12}


@pytest.fixture
def volunteer(demo_site):
    return {
        "username": make_editor_of("kulturbruecke-anatolien", username="autorin").username,
        "tour_id": TourPage.objects.get(slug="ankommen-in-sindelfingen").pk,
    }


def test_the_location_button_fills_both_fields_on_a_phone(
    volunteer, browser, demo_site, screenshot
):
    page = log_in(
        browser,
        demo_site,
        volunteer["username"],
        viewport={"width": 390, "height": 844},
        geolocation=MARKET_SQUARE,
        permissions=["geolocation"],
    )
    page.goto(f"{demo_site}/admin/pages/add/tours/tourstoppage/{volunteer['tour_id']}/")

    page.get_by_role("button", name="Meinen Standort verwenden").click()

    expect(page.locator("#id_latitude")).to_have_value("48.713100")
    expect(page.locator("#id_longitude")).to_have_value("9.002800")
    expect(page.get_by_role("status").filter(has_text="Standort übernommen")).to_contain_text(
        "auf etwa 12 m genau"
    )
    screenshot(page, "location-from-the-device")


@pytest.fixture
def first_stop_on_the_sketch(volunteer):
    """Where the walk's first stop is, and where the editor's sketch draws it."""
    from tours.sketch import route_sketch

    stops = TourPage.objects.get(pk=volunteer["tour_id"]).get_children().specific()
    stops = list(stops.order_by("path"))
    sketch = route_sketch(stops)
    first = stops[0]
    x, y = sketch.projection.to_px(float(first.latitude), float(first.longitude))
    return {
        "latitude": float(first.latitude),
        "longitude": float(first.longitude),
        "x": x / sketch.width,
        "y": y / sketch.height,
    }


def test_a_tap_on_the_walks_sketch_sets_the_stops_coordinates(
    volunteer, first_stop_on_the_sketch, browser, demo_site
):
    first = first_stop_on_the_sketch
    page = log_in(browser, demo_site, volunteer["username"], viewport={"width": 390, "height": 844})
    page.goto(f"{demo_site}/admin/pages/add/tours/tourstoppage/{volunteer['tour_id']}/")

    page.get_by_text("Auf der Skizze des Rundgangs wählen").click()
    svg = page.locator("[data-pick-location]")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    page.mouse.click(box["x"] + first["x"] * box["width"], box["y"] + first["y"] * box["height"])

    # Where the first stop is, to within a pixel of the drawing (a few metres).
    assert abs(float(page.input_value("#id_latitude")) - first["latitude"]) < 0.0002
    assert abs(float(page.input_value("#id_longitude")) - first["longitude"]) < 0.0002
    expect(page.get_by_role("status").filter(has_text="aus der Skizze")).to_be_visible()
