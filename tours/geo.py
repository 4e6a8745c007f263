"""Distances and walking times of a walk, and how readers see them."""

import math
from itertools import pairwise

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Mean Earth radius (IUGG), the usual choice for great-circle distances.
EARTH_RADIUS_M = 6_371_008.8


def great_circle_m(start, end):
    """Distance in metres between two (latitude, longitude) points, by the haversine formula."""
    lat1, lon1 = map(math.radians, map(float, start))
    lat2, lon2 = map(math.radians, map(float, end))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def route_length_m(points):
    """Length of the straight legs between consecutive points, in metres."""
    return sum(great_circle_m(a, b) for a, b in pairwise(points))


def walking_minutes(length_m, stop_count, *, speed_kmh, minutes_per_stop):
    """Walking time at ``speed_kmh`` plus a stay at every stop."""
    return length_m / (speed_kmh * 1000 / 60) + stop_count * minutes_per_stop


def format_length(length_m):
    """'750 m' below a kilometre (to 50 m), '2,4 km' above (to 100 m), in the reader's locale."""
    if length_m < 950:
        return _("%(metres)s m") % {"metres": max(50, round(length_m / 50) * 50)}
    kilometres = round(length_m / 1000, 1)
    return _("%(kilometres)s km") % {
        "kilometres": number_format(kilometres, decimal_pos=1, use_l10n=True)
    }


def rounded_minutes(minutes):
    """To the nearest five minutes, never below five."""
    return max(5, 5 * round(minutes / 5))


def format_duration(minutes):
    """'45 Min.' or '1 Std. 30 Min.' (already rounded minutes), with each language's plurals
    (Arabic has six)."""
    hours, rest = divmod(int(minutes), 60)
    minutes_text = ngettext("%(minutes)d Min.", "%(minutes)d Min.", rest) % {"minutes": rest}
    hours_text = ngettext("%(hours)d Std.", "%(hours)d Std.", hours) % {"hours": hours}
    if not hours:
        return minutes_text
    if not rest:
        return hours_text
    # Translators: a duration of hours and minutes, e.g. "1 Std. 30 Min.".
    return _("%(hours)s %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}


def iso_duration(minutes):
    """The ISO 8601 duration for <time datetime="...">."""
    hours, rest = divmod(int(minutes), 60)
    return f"PT{hours}H{rest}M" if hours else f"PT{rest}M"


def outside_region_message(latitude, longitude):
    """Why a stop's coordinates cannot be right for this city's walks, or None.

    Catches the most common slip, swapped latitude and longitude, by name.
    """
    south, north, west, east = settings.TOURS_REGION_BOUNDS

    def inside(lat, lon):
        return south <= float(lat) <= north and west <= float(lon) <= east

    if latitude is None or longitude is None or inside(latitude, longitude):
        return None
    if abs(float(latitude)) > 90 or abs(float(longitude)) > 180:
        return None  # out of range altogether: the fields' own messages say so
    if inside(longitude, latitude):
        return _("Breiten- und Längengrad scheinen vertauscht zu sein.")
    return _("Dieser Ort liegt außerhalb des Gebiets der Rundgänge. Bitte die Koordinaten prüfen.")
