"""A reader sends a story with a phone photo that knows where it was taken; the city takes it
over as a stop and publishes it: what the public then gets (the image and its renditions)
tells nobody where the photo was taken or with which phone."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from media_files import metadata_left_in, phone_photo_bytes
from network_users import make_city_editor
from playwright.sync_api import expect

from django.conf import settings

from .test_moderation import log_in, open_more_actions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Die Koffer vom Bahnhof"


@pytest.fixture
def city(demo_site):
    return make_city_editor(username="stadt-browser").username


def stored_file(url):
    """The file behind a public media address, as the web server in front would send it."""
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL), url
    return Path(settings.MEDIA_ROOT, path.removeprefix(settings.MEDIA_URL)).read_bytes()


def test_a_story_photo_is_published_without_its_gps_position(
    city, browser, demo_site, tmp_path, screenshot
):
    photo = tmp_path / "IMG_0815.jpg"
    photo.write_bytes(phone_photo_bytes(size=(640, 480)))

    reader = browser.new_page(viewport={"width": 390, "height": 844})
    reader.goto(f"{demo_site}/de/rundgaenge/geschichte-erzaehlen/")
    reader.fill("#id_title", TITLE)
    reader.fill("#id_story", "Am Bahnhof standen 1964 die Koffer in langen Reihen.")
    reader.set_input_files("#id_photo", str(photo))
    reader.fill("#id_author_name", "Leser Tarik")
    reader.check("#id_consent_to_publish")
    reader.check("#id_consent_privacy")
    reader.get_by_role("button", name=re.compile("senden", re.IGNORECASE)).click()
    expect(reader.get_by_role("status").or_(reader.locator(".messages"))).to_contain_text("Danke")

    editor = log_in(browser, demo_site, city)
    editor.goto(f"{demo_site}/admin/geschichten/")
    screenshot(editor, "00-city-sees-the-story")
    editor.locator("tr", has_text=TITLE).locator("button").first.click()
    editor.get_by_role("link", name="Als Station übernehmen").click()
    editor.select_option("#id_tour", label="Ankommen in Sindelfingen")
    editor.fill("#id_latitude", "48.708600")
    editor.fill("#id_longitude", "9.011800")
    editor.fill("#id_photo_alt_text", "Koffer in langen Reihen am Bahnhof")
    screenshot(editor, "01-city-takes-over")
    editor.get_by_role("button", name="Entwurf anlegen").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    open_more_actions(editor)
    editor.locator("footer").get_by_role("button", name="Veröffentlichen").click()
    expect(editor.get_by_role("status")).to_contain_text("veröffentlicht")

    reader.goto(f"{demo_site}/de/rundgaenge/ankommen-in-sindelfingen/")
    reader.get_by_role("link", name=TITLE).click()
    picture = reader.get_by_role("img", name="Koffer in langen Reihen am Bahnhof")
    expect(picture).to_be_visible()
    screenshot(reader, "02-reader-sees-the-photo")
    rendition_url = picture.evaluate("img => img.currentSrc || img.src")
    assert metadata_left_in(stored_file(rendition_url)) == set()

    images = reader.request.get(f"{demo_site}/api/v3/images/?limit=100").json()["items"]
    image = next(item for item in images if item["title"] == TITLE)
    original = stored_file(image["meta"]["download_url"])
    assert metadata_left_in(original) == set()
    assert "IMG_0815" not in image["meta"]["download_url"]
