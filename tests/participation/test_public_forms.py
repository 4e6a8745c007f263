"""Public forms: a valid submission is stored for moderation and is nowhere public; spam, floods,
oversize or wrong uploads and missing consent each get a clear error and store nothing."""

import io

import public_forms
import pytest
from network_users import make_city_editor
from PIL import Image
from public_forms import application_data, registration_data

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import MeetingPage, MeetingRegistration, MembershipApplication
from tours.models import StoryFormPage, StorySubmission

pytestmark = pytest.mark.django_db

SECRET_STORY = "Meine geheime Geschichte vom Ankommen"


@pytest.fixture(autouse=True)
def no_earlier_submissions():
    """Start without the demo's sample submissions, so each test counts only its own."""
    StorySubmission.objects.all().delete()
    MembershipApplication.objects.all().delete()


@pytest.fixture
def story_page():
    return StoryFormPage.objects.get(locale__language_code="de")


def story_data(**overrides):
    return public_forms.story_data(title=SECRET_STORY) | overrides


def photo(format="JPEG", size=(64, 48), gps=True):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 80, 40))
    exif = Image.Exif()
    exif[0x010F] = "Beispielkamera"  # Make
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 42.0, 47.0), 3: "E", 4: (9.0, 0.0, 10.0)}
    image.save(buffer, format=format, exif=exif.tobytes())
    return SimpleUploadedFile(
        f"foto.{format.lower()}", buffer.getvalue(), content_type=f"image/{format.lower()}"
    )


def test_a_valid_story_is_stored_for_moderation_and_nowhere_public(client, story_page, home):
    city_editor = make_city_editor()

    response = client.post(story_page.url, story_data())

    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.status == StorySubmission.Status.NEW
    assert submission.consent_to_publish
    assert "veröffentlicht" in submission.consent_text  # the words consented to, on record
    assert submission.consent_version and submission.consent_given_at
    page = client.get(response["Location"]).content.decode()
    assert "Danke für Ihre Geschichte!" in page
    for path in (
        "/de/",
        "/de/rundgaenge/",
        "/de/rundgaenge/ankommen-in-sindelfingen/",
        "/sitemap.xml",
    ):
        assert SECRET_STORY not in client.get(path).content.decode()
    notice = [m for m in mail.outbox if city_editor.email in m.to]
    assert notice and "Neue Geschichte eingesendet" in notice[0].subject


def test_the_photo_is_re_encoded_without_its_gps_position(client, story_page):
    client.post(story_page.url, story_data(photo=photo()))

    stored = StorySubmission.objects.get().photo
    with stored.open("rb") as file, Image.open(file) as image:
        exif = image.getexif()
        assert 0x8825 not in exif  # GPS
        assert 0x010F not in exif  # camera
        assert image.size == (64, 48)


def test_a_photo_is_not_reachable_under_the_public_media_url(client, story_page, settings):
    client.post(story_page.url, story_data(photo=photo()))
    stored = StorySubmission.objects.get().photo

    assert str(settings.PRIVATE_MEDIA_ROOT) in stored.path
    assert str(settings.MEDIA_ROOT) not in stored.path


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("x.jpg", b"not an image at all", content_type="image/jpeg"),
            "Bitte ein Foto als JPEG, PNG oder WebP hochladen.",
        ),
        (
            lambda: photo(format="GIF", gps=False),
            "Bitte ein Foto als JPEG, PNG oder WebP hochladen.",
        ),
    ],
)
def test_a_wrong_upload_is_refused_clearly_and_nothing_is_stored(
    client, story_page, upload, message
):
    upload = upload() if callable(upload) else upload

    response = client.post(story_page.url, story_data(photo=upload))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_an_oversize_upload_is_refused(client, story_page, settings):
    settings.NETWORK_UPLOAD_MAX_BYTES = 1024

    response = client.post(story_page.url, story_data(photo=photo(size=(400, 400))))

    assert response.status_code == 400
    assert "Das Foto ist zu groß" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_text_beyond_its_limit_is_refused(client, story_page):
    response = client.post(story_page.url, story_data(story="x" * 10_001))

    assert response.status_code == 400
    assert "höchstens 10000 Zeichen" in response.content.decode()
    assert not StorySubmission.objects.exists()


