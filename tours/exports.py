"""A walk as GeoJSON (RFC 7946) and as GPX 1.1, for map apps and GPS devices."""

import json
from xml.etree import ElementTree

from django.utils import timezone

GPX_NAMESPACE = "http://www.topografix.com/GPX/1/1"
# Six decimals locate a point to about 10 cm: more would be noise (RFC 7946, section 11.2).
PRECISION = 6


def _position(stop):
    """RFC 7946 position: longitude first, then latitude."""
    return [round(float(stop.longitude), PRECISION), round(float(stop.latitude), PRECISION)]


def geojson(tour, request):
    stops = tour.stops()
    features = []
    if len(stops) >= 2:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [_position(s) for s in stops]},
                "properties": {
                    "kind": "route",
                    "title": tour.title,
                    "url": tour.get_full_url(request),
                    "length_m": round(tour.length_m),
                    "duration_minutes": tour.duration_minutes,
                },
            }
        )
    for number, stop in enumerate(stops, start=1):
        features.append(
            {
                "type": "Feature",
                "id": stop.pk,
                "geometry": {"type": "Point", "coordinates": _position(stop)},
                "properties": {
                    "kind": "stop",
                    "number": number,
                    "title": stop.title,
                    "teaser": stop.teaser,
                    "url": stop.get_full_url(request),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(tour, request):
    return json.dumps(geojson(tour, request), ensure_ascii=False).encode()


def _element(parent, tag, text=None, **attributes):
    element = ElementTree.SubElement(parent, f"{{{GPX_NAMESPACE}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _link(parent, href, text):
    link = _element(parent, "link", href=href)
    _element(link, "text", text)


def gpx(tour, request):
    """A GPX 1.1 document with the walk as a route and a route point per stop.

    Child elements follow the order the GPX 1.1 schema prescribes (name, desc, link, ...).
    """
    ElementTree.register_namespace("", GPX_NAMESPACE)
    root = ElementTree.Element(
        f"{{{GPX_NAMESPACE}}}gpx",
        {"version": "1.1", "creator": "Netzwerk Migrantenorganisationen Sindelfingen"},
    )
    tour_url = tour.get_full_url(request)
    metadata = _element(root, "metadata")
    _element(metadata, "name", tour.title)
    if tour.search_description:
        _element(metadata, "desc", tour.search_description)
    _link(metadata, tour_url, tour.title)
    _element(metadata, "time", timezone.now().replace(microsecond=0).isoformat())

    route = _element(root, "rte")
    _element(route, "name", tour.title)
    _link(route, tour_url, tour.title)
    for number, stop in enumerate(tour.stops(), start=1):
        point = _element(
            route,
            "rtept",
            lat=f"{float(stop.latitude):.{PRECISION}f}",
            lon=f"{float(stop.longitude):.{PRECISION}f}",
        )
        _element(point, "name", f"{number}. {stop.title}")
        if stop.teaser:
            _element(point, "desc", stop.teaser)
        _link(point, stop.get_full_url(request), stop.title)
    return root


def gpx_bytes(tour, request):
    document = ElementTree.ElementTree(gpx(tour, request))
    ElementTree.indent(document)
    return ElementTree.tostring(document.getroot(), encoding="utf-8", xml_declaration=True)
