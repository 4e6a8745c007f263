"""A body longer than the platform accepts is refused by its Content-Length (413, with a
message), before any of it is read; what fits goes on to the view."""

import io

import pytest

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class UnreadBody(io.BytesIO):
    """A request body that remembers whether anyone read from it."""

    was_read = False

    def read(self, *args):
        self.was_read = True
        return super().read(*args)

    def readline(self, *args):
        self.was_read = True
        return super().readline(*args)


def post(client, path, length, content_type):
    body = UnreadBody(b"")
    response = client.generic(
        "POST",
        path,
        b"",
        CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
    )
    return response, body


@pytest.mark.parametrize(
    "path",
    [
        "/de/rundgaenge/geschichte-erzaehlen/",
        "/admin/images/multiple/add/",
        "/api/v3/participation/stories/",
    ],
)
def test_an_oversized_upload_is_refused_unread(client, settings, path):
    length = settings.NETWORK_REQUEST_BODY_MAX_BYTES + 1

    response, body = post(client, path, length, "multipart/form-data; boundary=xyz")

    assert response.status_code == 413
    assert not body.was_read
    text = response.content.decode()
    assert "Die gesendeten Daten sind zu groß (höchstens 21 MB auf einmal)" in text
    if path.startswith("/api/"):
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 413


def test_an_oversized_form_or_json_body_is_refused_unread(client, settings):
    length = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1

    response, body = post(
        client, "/api/v3/participation/membership-applications/", length, "application/json"
    )

    assert response.status_code == 413
    assert not body.was_read


def test_the_limit_fits_the_largest_upload_accepted(settings):
    largest = max(
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        settings.NETWORK_UPLOAD_MAX_BYTES,
    )
    assert largest < settings.NETWORK_REQUEST_BODY_MAX_BYTES <= largest + 1 * MB


def test_a_body_within_the_limit_reaches_the_form(client):
    # Within the limit the form answers itself (here: nothing usable was sent).
    response = client.post("/de/rundgaenge/geschichte-erzaehlen/", {"title": "x" * 1000})
    assert response.status_code == 400
