"""Bad input is a 4xx with a message, never a 500: every query parameter of the public pages
and the API's undocumented cases (NUL, huge offsets, 1,300-word searches, quotes on SQLite,
right-to-left marks, line breaks, very long and %-garbled values), page numbers that name no
page, and line breaks in titles and names (forms, API writes, iCal).

Schemathesis (tests/api/test_schemathesis.py) covers the API's documented parameters with
generated values; this covers what it does not generate and the HTML pages."""

from urllib.parse import quote

import pytest
from api_tokens import bearer
from network_users import make_city_editor
from public_pages import PAGES

from home.models import AssociationPage, MeetingPage
from tours.models import StorySubmission

pytestmark = pytest.mark.django_db

THIRTEEN_HUNDRED_WORDS = " ".join(f"wort{number}" for number in range(1300))
#: Values nobody should send, each already %-encoded for a query string.
NASTY = {
    "nul": quote("Markt\x00platz"),
    "huge": "99999999999999999999",
    "negative": "-1",
    "1300 words": quote(THIRTEEN_HUNDRED_WORDS),
    "quote": quote('Markt "platz'),
    "rtl": quote("\u202eztalpkraM\u200f"),
    "line break": quote("Markt\r\nplatz"),
    "very long": "x" * 5000,
    "%-garbage": "%ZZ%00%ff%",
}

WALK = PAGES["walk"]
MEETING = PAGES["meeting-with-registration"]
PROJECT = PAGES["project"]
#: Every public page type (tests/support/public_pages.py) and the documents beside them.
PUBLIC = [
    *{url.split("?")[0] for url in PAGES.values()},
    "/de/treffen/kalender/",
    f"{MEETING}kalender/",
    f"{MEETING}anmelden/",
    f"{WALK}geojson/",
    f"{WALK}gpx/",
    f"{PAGES['stop']}qr/",
    f"{PROJECT}feed/",
    f"{PROJECT}rss/",
    "/sitemap.xml",
    "/ar/",
]
#: The parameters each page reads; every page also gets parameters it does not know.
READS = {
    "/de/suche/": ["q", "seite"],
    "/de/vereine/": ["schwerpunkt", "sprache", "angebot", "bedarf", "seite"],
}
API_LISTS = {
    "/api/v3/pages/": ["offset", "limit", "search", "type", "order", "locale", "child_of"],
    "/api/v3/tours/": ["offset", "limit", "search", "locale"],
    "/api/v3/associations/": ["offset", "limit", "search", "locale"],
    "/api/v3/meetings/": ["offset", "limit", "search", "locale"],
    "/api/v3/images/": ["offset", "limit", "search"],
}


def test_no_public_page_answers_500_to_parameters_it_does_not_know(client, subtests):
    junk = "&".join(f"p{number}={value}" for number, value in enumerate(NASTY.values()))
    for url in PUBLIC:
        with subtests.test(url=url):
            status = client.get(f"{url}?{junk}&seite=2&lang=%00&next=%0d%0a").status_code
            assert status < 500


@pytest.mark.parametrize("url", READS)
def test_no_public_page_answers_500_to_nasty_values_of_what_it_reads(client, subtests, url):
    for parameter in READS[url]:
        for name, value in NASTY.items():
            with subtests.test(parameter=parameter, value=name):
                assert client.get(f"{url}?{parameter}={value}").status_code < 500


@pytest.mark.parametrize("url", API_LISTS)
def test_no_api_list_answers_500_to_nasty_values(client, subtests, url):
    for parameter in [*API_LISTS[url], "unknown_filter"]:
        for name, value in NASTY.items():
            with subtests.test(parameter=parameter, value=name):
                response = client.get(f"{url}?{parameter}={value}")
                assert response.status_code < 500
                if response.status_code >= 400:
                    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("offset=99999999999999999999", "offset"),
        ("limit=99999999999999999999", "limit"),
        (f"search={NASTY['1300 words']}", "search"),
        (f"search={NASTY['nul']}", "search"),
        ("type=home.AssociationPage%00", "type"),
    ],
)
def test_the_api_refuses_what_no_database_takes_naming_the_parameter(client, query, field):
    response = client.get(f"/api/v3/pages/?{query}")

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert ["query", field] in [error["loc"] for error in response.json()["errors"]]


