"""A picture that claims more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS is refused from its
header, before a pixel is decoded, on every path: the story form (400 with the field's error),
the story API and the image API (422), the admin's upload, and renditions of an image stored
before the check existed. Memory stays bounded (measured in a process of its own)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from bombs import gif_animation, png_bomb

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import APIToken

from medialibrary.images import without_metadata
from tours.models import StorySubmission

MEMORY_PROBE = Path(__file__).with_name("bomb_memory.py")
ROOT = Path(__file__).resolve().parents[2]
TOO_MANY_PIXELS = "Das Bild hat zu viele Pixel (höchstens 50 Megapixel)."


@pytest.fixture(scope="module")
def bomb():
    return png_bomb()


def bomb_upload(data):
    return SimpleUploadedFile("urlaub.png", data, content_type="image/png")


def story(**extra):
    return {
        "title": "Die Bombe",
        "story": "Wir kamen im Winter 1971 an.",
        "author_name": "Nonna Maria",
        "consent_to_publish": "true",
        "consent_privacy": "true",
        "website": "",
        **extra,
    }


def test_every_path_refuses_the_bomb_with_bounded_memory():
    run = subprocess.run(
        [sys.executable, str(MEMORY_PROBE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout.strip().splitlines()[-1])

    for path, result in results.items():
        assert result["outcome"] != "accepted", path
        # Decoded, the picture would take 169 MB (grey) to 500 MB (colour) and more.
        assert result["peak_rise_mb"] < 40, (path, result)
    assert "zu viele Pixel" in results["story_photo"]["outcome"]
    assert "zu viele Pixel" in results["admin_upload"]["outcome"]
    assert "DecompressionBombError" in results["rendition"]["outcome"]


@pytest.mark.django_db
def test_the_story_form_says_what_is_wrong(client, bomb):
    response = client.post(
        "/de/rundgaenge/geschichte-erzaehlen/",
        {**story(consent_to_publish="on", consent_privacy="on"), "photo": bomb_upload(bomb)},
    )

    assert response.status_code == 400
    assert TOO_MANY_PIXELS in response.content.decode()
    assert not StorySubmission.objects.filter(title="Die Bombe").exists()


@pytest.mark.django_db
def test_the_story_api_answers_422(client, bomb):
    response = client.post(
        "/api/v3/participation/stories/", {**story(), "photo": bomb_upload(bomb)}
    )

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert any(e["loc"][-1] == "photo" and TOO_MANY_PIXELS in e["msg"] for e in errors)
    assert not StorySubmission.objects.filter(title="Die Bombe").exists()


@pytest.mark.django_db
def test_the_image_api_answers_422(client, bomb):
    admin = get_user_model().objects.create_superuser("bildadmin", "bild@example.org", "x")
    _token, plaintext = APIToken.create_token(user=admin, name="Bilder")
    images = get_image_model().objects.count()

    response = client.post(
        "/api/v3/images/",
        {"file": bomb_upload(bomb), "title": "Bombe"},
        headers={"Authorization": f"Bearer {plaintext}"},
    )

    assert response.status_code == 422, response.content
    assert "zu viele Pixel" in response.content.decode()
    assert get_image_model().objects.count() == images


@pytest.mark.django_db
def test_the_admin_upload_shows_the_error(client, bomb):
    client.force_login(
        get_user_model().objects.create_superuser("bildadmin", "bild@example.org", "x")
    )
    images = get_image_model().objects.count()

    response = client.post("/admin/images/add/", {"title": "Bombe", "file": bomb_upload(bomb)})

    assert "zu viele Pixel" in response.content.decode()
    assert get_image_model().objects.count() == images


def test_every_frame_of_an_animation_counts(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 30_000  # 100 × 100 × 3 frames is 30 000
    within = gif_animation(100, 100, frames=3)
    beyond = gif_animation(100, 100, frames=4)

    assert without_metadata(io.BytesIO(within)).width == 100
    with pytest.raises(ValidationError) as refused:
        without_metadata(io.BytesIO(beyond))
    assert refused.value.code == "too_many_pixels"
