"""The association directory: combinable filters in the URL, a count, a clear 'none', pages."""

import re

import pytest

from home.models import AssociationPage

pytestmark = pytest.mark.django_db


def get(client, directory, query=""):
    return client.get(f"{directory.url}{query}")


def listed_titles(response):
    return sorted(page.title for page in response.context["associations"].object_list)


def test_filter_by_one_language(client, directory):
    response = get(client, directory, "?sprache=arabisch")

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Familienzentrum Al-Manara e. V.",
        "Internationaler Frauentreff Hand in Hand e. V.",
        "Syrischer Kulturverein Jasmin e. V.",
    ]
    assert "3 Vereine passen zu Ihrer Auswahl." in response.content.decode()


def test_two_values_of_one_facet_widen_the_result(client, directory):
    response = get(client, directory, "?sprache=arabisch&sprache=italienisch")

    assert "Circolo Culturale Ponte" in listed_titles(response)
    assert len(listed_titles(response)) == 4


def test_facets_combine_to_narrow_the_result(client, directory):
    response = get(client, directory, "?sprache=arabisch&angebot=uebersetzung&bedarf=raeume")

    assert listed_titles(response) == [
        "Familienzentrum Al-Manara e. V.",
        "Internationaler Frauentreff Hand in Hand e. V.",
        "Syrischer Kulturverein Jasmin e. V.",
    ]
    response = get(client, directory, "?schwerpunkt=frauen&bedarf=kinderbetreuung")
    assert listed_titles(response) == ["Familienzentrum Al-Manara e. V."]
    assert "1 Verein passt zu Ihrer Auswahl." in response.content.decode()


def test_an_association_matching_several_values_is_listed_once(client, directory, settings):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 50

    response = get(client, directory, "?sprache=arabisch&sprache=deutsch")

    titles = listed_titles(response)
    assert len(titles) == len(set(titles)) == 13
    assert response.context["associations"].paginator.count == 13


def test_no_match_says_so_and_offers_the_way_back(client, directory):
    response = get(client, directory, "?sprache=tamil&schwerpunkt=sport")

    assert response.status_code == 200
    html = response.content.decode()
    assert "0 Vereine passen zu Ihrer Auswahl." in html
    assert "Kein Verein passt zu allen gewählten Filtern." in html
    assert "Alle Vereine anzeigen" in html


def test_the_form_keeps_the_choice_so_the_url_can_be_shared(client, directory):
    response = get(client, directory, "?sprache=tamil")

    html = response.content.decode()
    assert re.search(
        r'<input type="checkbox" name="sprache" value="tamil" id="[\w_]+" checked>', html
    )
    assert not re.search(r'value="arabisch" id="[\w_]+" checked', html)
    assert "Sprache: Tamil" in html  # the summary of chosen filters


def test_an_unknown_filter_value_is_a_clear_bad_request(client, directory):
    response = get(client, directory, "?sprache=klingonisch")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Dieser Filter-Link enthält Werte, die es nicht (mehr) gibt" in html
    assert "Sprache:" in html
    assert 'class="card association-card"' not in html


def test_directory_paginates_and_keeps_filters_in_page_links(client, directory, settings):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 5

    first = get(client, directory, "?sprache=deutsch")
    third = get(client, directory, "?sprache=deutsch&seite=3")

    assert len(first.context["associations"].object_list) == 5
    assert "13 Vereine passen zu Ihrer Auswahl." in first.content.decode()
    assert "?sprache=deutsch&amp;seite=2" in first.content.decode()
    assert len(third.context["associations"].object_list) == 3


@pytest.mark.parametrize("page_number", ["99", "0", "abc"])
def test_a_page_number_out_of_range_is_not_found(client, directory, page_number):
    assert get(client, directory, f"?seite={page_number}").status_code == 404


def test_unpublished_associations_are_not_listed_or_counted(client, directory):
    AssociationPage.objects.get(slug="puente-latino").unpublish()

    response = get(client, directory, "?sprache=spanisch")

    assert listed_titles(response) == []
    assert "Puente Latino" not in get(client, directory).content.decode()
    assert "12 Vereine im Netzwerk." in get(client, directory).content.decode()
