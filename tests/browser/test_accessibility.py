"""WCAG 2.1 AA on every public page type, in German and in Arabic (right to left): axe-core
finds no violation on a 320 px phone; text at 200 % keeps the page usable; keyboard users
walk from stop to stop and play the audio; Arabic mirrors the layout but not the map."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from public_pages import ARABIC_PAGES, PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize(
    ("language", "pages"), [("de", PAGES), ("ar", ARABIC_PAGES)], ids=["german", "arabic"]
)
def test_every_page_type_meets_wcag_21_aa_on_a_phone(
    browser, demo_site, screenshot, language, pages
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    found = {}
    for name, path in pages.items():
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        problems = violations(page)
        if problems:
            found[path] = problems
            screenshot(page, f"{language}-{name}")
    context.close()
    assert found == {}


def test_text_at_twice_the_size_keeps_every_page_usable(browser, demo_site):
    """Zoom to 200 %: a 1280 px window then lays out like 640 px. Larger text (a phone's
    setting, or the browser's text-only zoom) doubles the font at 1280, 390 and 320 px.
    None of it may push a page sideways. (The print sheets are laid out for A4 paper.)"""
    settings = (
        ({"width": 640, "height": 800}, "100%"),
        ({"width": 1280, "height": 800}, "200%"),
        ({"width": 390, "height": 844}, "200%"),
        ({"width": 320, "height": 640}, "200%"),
    )
    pages = [
        path for name, path in [*PAGES.items(), *ARABIC_PAGES.items()] if name != "print-sheet"
    ]
    for viewport, font_size in settings:
        page = browser.new_page(viewport=viewport)
        for path in pages:
            page.goto(demo_site + path)
            # Through the CSSOM: the site's Content-Security-Policy refuses an injected
            # <style> without its nonce (as it should), not a script setting a property.
            page.evaluate(
                "size => document.documentElement.style.setProperty('font-size', size, 'important')",
                font_size,
            )
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (
                f"{path} scrolls sideways by {overflow}px ({viewport}, {font_size})"
            )
        page.close()


def tab_to(page, check, limit=80):
    """Press Tab until the focused element passes ``check`` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {check})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {check}")


def focus_is_visible(page):
    return page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()"
    )


def test_a_keyboard_user_walks_the_tour_and_plays_the_audio(browser, demo_site, screenshot):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + "/de/rundgaenge/ankommen-in-sindelfingen/")

    tab_to(page, "el.textContent.trim() === 'Rundgang starten'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Bahnhof: Ankunft mit dem Koffer")

    for number in (2, 3):
        tab_to(page, f"el.rel === 'next' && el.textContent.includes('Station {number}')")
        assert focus_is_visible(page)
        page.keyboard.press("Enter")
        expect(page.locator(".kicker")).to_contain_text(f"Station {number} von 7")

    # Stop 3 has a recording: its player and its transcript are reached and used by keyboard.
    tab_to(page, "el.tagName === 'AUDIO'")
    page.keyboard.press("Space")  # plays
    page.wait_for_function("!document.querySelector('audio').paused")
    page.keyboard.press("Space")  # pauses
    tab_to(page, "el.tagName === 'SUMMARY'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator(".transcript__text")).to_be_visible()
    screenshot(page, "keyboard-transcript")

    tab_to(page, "el.rel === 'prev'")
    page.keyboard.press("Enter")
    expect(page.locator(".kicker")).to_contain_text("Station 2 von 7")
    page.close()


def test_arabic_mirrors_the_layout_but_not_the_map(browser, demo_site, screenshot):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_site + "/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    previous = page.locator(".stop-nav__link--previous").bounding_box()
    following = page.locator(".stop-nav__link--next").bounding_box()
    assert following["x"] < previous["x"], "the way forward lies to the left in Arabic"
    assert (
        page.locator(".stop-nav__link--next .stop-nav__label")
        .evaluate("el => getComputedStyle(el, '::after').content")
        .endswith('←"')
    )
    # The German stop runs left to right inside the Arabic page.
    assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "ltr"
    # The sketch is a map: north stays at the top right.
    north = page.locator(".route-sketch__north").bounding_box()
    sketch = page.locator(".route-sketch__svg").bounding_box()
    assert north["x"] > sketch["x"] + sketch["width"] / 2
    screenshot(page, "arabic-stop")
    page.close()


def test_reduced_motion_is_respected(browser, demo_site):
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_site + "/de/rundgaenge/ankommen-in-sindelfingen/")

    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert page.evaluate("document.getAnimations().length") == 0
    context.close()


def test_a_form_sent_with_mistakes_leads_to_them(browser, demo_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + "/ar/mitmachen/")

    page.locator("form.form button[type=submit]").click()

    expect(page.locator("#form-errors")).to_be_focused()
    assert page.title().startswith("خطأ")
    first_link = page.locator("#form-errors a").first
    target = first_link.get_attribute("href")
    first_link.click()
    assert page.evaluate("document.activeElement.id") == target.lstrip("#")
    invalid = page.locator(target)
    assert invalid.get_attribute("aria-invalid") == "true"
    assert page.locator(f"#{invalid.get_attribute('aria-describedby').split()[-1]}").is_visible()
    page.close()
