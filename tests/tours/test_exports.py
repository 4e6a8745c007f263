"""The walk as GeoJSON (RFC 7946) and GPX 1.1: valid, longitude first, one point per live stop."""

import json
from pathlib import Path

import pytest
from geojson_pydantic import FeatureCollection
from lxml import etree

pytestmark = pytest.mark.django_db

GPX_SCHEMA = etree.XMLSchema(etree.parse(Path(__file__).parents[1] / "support/schemas/gpx-1.1.xsd"))
GPX = "{http://www.topografix.com/GPX/1/1}"


def get_geojson(client, tour):
    response = client.get(f"{tour.url}geojson/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert 'filename="ankommen-in-sindelfingen.geojson"' in response["Content-Disposition"]
    return json.loads(response.content)


def test_geojson_is_a_valid_rfc7946_feature_collection(client, demo_tour):
    data = get_geojson(client, demo_tour)

    collection = FeatureCollection.model_validate(data)
    kinds = [feature.geometry.type for feature in collection.features]
    assert kinds == ["LineString"] + ["Point"] * 7
    assert "crs" not in data  # RFC 7946 dropped it: coordinates are WGS 84


def test_geojson_puts_longitude_before_latitude(client, demo_tour):
    data = get_geojson(client, demo_tour)
    stops = demo_tour.stops()

    route, *points = data["features"]
    for feature, stop in zip(points, stops, strict=True):
        assert feature["geometry"]["coordinates"] == [float(stop.longitude), float(stop.latitude)]
    assert route["geometry"]["coordinates"][0] == [9.0118, 48.7086]  # the station: lon 9, lat 48


def test_geojson_points_carry_number_title_and_url(client, demo_tour):
    _route, first, *_rest = get_geojson(client, demo_tour)["features"]

    assert first["properties"]["number"] == 1
    assert first["properties"]["title"] == "Bahnhof: Ankunft mit dem Koffer"
    assert (
        first["properties"]["url"]
        == "http://testserver/de/rundgaenge/ankommen-in-sindelfingen/bahnhof/"
    )


def parse_gpx(client, tour):
    response = client.get(f"{tour.url}gpx/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gpx+xml"
    return etree.fromstring(response.content)


def test_gpx_validates_against_the_gpx_1_1_schema(client, demo_tour):
    document = parse_gpx(client, demo_tour)

    assert GPX_SCHEMA.validate(document), GPX_SCHEMA.error_log
    assert document.get("version") == "1.1"


def test_gpx_has_a_route_with_a_point_per_stop(client, demo_tour):
    document = parse_gpx(client, demo_tour)

    [route] = document.findall(f"{GPX}rte")
    points = route.findall(f"{GPX}rtept")
    assert len(points) == 7
    assert points[2].get("lat") == "48.713100"
    assert points[2].get("lon") == "9.002800"
    assert points[2].findtext(f"{GPX}name") == "3. Marktplatz: der erste Einkauf"


def test_the_tour_page_links_its_downloads(client, demo_tour):
    html = client.get(demo_tour.url).content.decode()

    assert f'href="{demo_tour.url}gpx/"' in html
    assert f'href="{demo_tour.url}geojson/"' in html
    assert f'href="{demo_tour.url}druck/"' in html
