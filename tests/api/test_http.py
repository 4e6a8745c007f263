"""HTTP around the API: caching headers and conditional requests on public answers, never on
answers to a token; CORS only for configured front-end origins."""

import pytest
from network_users import make_city_editor

from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/api/v3/pages/",
    "/api/v3/tours/",
    "/api/v3/associations/",
    "/api/v3/meetings/calendar/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_answers_can_be_cached_and_revalidated(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
    etag = response["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_a_changed_page_gets_a_new_etag(client, demo_tour):
    path = f"/api/v3/pages/{demo_tour.pk}/"
    etag = client.get(path)["ETag"]
    demo_tour.theme = "Ein neues Thema"
    demo_tour.save_revision().publish()
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["theme"] == "Ein neues Thema"


def test_answers_to_a_token_are_never_stored(token_client, demo_tour):
    city = token_client(make_city_editor())
    response = city.get(f"/api/v3/pages/{demo_tour.pk}/?version=draft")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_errors_and_writes_are_not_cached(client):
    assert "no-store" in client.get("/api/v3/pages/999999/")["Cache-Control"]
    response = client.post(
        "/api/v3/participation/membership-applications/", {}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "no-store" in response["Cache-Control"]


def test_no_cross_origin_access_by_default(client):
    response = client.get("/api/v3/tours/", headers={"Origin": "https://fremd.example.org"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://rundgaenge.example.org"])
def test_configured_front_ends_may_call_the_api(client):
    preflight = client.options(
        "/api/v3/pages/",
        headers={
            "Origin": "https://rundgaenge.example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://rundgaenge.example.org"
    assert "authorization" in preflight["Access-Control-Allow-Headers"]
    response = client.get("/api/v3/tours/", headers={"Origin": "https://rundgaenge.example.org"})
    assert response["Access-Control-Allow-Origin"] == "https://rundgaenge.example.org"
    other = client.get("/api/v3/tours/", headers={"Origin": "https://fremd.example.org"})
    assert "Access-Control-Allow-Origin" not in other
    # Only the API is open to other origins, not the website or the admin.
    page = client.get("/", headers={"Origin": "https://rundgaenge.example.org"})
    assert "Access-Control-Allow-Origin" not in page


def test_session_cookies_do_not_open_drafts(client, admin_user, directory):
    """The API never trusts a browser session: a logged-in admin reads like anyone else."""
    from factories import AssociationPageFactory

    draft = AssociationPageFactory(parent=directory, title="Entwurf im Admin", live=False)
    client.force_login(admin_user)
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
