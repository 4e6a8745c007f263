"""Participation through the API: the same checks as the public forms (consent, validation,
rate limit), a photo re-encoded without its GPS position, problem answers that name the field,
and nothing stored or published by a refused or accepted submission alike."""

import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import MeetingPage
from home.models.participation import MeetingRegistration, MembershipApplication
from tours.models import StorySubmission

pytestmark = pytest.mark.django_db

STORIES = "/api/v3/participation/stories/"
APPLICATIONS = "/api/v3/participation/membership-applications/"
SECRET_STORY = "Der Koffer meiner Großmutter (API)"


def story(**overrides):
    data = {
        "title": SECRET_STORY,
        "story": "Wir kamen im Winter 1971 an.",
        "author_name": "Nonna Maria",
        "email": "maria@example.org",
        "consent_to_publish": "true",
        "consent_privacy": "true",
    }
    data.update(overrides)
    return data


def photo_with_gps():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (48.0, 42.0, 47.0), 3: "E", 4: (9.0, 0.0, 10.0)}
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buffer, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_story_with_a_photo_is_kept_for_the_city_without_the_gps_position(client):
    response = client.post(STORIES, {**story(), "photo": photo_with_gps()})
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "received"
    submission = StorySubmission.objects.get(title=SECRET_STORY)
    assert submission.photo, "the photo was dropped"
    with Image.open(submission.photo) as kept:
        assert 0x8825 not in kept.getexif()
    assert SECRET_STORY not in client.get("/api/v3/pages/?search=Koffer").content.decode()


def test_a_story_without_consent_is_refused_field_by_field_and_not_kept(client):
    response = client.post(STORIES, story(consent_privacy="false", email="keine-adresse"))
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    fields = {error["loc"][-1] for error in response.json()["errors"]}
    assert {"consent_privacy", "email"} <= fields
    assert not StorySubmission.objects.filter(title=SECRET_STORY).exists()


def test_too_many_submissions_are_refused_with_retry_after(client, settings):
    settings.NETWORK_PARTICIPATION_RATE_LIMIT = (2, 3600)
    statuses = [client.post(STORIES, story(title=f"Geschichte {n}")).status_code for n in range(3)]
    assert statuses == [201, 201, 429]
    refused = client.post(STORIES, story(title="Noch eine"))
    assert refused["Retry-After"] == "3600"
    assert not StorySubmission.objects.filter(title="Noch eine").exists()


def test_an_association_applies_to_join(client):
    response = client.post(
        APPLICATIONS,
        {
            "association_name": "Verein der Freundschaft",
            "focus": "Sprachkurse",
            "contact_name": "Ayşe Yılmaz",
            "email": "ayse@example.org",
            "consent_privacy": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert MembershipApplication.objects.filter(association_name="Verein der Freundschaft").exists()

    missing = client.post(APPLICATIONS, {"focus": "x"}, content_type="application/json")
    assert missing.status_code == 422
    assert "association_name" in {error["loc"][-1] for error in missing.json()["errors"]}


def test_registering_for_a_meeting_and_for_one_that_takes_none(client):
    meetings = MeetingPage.objects.live().public()
    open_meeting = next(meeting for meeting in meetings if meeting.accepts_registrations)
    closed = next(meeting for meeting in meetings if not meeting.accepts_registrations)
    person = {"name": "Luca Rossi", "email": "luca@example.org", "consent_privacy": True}

    response = client.post(
        f"/api/v3/meetings/{open_meeting.pk}/registrations/",
        person,
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "confirmed"
    assert MeetingRegistration.objects.filter(meeting=open_meeting, name="Luca Rossi").exists()
    assert "Luca Rossi" not in client.get(f"/api/v3/pages/{open_meeting.pk}/").content.decode()

    refused = client.post(
        f"/api/v3/meetings/{closed.pk}/registrations/", person, content_type="application/json"
    )
    assert refused.status_code == 409
    assert refused.json()["detail"]
    assert not MeetingRegistration.objects.filter(meeting=closed).exists()
