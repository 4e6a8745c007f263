"""Stops: where they may live, their numbers and navigation, their stable short links, and
that an unpublished or private stop appears in no output."""

from decimal import Decimal

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home.models import AssociationIndexPage, HomePage
from tours.models import TourIndexPage, TourPage, TourStopPage

from factories import TourPageFactory, TourStopPageFactory


class StopPlacementTests(WagtailPageTestCase):
    def test_a_stop_can_only_be_created_inside_a_tour(self):
        self.assertAllowedParentPageTypes(TourStopPage, {TourPage})
        for parent in (HomePage, TourIndexPage, AssociationIndexPage, TourStopPage):
            self.assertCanNotCreateAt(parent, TourStopPage)
        self.assertCanCreateAt(TourPage, TourStopPage)

    def test_a_tour_lives_in_the_walks_section(self):
        self.assertAllowedParentPageTypes(TourPage, {TourIndexPage})
        self.assertAllowedSubpageTypes(TourPage, {TourStopPage})


def stop(slug):
    return TourStopPage.objects.get(slug=slug, locale__language_code="de")


@pytest.mark.django_db
def test_a_stop_shows_its_number_and_links_to_its_neighbours(client):
    html = client.get(stop("marktplatz").url).content.decode()

    assert "Station 3 von 7" in html
    assert 'rel="prev"' in html and "Zurück zu Station 2" in html
    assert 'rel="next"' in html and "Weiter zu Station 4" in html
    assert "Alle Stationen: Ankommen in Sindelfingen" in html


@pytest.mark.django_db
def test_the_first_and_last_stops_link_one_way(client):
    first = client.get(stop("bahnhof").url).content.decode()
    last = client.get(stop("goldberg").url).content.decode()

    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


@pytest.mark.django_db
def test_coordinates_outside_their_ranges_are_refused_clearly(demo_tour):
    bad = TourStopPageFactory.build(latitude=Decimal("91"), longitude=Decimal("-181"))

    with pytest.raises(ValidationError) as error:
        bad.full_clean()

    assert error.value.message_dict["latitude"] == ["Der Breitengrad liegt zwischen -90 und 90."]
    assert error.value.message_dict["longitude"] == ["Der Längengrad liegt zwischen -180 und 180."]


@pytest.mark.django_db
def test_swapped_coordinates_are_caught(demo_tour):
    swapped = TourStopPageFactory.build(
        latitude=Decimal("9.002800"), longitude=Decimal("48.713100")
    )
    far_away = TourStopPageFactory.build(latitude=Decimal("52.52"), longitude=Decimal("13.40"))

    with pytest.raises(ValidationError) as error:
        swapped.full_clean()
    assert error.value.message_dict["latitude"] == [
        "Breiten- und Längengrad scheinen vertauscht zu sein."
    ]
    with pytest.raises(ValidationError) as error:
        far_away.full_clean()
    assert "außerhalb des Gebiets der Rundgänge" in error.value.message_dict["longitude"][0]


@pytest.mark.django_db
def test_the_short_link_survives_renaming_and_moving_the_stop(client, tour_index):
    marktplatz = stop("marktplatz")
    short_path = marktplatz.short_path()
    assert short_path == f"/q/{marktplatz.pk}/"
    other_tour = TourPageFactory(parent=tour_index, slug="anderer-rundgang")

    marktplatz.title = "Marktplatz (umbenannt)"
    marktplatz.slug = "markt-neu"
    marktplatz.save_revision().publish()
    marktplatz.move(other_tour, pos="last-child")

    response = client.get(short_path)
    assert response.status_code == 302
    assert response["Location"].endswith("/de/rundgaenge/anderer-rundgang/markt-neu/")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_the_short_link_of_an_unpublished_stop_is_not_found(client):
    marktplatz = stop("marktplatz")
    marktplatz.unpublish()

    assert client.get(marktplatz.short_path()).status_code == 404
    assert client.get("/q/999999/").status_code == 404


@pytest.fixture
def hidden_stops(demo_tour):
    """The Marktplatz unpublished, a private stop added at the end."""
    stop("marktplatz").unpublish()
    private = TourStopPageFactory(
        parent=demo_tour, title="Geheime Station", teaser="Nur intern", slug="geheim"
    )
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Intern"))
    return demo_tour


@pytest.mark.django_db
@pytest.mark.parametrize("output", ["", "geojson/", "gpx/", "druck/"])
def test_hidden_stops_appear_in_no_output_of_the_tour(client, hidden_stops, output):
    html = client.get(f"{hidden_stops.url}{output}").content.decode()

    assert "Marktplatz: der erste Einkauf" not in html
    assert "Olivenöl" not in html  # its teaser
    assert "Geheime Station" not in html


@pytest.mark.django_db
def test_hidden_stops_are_not_counted_or_drawn(client, hidden_stops):
    html = client.get(hidden_stops.url).content.decode()

    assert "6 Stationen" in html
    assert "<dd>6</dd>" in html
    assert html.count('class="route-sketch__stop') == 6


@pytest.mark.django_db
def test_neighbours_skip_a_hidden_stop(client, hidden_stops):
    html = client.get(stop("werkstor").url).content.decode()

    assert "Station 2 von 6" in html
    assert "Stadtmuseum: Erinnerungen sammeln" in html  # the next live stop
    assert "Marktplatz: der erste Einkauf" not in html


@pytest.mark.django_db
def test_hidden_stops_cannot_be_opened(client, hidden_stops):
    assert client.get(f"{hidden_stops.url}marktplatz/").status_code == 404
    assert client.get(f"{hidden_stops.url}geheim/").status_code == 302  # to the login


@pytest.mark.django_db
def test_print_sheet_has_a_page_with_qr_code_per_live_stop(client, demo_tour):
    html = client.get(f"{demo_tour.url}druck/").content.decode()

    assert html.count('<section class="sheet"') == 7
    assert html.count('<svg viewBox="0 0') == 7
    first = TourStopPage.objects.get(slug="bahnhof")
    assert f"http://testserver/q/{first.pk}/" in html


@pytest.mark.django_db
def test_the_qr_code_of_a_stop_downloads_as_svg(client):
    response = client.get(f"{stop('bahnhof').url}qr/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml")
