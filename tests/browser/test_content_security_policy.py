"""Every public page type works under the site's strict Content-Security-Policy in Chromium:
no script, style or image is refused (the ``browser`` fixture records every violation), the
scripts that must run do run (with the nonce), and the map's tile server is allowed once it is
configured."""

import re

import pytest
from admin_browser import log_in
from network_users import make_city_editor
from playwright.sync_api import expect
from public_pages import ARABIC_PAGES, PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_every_public_page_type_loads_without_a_violation(browser, demo_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in [*PAGES.values(), *(ARABIC_PAGES[name] for name in ("home", "walk"))]:
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("load")
    page.close()
    assert browser.csp_violations == []


def test_the_error_summary_of_a_form_takes_the_focus_under_the_policy(browser, demo_site):
    """The summary's inline script runs (with its nonce): the focus moves there."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + PAGES["join"])
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#form-errors")).to_be_focused()
    page.close()
    assert browser.csp_violations == []


def test_the_map_loads_its_tiles_from_the_configured_server(browser, demo_site, settings):
    settings.TOURS_MAP_TILE_URL = "http://tiles.invalid/{z}/{x}/{y}.png"
    page = browser.new_page(viewport={"width": 390, "height": 844})
    tiles = []
    page.on("request", lambda request: "tiles.invalid" in request.url and tiles.append(request))
    page.goto(demo_site + PAGES["walk"])
    page.get_by_role("button", name="Interaktive Karte laden").click()
    expect(page.locator(".leaflet-interactive")).not_to_have_count(0)
    page.wait_for_timeout(500)
    page.close()
    assert tiles, "the tiles should have been asked for"
    assert browser.csp_violations == []


def test_an_inline_script_without_the_nonce_would_be_refused(browser, demo_site):
    """The watch itself works: a script injected without the nonce is reported."""
    page = browser.new_page()
    page.goto(demo_site + PAGES["home"])
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.ranWithoutNonce = true";
          document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ranWithoutNonce") is None
    page.close()
    # Once as the page's event, once as Chromium's console error.
    assert [
        violation.get("directive")
        for violation in browser.csp_violations
        if "directive" in violation
    ] == ["script-src-elem"]
    assert any("console" in violation for violation in browser.csp_violations)
    browser.csp_violations.clear()  # expected here; the fixture would fail the test otherwise


def test_the_api_docs_work_under_the_policy(browser, demo_site):
    """Swagger UI, served from our own static files (ninja), needs nothing inline."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    response = page.goto(demo_site + "/api/v3/docs/")
    assert response.status == 200
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    page.close()
    assert browser.csp_violations == []


@pytest.fixture
def city_editor(demo_site):
    """Made before the browser starts (see the browser fixture)."""
    return make_city_editor("stadt-csp").username


def test_an_editor_sees_the_userbar_and_the_admin_without_an_enforced_violation(
    city_editor, browser, demo_site
):
    """Wagtail's userbar on public pages lives with the strict policy; the admin's page editor
    with its preview panel (framed by the admin) with the admin's."""
    page = log_in(browser, demo_site, city_editor)

    page.goto(demo_site + PAGES["stop"])
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator("wagtail-userbar").locator("[data-wagtail-userbar-trigger]").click()
    page.get_by_role("menuitem", name=re.compile("Seite bearbeiten|Bearbeiten")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name=re.compile("Vorschau")).first.click()
    expect(page.frame_locator("iframe[title]").first.locator("body")).not_to_be_empty()
    page.wait_for_timeout(500)
    page.context.close()
    assert browser.csp_violations == []
