"""A walk and its stops render with a constant number of SQL queries, however many stops."""

import pytest

from factories import TourPageFactory, TourStopPageFactory, translate

pytestmark = pytest.mark.django_db

# The same bound for 5 and for 50 stops. In English the walk is translated and every other
# stop too; the German originals stand in for the rest.
MAX_QUERIES = {
    "de": {"tour": 25, "stop": 24, "print": 13, "geojson": 12, "gpx": 12, "index": 27},
    "en": {
        "tour": 34,
        "stop": 33,
        "stand-in": 40,
        "print": 16,
        "geojson": 15,
        "gpx": 15,
        "index": 37,
    },
}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("stop_count", [5, 50])
def test_walk_pages_query_a_constant_number_of_times(
    client, tour_index, stop_count, language, django_assert_max_num_queries
):
    tour = TourPageFactory(parent=tour_index, slug="lang")
    stops = [
        TourStopPageFactory(parent=tour, slug=f"station-{number}") for number in range(stop_count)
    ]
    index = tour_index
    if language == "en":
        tour = translate(tour, "en", slug="long")
        for stop in stops[::2]:
            translate(stop, "en")
        index = tour_index.get_translation(tour.locale)
    urls = {
        "tour": tour.url,
        "stop": f"{tour.url}station-2/",
        "print": f"{tour.url}druck/",
        "geojson": f"{tour.url}geojson/",
        "gpx": f"{tour.url}gpx/",
        "index": index.url,
    }
    if language == "en":
        urls["stand-in"] = stops[1].url.replace("/de/", "/en/", 1)
    for name, url in urls.items():
        client.get(url)
        with django_assert_max_num_queries(MAX_QUERIES[language][name]):
            response = client.get(url)
        assert response.status_code == 200, name
    html = client.get(tour.url).content.decode()
    assert html.count('class="stop-list__title"') == stop_count
