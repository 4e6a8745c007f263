"""iCalendar output of the network's meetings (RFC 5545), built with the icalendar package."""

import datetime

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from .languages import terms_in_reading_language

PRODUCT_ID = "-//Netzwerk Migrantenorganisationen//Wagtail//DE"


def _text(value):
    """A text value with its line breaks as icalendar escapes them (it escapes a bare LF, and
    refuses CR and the other line separators, which could end the content line)."""
    return "\n".join((value or "").splitlines())


def _line(value):
    """A one-line value (a title, a place): line breaks, which forms refuse but older data may
    hold, become spaces."""
    return " ".join((value or "").splitlines())


def _event(meeting, request):
    url = meeting.get_full_url(request)
    description = "\n\n".join(part for part in (_text(meeting.summary), url) if part)
    event = icalendar.Event.new(
        # The translation key is a UUID that survives renaming and moving the page:
        # calendar apps recognise an updated meeting instead of adding a second one.
        uid=str(meeting.translation_key),
        summary=_line(meeting.title),
        start=timezone.localtime(meeting.start),
        end=timezone.localtime(meeting.end),
        stamp=meeting.last_published_at or timezone.now(),
        last_modified=meeting.last_published_at,
        description=description,
        location=_line(meeting.place) or None,
        url=url,
        status="CANCELLED" if meeting.is_cancelled else "CONFIRMED",
        categories=[_line(terms_in_reading_language([meeting.series])[0].name)]
        if meeting.series_id
        else (),
    )
    if meeting.is_online and meeting.online_url:
        event.add("conference", meeting.online_url, parameters={"VALUE": "URI"})
    return event


def build_calendar(meetings, request, *, name, uid):
    """A calendar of ``meetings`` (live pages only: the caller filters) with their time zone."""
    meetings = list(meetings)
    calendar = icalendar.Calendar.new(
        prodid=PRODUCT_ID,
        uid=uid,
        name=_line(name),
        method="PUBLISH",
        refresh_interval=datetime.timedelta(hours=6),
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(_event(meeting, request))
    if meetings:
        # Describe the time zone's rules only for the years the meetings span.
        calendar.add_missing_timezones(
            first_date=min(timezone.localdate(m.start) for m in meetings),
            last_date=max(timezone.localdate(m.end) for m in meetings) + datetime.timedelta(days=1),
        )
    return calendar


def calendar_response(request, meetings, *, name, uid, filename):
    calendar = build_calendar(meetings, request, name=name, uid=uid)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
