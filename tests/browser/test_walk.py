"""A reader on a phone walks "Ankommen in Sindelfingen": the route sketch, stop after stop with
the next links, the audio with its transcript, and the printable sheet whose QR codes lead back
to the stops."""

import re

import pytest
from playwright.sync_api import expect

from tours.models import TourStopPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WALK = "/de/rundgaenge/ankommen-in-sindelfingen/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def stops(demo_site):
    """Titles and short links of the demo stops, read before the browser starts."""
    return [
        {"title": stop.title, "short_path": stop.short_path()}
        for stop in TourStopPage.objects.filter(live=True, locale__language_code="de").order_by(
            "path"
        )
    ]


# `stops` comes before `browser` in the signatures: it reads the database, which must happen
# before Playwright's event loop starts in this thread.


def test_reader_walks_from_stop_to_stop(stops, browser, demo_site, screenshot):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + WALK)

    sketch = page.get_by_role("img", name="Skizze der Route")
    expect(sketch).to_be_visible()
    expect(page.locator(".route-sketch__stop")).to_have_count(7)
    screenshot(page, "01-walk")

    page.get_by_role("link", name="Rundgang starten").click()
    for number, stop in enumerate(stops, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(stop["title"])
        expect(page.locator(".kicker")).to_contain_text(f"Station {number} von 7")
        screenshot(page, f"{number + 1:02d}-stop-{number}")
        if number < len(stops):
            page.get_by_role("link", name=re.compile(f"Weiter zu Station {number + 1}")).click()
    expect(page.locator("a[rel=next]")).to_have_count(0)
    page.close()


def test_reader_finds_the_audio_player_and_its_transcript(browser, demo_site, screenshot):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + WALK + "marktplatz/")

    player = page.locator("audio[controls]")
    expect(player).to_be_visible()
    duration = page.evaluate(
        """async () => {
            const audio = document.querySelector('audio');
            audio.preload = 'metadata';
            audio.load();
            await new Promise((resolve, reject) => {
                audio.addEventListener('loadedmetadata', resolve, {once: true});
                audio.addEventListener('error', () => reject(audio.error), {once: true});
            });
            return audio.duration;
        }"""
    )
    assert duration == pytest.approx(6.0, abs=0.1)  # the sample recording loads and plays

    transcript = page.get_by_text("Dies ist eine Beispielaufnahme")
    expect(transcript).to_be_hidden()
    page.get_by_text("Abschrift lesen").click()
    expect(transcript).to_be_visible()
    screenshot(page, "audio-with-transcript")
    page.close()


def test_print_sheet_has_a_page_per_stop_and_its_qr_codes_lead_to_the_stops(
    stops, browser, demo_site, screenshot, decode_qr
):
    page = browser.new_page(viewport=PHONE)
    page.goto(demo_site + WALK)
    page.get_by_role("link", name=re.compile("Schilder mit QR-Codes")).click()
    expect(page.locator(".sheet")).to_have_count(7)
    screenshot(page, "print-sheet")

    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 7  # one A4 page per stop

    codes = page.locator(".sheet__qr svg")
    for number, stop in enumerate(stops):
        code = codes.nth(number)
        code.scroll_into_view_if_needed()
        decoded = decode_qr(code.screenshot())
        assert decoded.endswith(stop["short_path"]), (number, decoded)

        reader = browser.new_page(viewport=PHONE)
        reader.goto(demo_site + stop["short_path"])
        expect(reader.get_by_role("heading", level=1)).to_have_text(stop["title"])
        reader.close()
    page.close()
