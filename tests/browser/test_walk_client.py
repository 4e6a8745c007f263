"""The example client in examples/walk-client/ renders a walk from the API, served from an
origin of its own like any external front end, with that origin allowed through CORS."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.test import override_settings

from tours.models import TourStopPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLIENT_DIR = Path(__file__).resolve().parents[2] / "examples" / "walk-client"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def client_origin():
    """A static file server for the client on a port of its own (below the ephemeral range)."""
    handler = functools.partial(QuietHandler, directory=CLIENT_DIR)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def stop_titles(demo_site, demo_tour):
    """Read before the browser starts (see tests/browser/test_walk.py)."""
    stops = TourStopPage.objects.live().public().child_of(demo_tour).order_by("path")
    return [stop.title for stop in stops]


def test_the_example_client_shows_a_walk_and_its_stops(
    stop_titles, demo_site, client_origin, browser
):
    with override_settings(CORS_ALLOWED_ORIGINS=[client_origin]):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{client_origin}/?api={demo_site}")

        page.get_by_role("link", name="Ankommen in Sindelfingen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Ankommen in Sindelfingen")
        stops = page.get_by_role("list", name="Stationen in Gehreihenfolge").get_by_role("link")
        expect(stops).to_have_text(stop_titles)
        expect(page.locator(".facts")).to_contain_text("Dauer")

        page.get_by_role("link", name="Marktplatz: der erste Einkauf").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Marktplatz: der erste Einkauf")
        expect(page.locator("audio[controls]")).to_have_count(1)
        page.get_by_text("Abschrift lesen").click()
        expect(page.get_by_text("Dies ist eine Beispielaufnahme", exact=False)).to_be_visible()
        page.get_by_role("link", name="Weiter: Stadtmuseum", exact=False).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Stadtmuseum: Erinnerungen sammeln"
        )
        # The skip link moves to the content and leaves the stop in place.
        page.locator(".skip-link").focus()
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Stadtmuseum: Erinnerungen sammeln"
        )

        page.goto(f"{client_origin}/?api={demo_site}#walk/999999")
        expect(page.get_by_role("heading", level=1)).to_have_text("Das hat nicht geklappt")
        expect(page.locator("#view")).to_contain_text("Diese Seite gibt es nicht")
        assert errors == []
        page.close()


def test_rich_text_passes_an_allow_list(demo_site, client_origin, browser):
    """?api= may name any server: its HTML must not run script on the client's origin."""
    page = browser.new_page()
    page.goto(f"{client_origin}/?api={demo_site}")
    cleaned = page.evaluate(
        """richText('<p onclick="x()">Hallo <a href="javascript:alert(1)">a</a> '
        + '<a href="https://example.org/">b</a></p><img src=x onerror=alert(1)>'
        + '<script>alert(2)</script><h2 lang="tr">Merhaba</h2>').innerHTML"""
    )
    assert cleaned == (
        '<p>Hallo <a>a</a> <a href="https://example.org/">b</a></p><h2 lang="tr">Merhaba</h2>'
    )
    page.close()


def test_without_cors_for_its_origin_the_client_says_so(demo_site, client_origin, browser):
    page = browser.new_page()
    page.goto(f"{client_origin}/?api={demo_site}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Das hat nicht geklappt")
    expect(page.get_by_role("status")).to_contain_text("CORS_ALLOWED_ORIGINS")
    page.close()
