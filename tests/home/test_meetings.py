"""Meetings: upcoming first, then past by year; honest times; validation editors understand."""

import datetime
import zoneinfo

import pytest

from django.core.exceptions import ValidationError

from home.models import MeetingPage

from factories import MeetingPageFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_index_lists_upcoming_meetings_first_soonest_first(client, meeting_index):
    MeetingPageFactory(
        parent=meeting_index, title="Später", start=datetime.datetime(2031, 1, 1, 18, tzinfo=BERLIN)
    )
    MeetingPageFactory(
        parent=meeting_index, title="Früher", start=datetime.datetime(2030, 1, 1, 18, tzinfo=BERLIN)
    )

    response = client.get(meeting_index.url)

    upcoming = [meeting.title for meeting in response.context["upcoming_meetings"]]
    assert upcoming == [
        "Vernetzungstreffen: Neues aus den Arbeitsgruppen",
        "Früher",
        "Später",
    ]
    html = response.content.decode()
    assert html.index("Kommende Treffen") < html.index("Früher") < html.index("Später")
    assert html.index("Später") < html.index("Vergangene Treffen")


def test_index_groups_past_meetings_by_year_newest_first(client, meeting_index):
    MeetingPageFactory(
        parent=meeting_index,
        title="Treffen 2019",
        start=datetime.datetime(2019, 5, 1, 18, tzinfo=BERLIN),
    )

    response = client.get(meeting_index.url)

    by_year = response.context["past_meetings_by_year"]
    assert list(by_year) == [2021, 2019]
    assert [m.slug for m in by_year[2021]] == [
        "vernetzungstreffen-november-2021",
        "workshop-juni-2021",
        "auftakttreffen-2021",
    ]
    html = response.content.decode()
    assert html.index('<h3 id="year-2021">2021</h3>') < html.index('<h3 id="year-2019">2019</h3>')


def test_a_meeting_spanning_two_days_shows_both_dates(meeting_index):
    meeting = MeetingPageFactory.build(
        start=datetime.datetime(2030, 3, 1, 18, tzinfo=BERLIN),
        end=datetime.datetime(2030, 3, 2, 13, tzinfo=BERLIN),
    )

    assert meeting.time_range_display() == (
        "Freitag, 1. März 2030, 18:00 Uhr bis Samstag, 2. März 2030, 13:00 Uhr"
    )


def test_times_are_shown_in_berlin_time_whatever_the_storage(meeting_index):
    meeting = MeetingPageFactory.build(
        start=datetime.datetime(2030, 7, 1, 16, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 7, 1, 18, tzinfo=datetime.UTC),
    )

    assert meeting.time_range_display() == "Montag, 1. Juli 2030, 18:00–20:00 Uhr"


def test_end_before_start_is_refused_with_a_clear_message():
    meeting = MeetingPageFactory.build(
        start=datetime.datetime(2030, 3, 1, 18, tzinfo=BERLIN),
        end=datetime.datetime(2030, 3, 1, 17, tzinfo=BERLIN),
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert error.value.message_dict["end"] == ["Das Ende muss nach dem Beginn liegen."]


def test_an_in_person_meeting_needs_a_place():
    meeting = MeetingPageFactory.build(
        format=MeetingPage.Format.IN_PERSON, location_name="", address=""
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert error.value.message_dict["location_name"] == [
        "Für ein Treffen vor Ort bitte Ort oder Anschrift angeben."
    ]


def test_a_cancelled_meeting_is_marked_and_not_announced_as_next(client, home, meeting_index):
    upcoming = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    upcoming.is_cancelled = True
    upcoming.save_revision().publish()

    assert "Dieses Treffen ist abgesagt." in client.get(upcoming.url).content.decode()
    assert "Zurzeit ist kein Treffen angekündigt." in client.get(home.url).content.decode()


def test_attendance_counts_live_associations_only(client):
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    kickoff.attending_associations.first().unpublish()

    html = client.get(kickoff.url).content.decode()

    assert "12 teilnehmende Vereine" in html
