"""An author who cannot publish sees "Zur Prüfung einreichen" as the editor's main button, not
behind the footer menu's "^"; after the city asks for changes it says "Erneut zur Prüfung
einreichen". Editors who publish keep Wagtail's footer."""

import re

import pytest
from moderated_path import decide, submitted_stop
from network_users import make_city_editor, make_editor_of

pytestmark = pytest.mark.django_db


def main_button(html):
    """The label of the footer's main button: the one before the menu's toggle."""
    footer = html[html.index("<footer") :]
    button = footer[: footer.index("w-dropdown__toggle")]
    labels = re.findall(r"<button[^>]*>\s*(?:<svg.*?</svg>)?\s*([^<]+?)\s*<", button, re.S)
    return labels[-1]


def test_an_author_submits_with_the_main_button(client, demo_tour):
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))

    html = client.get(f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/").content.decode()

    assert main_button(html) == "Zur Prüfung einreichen"


def test_after_changes_were_asked_for_the_main_button_resubmits(client, demo_tour, people):
    stop = submitted_stop(
        client, people["author"], demo_tour, "Station mit Rückfrage", "mit-rueckfrage"
    )
    decide(stop, people["reviewer"], "reject")

    html = client.get(f"/admin/pages/{stop.pk}/edit/").content.decode()

    assert main_button(html) == "Erneut zur Prüfung einreichen"


def test_the_city_keeps_its_own_main_button(client, demo_tour):
    client.force_login(make_city_editor())

    html = client.get(f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/").content.decode()

    assert main_button(html) != "Zur Prüfung einreichen"
