"""The walks section renders for readers; the interactive map stays off unless configured."""

import pytest

pytestmark = pytest.mark.django_db


def test_walks_index_lists_the_demo_walk_with_its_figures(client, tour_index, demo_tour):
    html = client.get(tour_index.url).content.decode()

    assert ">Ankommen in Sindelfingen</a>" in html
    assert demo_tour.length_display in html


def test_walk_page_shows_accessibility_and_meeting_point(client, demo_tour):
    html = client.get(demo_tour.url).content.decode()

    assert "Teilweise stufenlos" in html
    assert "Teilweise Kopfsteinpflaster" in html
    assert "Treffpunkt: Bahnhof Sindelfingen, Ausgang Stadtmitte" in html
    assert html.count('<li>\n              <span class="stop-list__number"') == 7


def test_stop_page_offers_the_place_to_a_map_app_without_loading_one(client):
    html = client.get("/de/rundgaenge/ankommen-in-sindelfingen/marktplatz/").content.decode()

    assert 'href="geo:48.713100,9.002800?q=48.713100,9.002800"' in html
    assert "Beigetragen von" in html and "Circolo Culturale Ponte" in html
    assert "Quellen und Nachweise" in html


def test_no_interactive_map_without_a_tile_server(client, demo_tour, settings):
    settings.TOURS_MAP_TILE_URL = ""

    html = client.get(demo_tour.url).content.decode()

    assert "data-tour-map" not in html
    assert "leaflet" not in html
    assert "tours/map.js" not in html


def test_a_configured_map_waits_for_the_reader_and_names_the_tile_host(client, demo_tour, settings):
    settings.TOURS_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"

    html = client.get(demo_tour.url).content.decode()

    assert "data-tour-map" in html
    assert "Die interaktive Karte lädt Kartenkacheln von tiles.example.org." in html
    assert ">Interaktive Karte laden</button>" in html
    assert '<script src="/static/tours/map.js" defer>' in html
    assert '<script src="/static/tours/vendor/leaflet/leaflet.js"' not in html  # only on request


def test_the_demo_walk_stops_lie_in_sindelfingen_and_are_marked_as_samples(demo_tour):
    stops = demo_tour.stops()

    assert 6 <= len(stops) <= 8
    for stop in stops:
        # Sindelfingen's town area, generously bounded
        assert 48.67 < stop.latitude < 48.75, stop.title
        assert 8.94 < stop.longitude < 9.06, stop.title
        assert "Beispielgeschichte" in str(stop.story)
    assert sum(block.block_type == "audio" for stop in stops for block in stop.story) == 1