@pytest.mark.parametrize("url", ["/api/v3/pages/", "/api/v3/tours/", "/de/suche/"])
def test_quotes_in_a_search_are_just_ignored(client, url):
    parameter = "q" if url == "/de/suche/" else "search"
    response = client.get(f"{url}?{parameter}={quote('Sindelfingen "')}")

    assert response.status_code == 200


def test_a_long_search_on_the_site_gets_a_message(client):
    response = client.get(f"/de/suche/?q={NASTY['1300 words']}")

    assert response.status_code == 400
    assert "Bitte suchen Sie mit höchstens 200 Zeichen." in response.content.decode()


@pytest.mark.parametrize("number", ["99", "0", "-1", "abc", "99999999999999999999"])
@pytest.mark.parametrize("url", ["/de/suche/?q=Sindelfingen&", "/de/vereine/?"])
def test_a_page_number_that_names_no_page_shows_the_first_with_a_message(client, url, number):
    response = client.get(f"{url}seite={number}")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht" in html
    assert 'class="search-results"' in html or "association-card" in html


def test_the_admin_search_takes_quotes(client):
    client.force_login(make_city_editor())

    response = client.get(f"/admin/pages/search/?q={quote('Markt "')}")

    assert response.status_code == 200


# Line breaks in titles and names ---------------------------------------------------------------

LINE_BREAK = "Bitte ohne Zeilenumbruch: dieses Feld hat nur eine Zeile."


@pytest.mark.parametrize("field", ["title", "author_name", "place"])
def test_the_story_form_refuses_line_breaks_in_one_line_fields(client, field):
    data = {
        "title": "Ankunft",
        "story": "Zeile eins.\nZeile zwei: Geschichten haben Absätze.",
        "author_name": "Nonna Maria",
        "consent_to_publish": "on",
        "consent_privacy": "on",
        field: "Erste Zeile\r\nBcc: alle@example.org",
    }

    response = client.post("/de/rundgaenge/geschichte-erzaehlen/", data)

    assert response.status_code == 400
    assert LINE_BREAK in response.content.decode()
    assert not StorySubmission.objects.filter(author_name__startswith="Erste").exists()
    assert not StorySubmission.objects.filter(title__startswith="Erste").exists()


def test_a_story_keeps_its_paragraphs(client):
    data = {
        "title": "Ankunft mit Absätzen",
        "story": "Zeile eins.\r\nZeile zwei.",
        "author_name": "Nonna Maria",
        "consent_to_publish": "on",
        "consent_privacy": "on",
    }
    assert client.post("/de/rundgaenge/geschichte-erzaehlen/", data).status_code == 302


def test_the_participation_api_refuses_line_breaks_in_names(client):
    response = client.post(
        "/api/v3/participation/membership-applications/",
        {
            "association_name": "Verein\nder Freundschaft",
            "focus": "Sprachkurse",
            "contact_name": "Ayşe\u2028Yılmaz",
            "email": "ayse@example.org",
            "consent_privacy": True,
        },
        content_type="application/json",
    )

    assert response.status_code == 422
    fields = {error["loc"][-1]: error["msg"] for error in response.json()["errors"]}
    assert fields["association_name"] == LINE_BREAK
    assert fields["contact_name"] == LINE_BREAK


def test_the_page_api_refuses_a_title_with_a_line_break(client):
    page = AssociationPage.objects.get(slug="kulturbruecke-anatolien")

    response = client.patch(
        f"/api/v3/pages/{page.pk}/",
        {"meta": {"type": "home.AssociationPage"}, "title": "Kulturbrücke\r\nAnatolien"},
        content_type="application/json",
        headers=bearer(make_city_editor()),
    )

    assert response.status_code == 422, response.content
    assert LINE_BREAK in response.content.decode()
    draft = AssociationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "\n" not in draft.title


def test_the_calendar_escapes_a_title_stored_with_a_line_break(client):
    meeting = MeetingPage.objects.get(
        slug="naechstes-vernetzungstreffen", locale__language_code="de"
    )
    # Stored before line breaks were refused, or by code: the calendar must still be valid.
    MeetingPage.objects.filter(pk=meeting.pk).update(
        title="Treffen\r\nMETHOD:CANCEL", summary="Eins\nZwei"
    )

    response = client.get(f"{meeting.url}kalender/")

    assert response.status_code == 200
    lines = response.content.decode().split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    assert "SUMMARY:Treffen METHOD:CANCEL" in lines
    assert not any(line.startswith("METHOD:CANCEL") for line in lines)
    assert any(line.startswith("DESCRIPTION:Eins\\nZwei") for line in lines)
