"""The API answers a walk of 100 stops with as many SQL queries as a walk of 10: no query per
stop, in lists, details and exports alike."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from factories import TourPageFactory, TourStopPageFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "stop list": "/api/v3/pages/?type=tours.TourStopPage&child_of={tour}&limit=100",
    "stop list with all fields": (
        "/api/v3/pages/?type=tours.TourStopPage&child_of={tour}&limit=100&fields=*"
    ),
    "walk detail": "/api/v3/pages/{tour}/",
    "stops of a walk": "/api/v3/tours/{tour}/stops/",
    "geojson": "/api/v3/tours/{tour}/geojson/",
    "gpx": "/api/v3/tours/{tour}/gpx/",
}


def walk_with(tour_index, stop_count):
    tour = TourPageFactory(parent=tour_index, slug=f"walk-{stop_count}")
    for number in range(stop_count):
        TourStopPageFactory(parent=tour, slug=f"station-{number}", title=f"Station {number}")
    return tour


def queries_for(client, path):
    client.get(path)  # warms the caches a first request fills (site, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.content[:500])
    return len(queries), response


@pytest.mark.parametrize("name", ENDPOINTS)
def test_ten_and_a_hundred_stops_cost_the_same_queries(client, tour_index, name):
    short, long = walk_with(tour_index, 10), walk_with(tour_index, 100)
    short_count, _ = queries_for(client, ENDPOINTS[name].format(tour=short.pk))
    long_count, long_response = queries_for(client, ENDPOINTS[name].format(tour=long.pk))
    assert long_count == short_count, f"{name}: {short_count} queries for 10, {long_count} for 100"
    if name.startswith("stop list"):
        assert long_response.json()["count"] == 100
        assert len(long_response.json()["items"]) == 100
