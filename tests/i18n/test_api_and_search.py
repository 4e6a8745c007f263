"""The API filters by language and links translations; the site's search finds what a reader
can read in their language."""

import pytest
from lxml import html as lxml_html

from django.db import connection

from tours.models import TourPage

from factories import translate

pytestmark = pytest.mark.django_db


def items(response):
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


def test_wagtails_page_list_filters_by_locale(client):
    english = items(client.get("/api/v3/pages/?locale=en&limit=100"))
    turkish_stops = items(client.get("/api/v3/pages/?locale=tr&type=tours.TourStopPage"))

    assert english and {page["meta"]["locale"] for page in english} == {"en"}
    assert {stop["title"] for stop in turkish_stops} == {
        "İstasyon: elde bir bavulla varış",
        "Pazar meydanı: ilk alışveriş",
    }
    assert client.get("/api/v3/pages/?locale=xx").status_code == 404


def test_every_page_links_its_live_translations(client):
    walk = TourPage.objects.get(slug="ankommen-in-sindelfingen")
    translate(walk, "it", publish=False)

    detail = client.get(f"/api/v3/pages/{walk.pk}/").json()

    links = {link["locale"]: link for link in detail["translations"]}
    assert set(links) == {"en", "tr", "ar"}  # not itself, not the Italian draft
    assert links["en"]["title"] == "Arriving in Sindelfingen"
    assert links["en"]["html_url"] == "http://testserver/en/walks/arriving-in-sindelfingen/"
    english = client.get(links["en"]["detail_url"]).json()
    assert {link["locale"] for link in english["translations"]} == {"de", "tr", "ar"}
    translations_of = items(client.get(f"/api/v3/pages/?translation_of={walk.pk}"))
    assert {page["meta"]["locale"] for page in translations_of} == {"en", "tr", "ar"}


def test_domain_lists_are_read_in_a_language_with_german_originals_standing_in(client):
    walks = items(client.get("/api/v3/tours/?locale=tr"))
    associations = items(client.get("/api/v3/associations/?locale=en&limit=100"))

    assert [(walk["locale"], walk["title"]) for walk in walks] == [("tr", "Sindelfingen'e varış")]
    assert len(associations) == 13
    assert {item["locale"] for item in associations} == {"de"}  # none translated yet
    focus_areas = {term["name"] for item in associations for term in item["focus_areas"]}
    assert "Culture" in focus_areas and "Kultur" not in focus_areas
    german = items(client.get("/api/v3/tours/"))
    assert [walk["title"] for walk in german] == ["Ankommen in Sindelfingen"]


def test_a_filtered_list_in_another_language_finds_the_originals_too(client):
    found = items(client.get("/api/v3/associations/?locale=en&focus_area=kultur&limit=100"))
    german = items(client.get("/api/v3/associations/?focus_area=kultur&limit=100"))

    assert found and {item["id"] for item in found} == {item["id"] for item in german}


def test_an_unknown_language_is_a_clear_error(client):
    for path in ("/api/v3/tours/?locale=xx", "/api/v3/meetings/calendar/?locale=klingon"):
        response = client.get(path)
        assert response.status_code == 422, path
        [error] = response.json()["errors"]
        assert error["loc"] == ["query", "locale"]
        assert "de, en, tr" in error["msg"]


def test_the_openapi_document_describes_the_locale_parameter(client):
    document = client.get("/api/v3/openapi.json").json()

    parameters = document["paths"]["/api/v3/tours/"]["get"]["parameters"]
    [locale] = [parameter for parameter in parameters if parameter["name"] == "locale"]
    assert "German original" in locale["description"]
    card = document["components"]["schemas"]["TourCard"]
    assert "locale" in card["required"]


def search(client, path):
    response = client.get(path)
    assert response.status_code == 200
    document = lxml_html.fromstring(response.content)
    return [
        (title.get("lang"), title.text_content())
        for title in document.cssselect(".search-result__title")
    ]


def test_the_search_finds_content_in_the_readers_language(client):
    english = search(client, "/en/search/?q=market")
    german = search(client, "/de/suche/?q=Markt")

    assert (None, "Market square: the first shopping trip") in english
    assert all(title != "Marktplatz: der erste Einkauf" for _lang, title in english)
    assert (None, "Marktplatz: der erste Einkauf") in german


def test_the_search_finds_originals_that_are_not_translated_yet(client):
    results = search(client, "/en/search/?q=Kulturbrücke")

    assert ("de", "Kulturbrücke Anatolien e. V.") in results


def test_the_search_refuses_an_overlong_query_clearly(client):
    response = client.get("/de/suche/", {"q": "x" * 201})

    assert response.status_code == 400
    assert "höchstens 200 Zeichen" in response.content.decode()
    assert client.get("/de/suche/?q=Markt&seite=99").status_code == 404
    assert client.get('/de/suche/?q="').status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="German stemming is PostgreSQL's")
def test_the_search_stems_german_words_on_postgresql(client):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)

    assert (None, "Stadtmuseum: Erinnerungen sammeln") in search(client, "/de/suche/?q=Erinnerung")
    assert any(
        title.startswith("Bahnhof") for _lang, title in search(client, "/de/suche/?q=Koffern")
    )


def test_stand_ins_in_api_answers_have_the_addresses_readers_of_the_language_use(client):
    turkish_walk = TourPage.objects.get(slug="sindelfingene-varis")

    stops = client.get(f"/api/v3/pages/{turkish_walk.pk}/").json()["stops"]
    associations = items(client.get("/api/v3/associations/?locale=ar&limit=3"))

    assert [stop["locale"] for stop in stops] == ["tr", "de", "tr", "de", "de", "de", "de"]
    assert all(stop["html_url"].startswith("http://testserver/tr/") for stop in stops)
    assert all(
        item["html_url"].startswith("http://testserver/ar/vereine/") for item in associations
    )
    calendar = client.get("/api/v3/meetings/calendar/?locale=en").content.decode()
    assert "http://testserver/en/treffen/" in calendar.replace("\r\n ", "")


def test_vocabularies_refuse_an_unknown_language(client):
    assert client.get("/api/v3/vocabularies/languages/?locale=xx").status_code == 422
    assert client.get("/api/v3/vocabularies/focus-areas/?locale=xx").status_code == 422
    names = [
        term["name"] for term in client.get("/api/v3/vocabularies/focus-areas/?locale=tr").json()
    ]
    assert "Kültür" in names
