"""A walk's length and duration come from its live stops, match a hand computation, and are
shown rounded the way readers expect."""

import math
from decimal import Decimal

import pytest

from tours import geo

from factories import TourPageFactory, TourStopPageFactory

R = 6_371_008.8  # the mean Earth radius the code uses


def test_one_degree_along_the_equator_is_the_hand_computed_arc():
    # 2 * pi * R / 360
    assert geo.great_circle_m((0, 0), (0, 1)) == pytest.approx(111_195.08, abs=0.01)
    assert geo.great_circle_m((0, 0), (1, 0)) == pytest.approx(111_195.08, abs=0.01)


def test_a_short_leg_in_sindelfingen_matches_the_flat_earth_approximation():
    # Marktplatz to Klostersee: over a few hundred metres the earth is flat enough that
    # dx = dlon * cos(lat) and dy = dlat (in radians, times R) give the distance by Pythagoras.
    start, end = (48.7131, 9.0028), (48.7163, 8.9982)
    mean_lat = math.radians((start[0] + end[0]) / 2)
    dx = math.radians(end[1] - start[1]) * math.cos(mean_lat) * R
    dy = math.radians(end[0] - start[0]) * R
    by_hand = math.hypot(dx, dy)

    # 0.0032 deg north = 355.8 m; 0.0046 deg west at 48.71 deg = 337.6 m; sqrt(355.8² + 337.6²)
    assert by_hand == pytest.approx(490.4, abs=0.2)
    assert geo.great_circle_m(start, end) == pytest.approx(by_hand, rel=1e-5)


def test_route_length_adds_the_legs_in_order():
    points = [(0, 0), (0, 1), (0, 2)]
    assert geo.route_length_m(points) == pytest.approx(2 * 111_195.08, abs=0.02)
    assert geo.route_length_m(points[:1]) == 0


def test_walking_minutes_add_the_stay_at_each_stop():
    # 1,5 km at 4 km/h = 22,5 minutes, plus 3 stops of 8 minutes = 46,5 minutes
    assert geo.walking_minutes(1500, 3, speed_kmh=4, minutes_per_stop=8) == pytest.approx(46.5)
    assert geo.rounded_minutes(46.5) == 45
    assert geo.rounded_minutes(1) == 5


@pytest.mark.parametrize(
    ("metres", "shown"),
    [(30, "50 m"), (740, "750 m"), (949, "950 m"), (1234, "1,2 km"), (12_345, "12,3 km")],
)
def test_lengths_are_rounded_sensibly(metres, shown):
    assert geo.format_length(metres) == shown


@pytest.mark.parametrize(
    ("minutes", "shown", "iso"),
    [(45, "45 Min.", "PT45M"), (60, "1 Std.", "PT1H0M"), (125, "2 Std. 5 Min.", "PT2H5M")],
)
def test_durations_read_naturally(minutes, shown, iso):
    assert geo.format_duration(minutes) == shown
    assert geo.iso_duration(minutes) == iso


@pytest.mark.django_db
def test_tour_computes_length_and_duration_from_its_live_stops(tour_index, settings):
    settings.TOURS_WALKING_SPEED_KMH = 4
    settings.TOURS_MINUTES_PER_STOP = 8
    tour = TourPageFactory(parent=tour_index)
    for lat, lon in ((48.70, 9.00), (48.71, 9.00), (48.72, 9.00)):
        TourStopPageFactory(parent=tour, latitude=Decimal(str(lat)), longitude=Decimal(str(lon)))
    TourStopPageFactory(
        parent=tour, latitude=Decimal("48.80"), longitude=Decimal("9.0"), live=False
    )
    tour = type(tour).objects.get(pk=tour.pk)

    # Two legs of 0,01 degree of latitude: 2 * 0.01 * pi / 180 * R = 2223.9 m
    assert tour.length_m == pytest.approx(2223.9, abs=0.1)
    assert tour.length_display == "2,2 km"
    # 2223,9 m at 4 km/h = 33,4 min, plus 3 * 8 min = 57,4 min, rounded to 55
    assert tour.duration_minutes == 55
    assert tour.duration_display == "55 Min."


@pytest.mark.django_db
def test_the_editor_can_override_length_and_duration(tour_index):
    tour = TourPageFactory(
        parent=tour_index, length_override_km=Decimal("3.5"), duration_override_minutes=90
    )
    TourStopPageFactory(parent=tour)

    assert tour.length_display == "3,5 km"
    assert tour.duration_display == "1 Std. 30 Min."


@pytest.mark.django_db
def test_the_demo_walk_shows_its_figures(client, demo_tour):
    html = client.get(demo_tour.url).content.decode()

    assert f"<dd>{demo_tour.length_display}</dd>" in html
    assert f'<time datetime="{demo_tour.duration_iso}">{demo_tour.duration_display}</time>' in html
    assert "<dd>7</dd>" in html
