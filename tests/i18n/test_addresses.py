"""Public addresses carry their language; "/" and addresses without one lead to the reader's."""

import pytest

from django.conf import settings

from wagtail.models import Locale

from tours.models import TourStopPage

pytestmark = pytest.mark.django_db

CONFIGURED = ["de", "en", "tr", "it", "el", "hr", "ar"]


def test_the_networks_languages_come_from_one_setting_and_each_has_its_locale():
    assert [code for code, _name in settings.LANGUAGES] == CONFIGURED
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert set(Locale.objects.values_list("language_code", flat=True)) == set(CONFIGURED)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("tr-TR,tr;q=0.9,de;q=0.8", "/tr/"),
        ("ar", "/ar/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,it;q=0.5", "/it/"),  # the best of those we have
        ("fr-FR,fr;q=0.9", "/de/"),  # none we have: German
        ("", "/de/"),
    ],
)
def test_the_root_sends_readers_to_their_best_language(client, accept_language, expected):
    response = client.get("/", headers={"Accept-Language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_every_language_has_its_home_page_under_its_prefix(client):
    for code in CONFIGURED:
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'<html lang="{code}"' in response.content.decode()


def test_an_old_address_without_language_still_leads_to_its_page(client):
    response = client.get("/vereine/kulturbruecke-anatolien/", headers={"Accept-Language": "de"})

    assert response.status_code == 302
    assert response["Location"] == "/de/vereine/kulturbruecke-anatolien/"


def test_addresses_for_machines_and_print_have_no_language(client):
    """The API, the admin, files, the sitemap and the QR codes' short links stay as they are,
    and an honest 404 there is not turned into a redirect."""
    assert client.get("/api/v3/pages/").status_code == 200
    assert client.get("/api/v3/pages/999999/").status_code == 404
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/q/999999/").status_code == 404
    assert client.get("/admin/login/").status_code == 200


def test_a_qr_code_opens_the_stop_in_the_readers_language(client):
    bahnhof = TourStopPage.objects.get(slug="bahnhof", locale__language_code="de")
    short = bahnhof.short_path()

    in_turkish = client.get(short, headers={"Accept-Language": "tr"})
    in_german = client.get(short, headers={"Accept-Language": "de"})

    assert in_turkish["Location"] == "/tr/yuruyusler/sindelfingene-varis/istasyon/"
    assert in_german["Location"] == "/de/rundgaenge/ankommen-in-sindelfingen/bahnhof/"
    assert "Accept-Language" in in_turkish["Vary"]


def test_a_qr_code_of_an_untranslated_stop_opens_the_original_in_the_readers_language(client):
    werkstor = TourStopPage.objects.get(slug="werkstor", locale__language_code="de")

    response = client.get(werkstor.short_path(), headers={"Accept-Language": "ar"})

    assert response["Location"] == "/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/"
    assert client.get(response["Location"]).status_code == 200


def test_a_qr_code_printed_from_a_translation_opens_the_readers_version(client):
    english = TourStopPage.objects.get(slug="market-square")

    response = client.get(english.short_path(), headers={"Accept-Language": "tr"})

    assert response["Location"] == "/tr/yuruyusler/sindelfingene-varis/pazar-meydani/"


def test_the_search_address_is_in_the_readers_language(client):
    assert client.get("/de/suche/?q=Markt").status_code == 200
    assert client.get("/en/search/?q=market").status_code == 200


def test_a_language_added_to_the_setting_is_ready_after_setup(client, settings):
    from home.models import FocusArea
    from home.setup import setup_network

    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES

    setup_network()

    assert Locale.objects.filter(language_code="fr").exists()
    assert FocusArea.objects.filter(slug="kultur", locale__language_code="fr").exists()
    response = client.get("/fr/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "notice--language" in response.content.decode()  # the German home stands in


def test_the_language_a_reader_chose_opens_the_next_qr_code(client):
    """An Arabic reader with a German phone switches to Arabic; the next sign's QR code opens
    in Arabic too."""
    werkstor = TourStopPage.objects.get(slug="werkstor", locale__language_code="de")

    response = client.get("/ar/jawlat/alwusul-ila-sindelfingen/", headers={"Accept-Language": "de"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"

    scanned = client.get(werkstor.short_path(), headers={"Accept-Language": "de"})
    assert scanned["Location"] == "/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/"
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in scanned["Vary"].split(",")}
    assert client.get("/", headers={"Accept-Language": "de"})["Location"] == "/ar/"


def test_unknown_addresses_of_the_api_and_admin_are_not_sent_into_a_language(client):
    for path in ("/api/v3/gibt-es-nicht/", "/admin/gibt-es-nicht/", "/documents/999999/x.pdf"):
        response = client.get(path)
        assert response.status_code in (404, 302), path
        if response.status_code == 302:  # the admin asks to log in first
            assert response["Location"].startswith("/admin/login/"), path
