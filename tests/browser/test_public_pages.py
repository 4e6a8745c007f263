"""A reader in a real browser: every page type fits a 320 px phone, the keyboard reaches the
content first, filters work, and no page asks a third party for anything."""

from urllib.parse import urlsplit

import pytest
from public_pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_on_phone_and_desktop(browser, demo_site, screenshot):
    own_host = urlsplit(demo_site).netloc
    foreign_requests = []

    for width, height, device in ((320, 640, "phone"), (1280, 900, "desktop")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.on(
            "request",
            lambda request: (
                urlsplit(request.url).netloc != own_host and foreign_requests.append(request.url)
            ),
        )
        for name, path in PAGES.items():
            response = page.goto(demo_site + path)
            assert response.status == 200, path
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
            screenshot(page, f"{device}-{name}")
        context.close()

    assert foreign_requests == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_reaches_the_content_through_the_skip_link(browser, demo_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + "/de/vereine/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0  # visible once focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_directory_filter_by_language_and_share_the_link(browser, demo_site, screenshot):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + "/de/vereine/")

    page.locator("summary", has_text="Sprache").click()
    page.get_by_label("Arabisch").check()
    page.get_by_role("button", name="Filter anwenden").click()

    assert "sprache=arabisch" in page.url
    assert page.get_by_role("status").inner_text() == "3 Vereine passen zu Ihrer Auswahl."
    screenshot(page, "filtered")

    shared = browser.new_page()
    shared.goto(page.url)
    assert shared.get_by_role("status").inner_text() == "3 Vereine passen zu Ihrer Auswahl."
    page.close()
    shared.close()