@pytest.mark.parametrize("missing", ["consent_to_publish", "consent_privacy"])
def test_missing_consent_is_refused_with_an_error_at_the_field(client, story_page, missing):
    data = story_data()
    del data[missing]

    response = client.post(story_page.url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{missing}_error"' in html
    assert f'aria-describedby="id_{missing}_error"' in html or f"id_{missing}_error" in html
    assert not StorySubmission.objects.exists()


def test_the_honeypot_refuses_robots_and_stores_nothing(client, story_page):
    response = client.post(story_page.url, story_data(website="http://spam.example"))

    assert response.status_code == 400
    assert "sieht automatisiert aus" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_a_flood_is_stopped_with_429_and_a_readable_message(client, story_page, settings):
    settings.NETWORK_PARTICIPATION_RATE_LIMIT = (2, 3600)
    for number in range(2):
        assert (
            client.post(story_page.url, story_data(title=f"Geschichte {number}")).status_code == 302
        )

    response = client.post(story_page.url, story_data(title="Zu viel"))

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert not StorySubmission.objects.filter(title="Zu viel").exists()
    # Another client is not affected.
    other = client.__class__(REMOTE_ADDR="10.0.0.9")
    assert other.post(story_page.url, story_data(title="Andere")).status_code == 302


def test_without_csrf_token_nothing_is_stored(story_page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(story_page.url, story_data())

    assert response.status_code == 403
    assert not StorySubmission.objects.exists()


# Joining the network -------------------------------------------------------------------------


def test_an_application_to_join_is_stored_and_nothing_is_live(client):
    response = client.post("/de/mitmachen/", application_data())

    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.status == MembershipApplication.Status.NEW
    assert "Neuer Beispielverein" not in client.get("/de/vereine/").content.decode()


def test_an_application_needs_a_valid_email(client):
    response = client.post("/de/mitmachen/", application_data(email="keine-adresse"))

    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.content.decode()
    assert not MembershipApplication.objects.exists()


# Registering for a meeting ------------------------------------------------------------------


@pytest.fixture
def meeting():
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    meeting.capacity = 3
    meeting.save_revision().publish()
    return meeting


def register(client, meeting, **overrides):
    data = registration_data(**overrides)
    return client.post(f"{meeting.url}anmelden/", data)


def test_registration_confirms_until_full_then_waitlists(client, meeting):
    assert "Noch 3 Plätze frei." in client.get(meeting.url).content.decode()

    response = register(client, meeting, people="2")
    assert response.status_code == 302
    assert "Ihre Anmeldung ist bestätigt" in client.get(response["Location"]).content.decode()
    assert "Anmeldung bestätigt" in mail.outbox[-1].subject

    register(client, meeting, people="2", email="zweite@example.org")
    second = MeetingRegistration.objects.get(email="zweite@example.org")
    assert second.status == MeetingRegistration.Status.WAITLISTED
    assert "Warteliste" in mail.outbox[-1].subject

    register(client, meeting, people="1", email="dritte@example.org")
    assert "Ausgebucht." in client.get(meeting.url).content.decode()
    assert meeting.places_left() == 0


def test_registration_refuses_too_many_people_per_form(client, meeting):
    response = register(client, meeting, people="11")

    assert response.status_code == 400
    assert "Höchstens zehn Personen je Anmeldung." in response.content.decode()
    assert not MeetingRegistration.objects.exists()


def test_registration_is_closed_for_past_meetings(client):
    past = MeetingPage.objects.get(slug="auftakttreffen-2021")
    past.registration_open = True
    past.save_revision().publish()

    response = register(client, past)

    assert response.status_code == 409
    assert "Die Anmeldung zu diesem Treffen ist geschlossen." in response.content.decode()
    assert not MeetingRegistration.objects.exists()


def test_registrants_appear_nowhere_public(client, meeting):
    register(client, meeting, name="Geheime Person")

    for path in ("/de/", meeting.url, "/de/treffen/", "/de/treffen/kalender/"):
        assert "Geheime Person" not in client.get(path).content.decode()
