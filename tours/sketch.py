"""The route sketch: the stops and the legs between them, drawn as SVG on the server.

It needs no map tiles, so showing it asks no third party for anything. A simple equirectangular
projection is exact enough at the scale of a town.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH = 400
PADDING = 28
MIN_HEIGHT, MAX_HEIGHT = 220, 460
SCALE_BAR_LENGTHS_M = (25, 50, 100, 200, 250, 500, 1000, 2000, 5000)


MARKER_RADIUS = 11
# Markers of stops closer than this are pushed apart and joined to their place by a leader line.
MARKER_SPACING = 2 * MARKER_RADIUS + 3


@dataclass(frozen=True)
class SketchPoint:
    x: float  # where the stop is
    y: float
    marker_x: float  # where its numbered marker is drawn
    marker_y: float
    number: int
    title: str
    is_current: bool

    @property
    def is_displaced(self):
        return math.dist((self.x, self.y), (self.marker_x, self.marker_y)) > 1


@dataclass(frozen=True)
class Projection:
    """From degrees to the drawing's pixels and back (the stop editor turns a tap on the
    sketch into coordinates with ``to_degrees``, in tours/static/tours/admin/location.js)."""

    min_latitude: float
    min_longitude: float
    metres_per_degree: float
    cos_latitude: float
    px_per_metre: float
    offset_x: float
    offset_y: float
    height: int

    def to_px(self, latitude, longitude):
        x = (longitude - self.min_longitude) * self.metres_per_degree * self.cos_latitude
        y = (latitude - self.min_latitude) * self.metres_per_degree
        return (
            self.offset_x + x * self.px_per_metre,
            self.height - (self.offset_y + y * self.px_per_metre),
        )

    def to_degrees(self, x, y):
        east = (x - self.offset_x) / self.px_per_metre
        north = (self.height - y - self.offset_y) / self.px_per_metre
        return (
            self.min_latitude + north / self.metres_per_degree,
            self.min_longitude + east / (self.metres_per_degree * self.cos_latitude),
        )


@dataclass(frozen=True)
class RouteSketch:
    width: int
    height: int
    points: list
    scale_bar_px: float
    scale_bar_label: str
    projection: Projection | None = None

    @property
    def description(self):
        """What the sketch shows, for screen readers."""
        return ngettext(
            "%(count)d Station, Norden oben.",
            "%(count)d Stationen von „%(first)s“ bis „%(last)s“, Norden oben.",
            len(self.points),
        ) % {
            "count": len(self.points),
            "first": self.points[0].title,
            "last": self.points[-1].title,
        }

    @property
    def polyline(self):
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def route_sketch(stops, current=None):
    """A sketch of ``stops`` (objects with latitude, longitude, title), numbered from 1.

    Returns None for fewer than two stops: there is no route to draw.
    """
    stops = list(stops)
    if len(stops) < 2:
        return None
    latitudes = [float(stop.latitude) for stop in stops]
    longitudes = [float(stop.longitude) for stop in stops]
    mean_lat = math.radians(sum(latitudes) / len(latitudes))
    # Metres east and north of the south-west corner.
    metres_per_degree = math.pi * 6_371_008.8 / 180
    xs = [(lon - min(longitudes)) * metres_per_degree * math.cos(mean_lat) for lon in longitudes]
    ys = [(lat - min(latitudes)) * metres_per_degree for lat in latitudes]
    span_x, span_y = max(xs) or 1.0, max(ys) or 1.0

    drawable_width = WIDTH - 2 * PADDING
    height = round(min(MAX_HEIGHT, max(MIN_HEIGHT, drawable_width * span_y / span_x + 2 * PADDING)))
    drawable_height = height - 2 * PADDING
    px_per_metre = min(drawable_width / span_x, drawable_height / span_y)
    # Centre the route in the drawing.
    offset_x = PADDING + (drawable_width - span_x * px_per_metre) / 2
    offset_y = PADDING + (drawable_height - span_y * px_per_metre) / 2

    projection = Projection(
        min_latitude=min(latitudes),
        min_longitude=min(longitudes),
        metres_per_degree=metres_per_degree,
        cos_latitude=math.cos(mean_lat),
        px_per_metre=px_per_metre,
        offset_x=offset_x,
        offset_y=offset_y,
        height=height,
    )
    places = [  # north is up
        projection.to_px(latitude, longitude)
        for latitude, longitude in zip(latitudes, longitudes, strict=True)
    ]
    markers = _spread_markers(places, width=WIDTH, height=height)
    points = [
        SketchPoint(
            x=place[0],
            y=place[1],
            marker_x=marker[0],
            marker_y=marker[1],
            number=number,
            title=stop.title,
            is_current=current is not None and stop.pk == current.pk,
        )
        for number, (stop, place, marker) in enumerate(
            zip(stops, places, markers, strict=True), start=1
        )
    ]
    bar_m = _scale_bar_length(drawable_width / 3 / px_per_metre)
    label = (
        _("%(metres)d m") % {"metres": bar_m}
        if bar_m < 1000
        else _("%(km)d km") % {"km": bar_m // 1000}
    )
    return RouteSketch(WIDTH, height, points, bar_m * px_per_metre, label, projection)


def _spread_markers(places, *, width, height, rounds=60):
    """Marker positions near their places but not on top of each other (a few rounds of
    pairwise repulsion), kept inside the drawing."""
    markers = [list(place) for place in places]
    low_x, high_x = MARKER_RADIUS + 2, width - MARKER_RADIUS - 2
    low_y, high_y = MARKER_RADIUS + 2, height - MARKER_RADIUS - 2
    for _round in range(rounds):
        moved = False
        for i, first in enumerate(markers):
            for j in range(i + 1, len(markers)):
                second = markers[j]
                dx, dy = second[0] - first[0], second[1] - first[1]
                distance = math.hypot(dx, dy)
                if distance >= MARKER_SPACING:
                    continue
                if distance < 0.01:  # the same place: fan out in a fixed direction
                    angle = 2 * math.pi * j / len(markers)
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (MARKER_SPACING - distance) / 2
                first[0] -= dx / distance * push
                first[1] -= dy / distance * push
                second[0] += dx / distance * push
                second[1] += dy / distance * push
                moved = True
        for marker in markers:
            marker[0] = min(max(marker[0], low_x), high_x)
            marker[1] = min(max(marker[1], low_y), high_y)
        if not moved:
            break
    return [tuple(marker) for marker in markers]


def _scale_bar_length(max_metres):
    """The longest round length that fits; for a tiny route, whole metres."""
    fitting = [length for length in SCALE_BAR_LENGTHS_M if length <= max_metres]
    return fitting[-1] if fitting else max(1, int(max_metres))
