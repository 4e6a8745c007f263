"""A walk and its stops render with a constant number of SQL queries, however many stops."""

import pytest

from factories import TourPageFactory, TourStopPageFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"tour": 21, "stop": 24, "print": 12, "geojson": 11, "gpx": 11, "index": 21}


@pytest.mark.parametrize("stop_count", [5, 50])
def test_walk_pages_query_a_constant_number_of_times(
    client, tour_index, stop_count, django_assert_max_num_queries
):
    tour = TourPageFactory(parent=tour_index, slug="lang")
    for number in range(stop_count):
        TourStopPageFactory(parent=tour, slug=f"station-{number}")
    urls = {
        "tour": tour.url,
        "stop": f"{tour.url}station-2/",
        "print": f"{tour.url}druck/",
        "geojson": f"{tour.url}geojson/",
        "gpx": f"{tour.url}gpx/",
        "index": tour_index.url,
    }
    for name, url in urls.items():
        client.get(url)
        with django_assert_max_num_queries(MAX_QUERIES[name]):
            response = client.get(url)
        assert response.status_code == 200, name
    assert f"{stop_count} Stationen" in client.get(tour.url).content.decode()
