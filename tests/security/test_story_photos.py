"""A photo a member of the public sends stays private until a city editor publishes the stop
made from it: not in public storage, not in the API, not reachable by address; then it is
public with the stop, without its GPS position."""

import os

import pytest
from media_files import metadata_left_in, phone_photo_upload, read_stored
from network_users import make_city_editor, make_editor_of

from django.conf import settings
from django.test import Client

from tours.models import StoryFormPage, StorySubmission, TourPage, TourStopPage

pytestmark = pytest.mark.django_db

STORY = {
    "title": "Der Koffer meiner Oma",
    "story": "Sie kam 1964 mit einem Koffer am Bahnhof an.",
    "place": "Bahnhof",
    "author_name": "Enkelin Sofia",
    "email": "sofia@example.org",
    "consent_to_publish": "on",
    "consent_privacy": "on",
    "website": "",
}


@pytest.fixture
def city():
    return make_city_editor(username="stadt-fotos")


@pytest.fixture
def taken_over(city, client):
    """A story with a phone photo, sent through the public form and taken over as a draft
    stop by a city editor in the admin."""
    form_page = StoryFormPage.objects.get(locale__language_code="de")
    response = Client().post(form_page.url, {**STORY, "photo": phone_photo_upload()})
    assert response.status_code == 302
    submission = StorySubmission.objects.get(title=STORY["title"])
    tour = TourPage.objects.get(slug="ankommen-in-sindelfingen")
    client.force_login(city)
    response = client.post(
        f"/admin/geschichten/convert/{submission.pk}/",
        {
            "tour": tour.pk,
            "title": STORY["title"],
            "teaser": "Ein Koffer, der 1964 ankam.",
            "latitude": "48.708600",
            "longitude": "9.011800",
            "address": "Bahnhof",
            "photo_alt_text": "Ein alter brauner Koffer",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    return submission


def stored_under(root, fieldfile):
    return os.path.exists(os.path.join(str(root), fieldfile.name))


def test_the_photo_of_a_draft_stop_stays_in_private_storage(taken_over):
    image = taken_over.image

    assert image is not None and image.file.name.rsplit("/", 1)[-1].startswith("private_")
    assert stored_under(settings.PRIVATE_MEDIA_ROOT, image.file)
    assert not stored_under(settings.MEDIA_ROOT, image.file)
    assert metadata_left_in(read_stored(image.file)) == set()


def test_the_photo_of_a_draft_stop_is_not_in_the_api_and_has_no_public_address(taken_over):
    image = taken_over.image
    anonymous = Client()

    ids = {item["id"] for item in anonymous.get("/api/v3/images/?limit=100").json()["items"]}
    assert image.pk not in ids
    assert anonymous.get(f"/api/v3/images/{image.pk}/").status_code == 404
    assert not image.file.url.startswith(settings.MEDIA_URL)
    response = anonymous.get(image.file.url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_only_editors_who_may_see_the_draft_see_its_photo(taken_over, client, city):
    image = taken_over.image
    rendition = image.get_rendition("max-200x200")

    client.force_login(make_editor_of("familienzentrum-al-manara", username="fremde-redaktion"))
    assert client.get(image.file.url).status_code == 404
    assert client.get(rendition.url).status_code == 404

    client.force_login(city)
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_walks_reviewer_sees_the_photo_while_reviewing(taken_over, client, city):
    stop = taken_over.stop
    stop.get_workflow().start(stop, city)
    reviewer = make_editor_of("circolo-culturale-ponte", username="pruefer-foto")

    client.force_login(reviewer)
    assert client.get(taken_over.image.file.url).status_code == 200


def test_publishing_the_stop_publishes_its_photo(
    taken_over, city, django_capture_on_commit_callbacks
):
    image = taken_over.image
    private_name = image.file.name
    draft_rendition = image.get_rendition("max-200x200").file.name
    stop = TourStopPage.objects.get(pk=taken_over.stop_id)

    with django_capture_on_commit_callbacks(execute=True):  # files are deleted on commit
        stop.get_latest_revision().publish(user=city)

    image.refresh_from_db()
    assert image.file.name != private_name
    assert stored_under(settings.MEDIA_ROOT, image.file)
    assert not os.path.exists(os.path.join(str(settings.PRIVATE_MEDIA_ROOT), private_name))
    assert not os.path.exists(os.path.join(str(settings.PRIVATE_MEDIA_ROOT), draft_rendition))
    assert image.file.url.startswith(settings.MEDIA_URL)
    assert metadata_left_in(read_stored(image.file)) == set()
    ids = {item["id"] for item in Client().get("/api/v3/images/?limit=100").json()["items"]}
    assert image.pk in ids
    page = Client().get(stop.url).content.decode()
    assert settings.MEDIA_URL + "images/" in page
    assert "/admin/medien/privat/" not in page
