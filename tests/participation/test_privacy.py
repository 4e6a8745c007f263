"""Personal data is kept only as long as the settings say, and one person's data can be exported
or erased on request."""

import datetime
import io
import json

import pytest

from django.core.management import call_command
from django.utils import timezone

from home.models import MeetingPage, MeetingRegistration, MembershipApplication
from tours.models import StorySubmission, TourStopPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def records(settings):
    settings.NETWORK_RETENTION_DAYS = {
        "meeting_registrations": 28,
        "membership_applications": 180,
        "story_submissions": 365,
        "invitations": 90,
        "undelivered_mails": 30,
    }
    now = timezone.now()
    past_meeting = MeetingPage.objects.get(slug="auftakttreffen-2021")  # ended in 2021
    upcoming = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    old_story = StorySubmission.objects.create(
        title="Alt", story="…", author_name="A", email="a@example.org"
    )
    StorySubmission.objects.filter(pk=old_story.pk).update(
        created_at=now - datetime.timedelta(days=400)
    )
    return {
        "old_registration": MeetingRegistration.objects.create(
            meeting=past_meeting, name="Alt", email="a@example.org"
        ),
        "new_registration": MeetingRegistration.objects.create(
            meeting=upcoming, name="Neu", email="n@example.org"
        ),
        "old_story": old_story,
        "new_story": StorySubmission.objects.create(
            title="Neu", story="…", author_name="N", email="n@example.org"
        ),
        "open_application": MembershipApplication.objects.create(
            association_name="Offen", focus="…", contact_name="O", email="a@example.org"
        ),
        "decided_application": MembershipApplication.objects.create(
            association_name="Entschieden",
            focus="…",
            contact_name="E",
            email="e@example.org",
            status=MembershipApplication.Status.DECLINED,
            decided_at=now - datetime.timedelta(days=200),
        ),
    }


def exists(record):
    return type(record).objects.filter(pk=record.pk).exists()


def test_purge_removes_exactly_what_is_past_its_retention(records):
    output = run("purge_personal_data")

    assert "3 Datensätze gelöscht." in output
    assert not exists(records["old_registration"])
    assert not exists(records["old_story"])
    assert not exists(records["decided_application"])
    assert exists(records["new_registration"])
    assert exists(records["new_story"])
    assert exists(records["open_application"])  # undecided: still waiting for the city


def test_a_dry_run_deletes_nothing(records):
    assert "3 Datensätze würden gelöscht." in run("purge_personal_data", "--dry-run")
    assert all(exists(record) for record in records.values())


def test_export_lists_everything_about_one_address(records):
    data = json.loads(run("personal_data", "a@example.org", "--export"))

    kinds = sorted(record["type"] for record in data["records"])
    assert kinds == ["Anmeldung", "Aufnahmeantrag", "Eingesendete Geschichte"]
    assert all(record["email"] == "a@example.org" for record in data["records"])


def test_erase_removes_one_persons_records_and_nobody_elses(records):
    output = run("personal_data", "A@example.org", "--erase")

    assert "3 Datensätze zu A@example.org gelöscht oder anonymisiert." in output
    assert not exists(records["old_registration"])
    assert not exists(records["open_application"])
    assert not exists(records["old_story"])
    assert exists(records["new_registration"])


def test_a_published_story_keeps_only_an_anonymous_note_of_consent(records):
    stop = TourStopPage.objects.get(slug="marktplatz")
    story = records["new_story"]
    story.status = StorySubmission.Status.CONVERTED
    story.stop = stop
    story.record_consent(["Einverstanden."])
    story.save()

    output = run("personal_data", "n@example.org", "--erase")

    story.refresh_from_db()
    assert story.email == "" and story.story == ""
    assert story.author_name == "(auf Wunsch gelöscht)"
    assert story.consent_given_at is not None
    assert f"Seiten-IDs: {stop.pk}" in output
