"""The iCalendar feed and per-meeting files: parse, one event per live meeting, Berlin time, stable UIDs."""

import datetime
import zoneinfo

import icalendar
import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from home.models import MeetingPage

from factories import MeetingPageFactory

pytestmark = pytest.mark.django_db


def feed(client, meeting_index):
    response = client.get(f"{meeting_index.url}kalender/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feed_holds_each_live_meeting_once(client, meeting_index):
    calendar = feed(client, meeting_index)

    events = calendar.walk("VEVENT")
    live_meetings = MeetingPage.objects.live().descendant_of(meeting_index)
    assert len(events) == live_meetings.count() == 4
    assert set(events_by_uid(calendar)) == {str(m.translation_key) for m in live_meetings}


def test_feed_times_carry_the_berlin_time_zone(client, meeting_index):
    calendar = feed(client, meeting_index)
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")

    event = events_by_uid(calendar)[str(kickoff.translation_key)]

    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    start = event.start
    assert start.tzinfo.key == "Europe/Berlin"
    assert (start.hour, start.minute) == (17, 0)
    assert event.end - event.start == datetime.timedelta(hours=2, minutes=30)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(event["SUMMARY"]) == "Auftakttreffen des Netzwerks"
    assert str(event["URL"]).endswith(kickoff.url)


def test_summer_meeting_keeps_its_local_time(client, meeting_index):
    meeting = MeetingPageFactory(
        parent=meeting_index,
        start=datetime.datetime(2030, 7, 10, 18, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
    )

    event = events_by_uid(feed(client, meeting_index))[str(meeting.translation_key)]

    assert event.start.utcoffset() == datetime.timedelta(hours=2)
    assert event.start.hour == 18


def test_unpublished_and_private_meetings_stay_out_of_the_feed(client, meeting_index):
    draft = MeetingPageFactory(parent=meeting_index, live=False, title="Geheimer Entwurf")
    private = MeetingPageFactory(parent=meeting_index, title="Nur für Gruppe")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Intern"))

    calendar = feed(client, meeting_index)

    uids = events_by_uid(calendar)
    assert str(draft.translation_key) not in uids
    assert str(private.translation_key) not in uids
    assert b"Geheimer Entwurf" not in calendar.to_ical()


def test_uid_survives_renaming_and_a_new_slug(client, meeting_index):
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    uid = str(kickoff.translation_key)
    kickoff.title = "Auftakt (umbenannt)"
    kickoff.slug = "auftakt-umbenannt"
    kickoff.save_revision().publish()

    event = events_by_uid(feed(client, meeting_index))[uid]

    assert str(event["SUMMARY"]) == "Auftakt (umbenannt)"


def test_a_single_meeting_file_holds_that_meeting_with_the_same_uid(client):
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")

    response = client.get(f"{kickoff.url}kalender/")

    assert response.status_code == 200
    assert 'filename="auftakttreffen-2021.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == str(kickoff.translation_key)


def test_a_cancelled_meeting_is_cancelled_in_the_feed(client, meeting_index):
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    meeting.is_cancelled = True
    meeting.save_revision().publish()

    event = events_by_uid(feed(client, meeting_index))[str(meeting.translation_key)]

    assert str(event["STATUS"]) == "CANCELLED"
