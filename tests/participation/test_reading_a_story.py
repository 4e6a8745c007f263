"""A story is read in full before any decision: its text in its own direction, photo, place,
language, consent and contact, with "Als Station übernehmen", "Ablehnen" and "Rückfrage per
E-Mail" on the same screen; declining is logged and publishes nothing."""

import io

import pytest
from network_users import make_city_editor, make_editor_of
from PIL import Image

from django.core.files.base import ContentFile

from wagtail.models import ModelLogEntry

from home.models import Language
from tours.models import StorySubmission

pytestmark = pytest.mark.django_db

STORY = "وصلنا في شتاء عام 1971.\n\nكان القطار ممتلئًا."


@pytest.fixture
def arabic_story():
    story = StorySubmission(
        title="حقيبة جدتي",
        story=STORY,
        place="محطة القطار",
        latitude="48.709100",
        longitude="9.003800",
        language=Language.objects.get(code="ar", locale__language_code="de"),
        author_name="سارة",
        email="sara@example.org",
        consent_to_publish=True,
    )
    story.record_consent(["Ich bin einverstanden, dass meine Geschichte veröffentlicht wird."])
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 90)).save(buffer, format="JPEG")
    story.photo.save("foto.jpg", ContentFile(buffer.getvalue()), save=False)
    story.save()
    return story


@pytest.fixture
def city_client(client):
    client.force_login(make_city_editor())
    return client


def test_the_city_reads_the_whole_story_with_its_decisions_on_one_screen(city_client, arabic_story):
    listing = city_client.get("/admin/geschichten/").content.decode()
    reading_url = f"/admin/geschichten/inspect/{arabic_story.pk}/"
    assert f'href="{reading_url}"' in listing  # the title opens it for reading

    page = city_client.get(reading_url).content.decode()

    assert 'lang="ar" dir="rtl"' in page
    assert "وصلنا في شتاء عام 1971." in page and "كان القطار ممتلئًا." in page
    assert f'src="/admin/geschichten/photo/{arabic_story.pk}/"' in page
    assert "محطة القطار" in page and "48.709100, 9.003800" in page
    assert "Arabisch" in page
    assert "sara@example.org" in page
    assert "Ich bin einverstanden, dass meine Geschichte veröffentlicht wird." in page
    assert f'href="/admin/geschichten/convert/{arabic_story.pk}/"' in page
    assert f'href="/admin/geschichten/decline/{arabic_story.pk}/"' in page
    assert 'href="mailto:sara@example.org?subject=' in page
    assert "Rückfrage per E-Mail" in page
    for raw_value in (">None<", ">True<", ">False<"):
        assert raw_value not in page


def test_declining_a_story_is_logged_and_publishes_nothing(city_client, arabic_story):
    assert city_client.get(f"/admin/geschichten/decline/{arabic_story.pk}/").status_code == 200

    response = city_client.post(f"/admin/geschichten/decline/{arabic_story.pk}/")

    assert response.status_code == 302
    arabic_story.refresh_from_db()
    assert arabic_story.status == StorySubmission.Status.DECLINED
    assert arabic_story.stop is None
    assert ModelLogEntry.objects.filter(action="network.story_declined").exists()
    # Decided: no more decisions offered, and declining again is not possible.
    page = city_client.get(f"/admin/geschichten/inspect/{arabic_story.pk}/").content.decode()
    assert "Nicht übernommen" in page
    assert "/decline/" not in page
    assert city_client.post(f"/admin/geschichten/decline/{arabic_story.pk}/").status_code == 404


def test_association_editors_can_neither_read_nor_decline_a_story(client, arabic_story):
    client.force_login(make_editor_of("kulturbruecke-anatolien"))

    for path in (f"/admin/geschichten/inspect/{arabic_story.pk}/",):
        response = client.get(path)
        assert response.status_code in (302, 403)
        assert "سارة" not in response.content.decode()
    assert client.post(f"/admin/geschichten/decline/{arabic_story.pk}/").status_code in (302, 403)
    arabic_story.refresh_from_db()
    assert arabic_story.status == StorySubmission.Status.NEW


def test_the_storys_place_is_shown_on_the_nearest_walks_sketch(
    city_client, arabic_story, django_assert_max_num_queries
):
    from tours.admin_views import place_on_nearest_walk

    with django_assert_max_num_queries(2):
        placed = place_on_nearest_walk(arabic_story.latitude, arabic_story.longitude)
    assert placed["walk"].slug == "ankommen-in-sindelfingen" and placed["inside"]

    page = city_client.get(f"/admin/geschichten/inspect/{arabic_story.pk}/").content.decode()

    assert "Der rote Punkt ist der Ort der Geschichte" in page
    assert "„Ankommen in Sindelfingen“" in page
    x, y = placed["marked"]
    assert f'cx="{x:.1f}" cy="{y:.1f}" data-chosen' in page
    assert "<title>1. " in page  # the walk's stops, numbered


def test_a_story_without_a_place_shows_no_sketch(city_client, arabic_story):
    arabic_story.latitude = arabic_story.longitude = None
    arabic_story.save()

    page = city_client.get(f"/admin/geschichten/inspect/{arabic_story.pk}/").content.decode()

    assert "data-chosen" not in page
