"""The optional map asks the tile server for nothing until the reader chooses to load it."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TILE_HOST = "tiles.invalid"


@pytest.fixture
def map_configured(settings):
    settings.TOURS_MAP_TILE_URL = f"http://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png"


def test_tiles_are_requested_only_after_the_reader_asks(map_configured, browser, demo_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    tile_requests = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).hostname == TILE_HOST and tile_requests.append(request.url)
        ),
    )
    page.goto(demo_site + "/de/rundgaenge/ankommen-in-sindelfingen/")
    page.wait_for_load_state("networkidle")
    assert tile_requests == []

    page.get_by_role("button", name="Interaktive Karte laden").click()
    expect(page.locator(".leaflet-container")).to_be_visible()
    expect(page.locator(".leaflet-interactive")).not_to_have_count(0)
    page.wait_for_timeout(500)
    assert tile_requests, "the map should load its tiles once asked to"
    page.close()
