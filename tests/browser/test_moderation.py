"""The moderated path once through the real Wagtail admin in Chromium: an association's editor
writes a stop and submits it, the working group approves, the city asks for changes with a
comment, the editor reads it on their dashboard, revises and resubmits, the city approves, and
the reader sees the stop."""

import re

import pytest
from admin_browser import log_in
from network_users import make_city_editor, make_editor_of
from playwright.sync_api import expect

from tours.models import TourPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Browser-Station: Die erste Eisdiele"
COMMENT = "Bitte noch das Eröffnungsjahr nennen."


@pytest.fixture
def cast(demo_site):
    """The people and the walk, set up before the browser starts."""
    return {
        "author": make_editor_of("kulturbruecke-anatolien", username="autorin").username,
        "reviewer": make_editor_of("circolo-culturale-ponte", username="pruefer").username,
        "city": make_city_editor().username,
        "tour_id": TourPage.objects.get(slug="ankommen-in-sindelfingen").pk,
    }


def admin_message(page):
    """Wagtail's message area (the editor has other live regions, e.g. the location's)."""
    return page.locator("div.messages[role=status]")


def open_more_actions(page):
    page.locator("footer .w-dropdown__toggle").click()


def workflow_action(page, label, comment=None):
    open_more_actions(page)
    # On the last step Wagtail says "Freigeben und Veröffentlichen".
    page.locator("footer").get_by_role(
        "button", name=re.compile(f"^{re.escape(label)}")
    ).first.click()
    if comment is not None:
        dialog = page.get_by_role("dialog")
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name=label).click()


def test_a_stop_passes_review_and_moderation_in_the_admin(cast, browser, demo_site, screenshot):
    # The association's editor writes the stop and submits it.
    author = log_in(browser, demo_site, cast["author"])
    author.goto(f"{demo_site}/admin/pages/add/tours/tourstoppage/{cast['tour_id']}/")
    author.fill("#id_title", TITLE)
    author.fill("#id_teaser", "Die erste Eisdiele der Stadt.")
    author.fill("#id_latitude", "48.713300")
    author.fill("#id_longitude", "9.003100")
    screenshot(author, "01-author-writes")
    # Submitting is the footer's main button for an author who cannot publish.
    author.locator("footer").get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(admin_message(author)).to_contain_text("zur Moderation eingereicht")
    author.goto(f"{demo_site}/admin/")
    stop_link = author.get_by_role("region", name="Seiten Ihrer Vereine").get_by_role(
        "link", name=TITLE
    )
    expect(stop_link).to_be_visible()
    stop_edit_url = stop_link.get_attribute("href")

    # The working group's reviewer approves.
    reviewer = log_in(browser, demo_site, cast["reviewer"])
    reviewer.goto(demo_site + stop_edit_url)
    workflow_action(reviewer, "Freigeben")
    expect(admin_message(reviewer)).to_contain_text("wurde aktualisiert")

    # The city asks for changes, with a comment.
    city = log_in(browser, demo_site, cast["city"])
    expect(
        city.get_by_role("region", name="Warteschlange der Moderation (älteste zuerst)")
    ).to_contain_text(TITLE)
    expect(
        city.get_by_role("region", name="Warteschlange der Moderation (älteste zuerst)")
    ).to_contain_text("Kulturbrücke Anatolien e. V.")
    screenshot(city, "02-city-queue")
    city.goto(demo_site + stop_edit_url)
    workflow_action(city, "Änderungen anfordern", COMMENT)
    expect(admin_message(city)).to_contain_text("wurde aktualisiert")

    # The author reads the comment on the dashboard, revises and resubmits.
    author.goto(f"{demo_site}/admin/")
    expect(author.get_by_role("region", name="Seiten Ihrer Vereine")).to_contain_text(COMMENT)
    screenshot(author, "03-author-reads-comment")
    author.goto(demo_site + stop_edit_url)
    author.fill("#id_teaser", "Die erste Eisdiele der Stadt, eröffnet 1962.")
    author.locator("footer").get_by_role("button", name="Erneut zur Prüfung einreichen").click()
    expect(admin_message(author)).to_contain_text("eingereicht")

    # The city approves; the stop is live.
    city.goto(demo_site + stop_edit_url)
    if city.locator('footer button[data-workflow-action-name="approve"]').count() == 0:
        # Still at the working group's step after resubmission: the reviewer approves again.
        reviewer.goto(demo_site + stop_edit_url)
        workflow_action(reviewer, "Freigeben")
        city.goto(demo_site + stop_edit_url)
    screenshot(city, "04-city-before-approval")
    workflow_action(city, "Freigeben")
    screenshot(city, "04-city-approved")

    reader = browser.new_page(viewport={"width": 390, "height": 844})
    reader.goto(f"{demo_site}/rundgaenge/ankommen-in-sindelfingen/")
    expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
    reader.get_by_role("link", name=TITLE).click()
    expect(reader.get_by_text("eröffnet 1962")).to_be_visible()
    screenshot(reader, "05-reader-sees-stop")
