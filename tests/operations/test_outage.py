"""While the database cannot be reached, pages answer 503 with Retry-After and a page of their
own, the API a problem detail; other failures stay 500, the API's as problem details too.

The failure is simulated where the site meets the database first (Wagtail's site lookup, the
session store); test_outage_server.py runs gunicorn against a database that is not there.
"""

import pytest

from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError

from wagtail.models import Site

pytestmark = pytest.mark.django_db

SECRET_DETAIL = 'connection to server at "db.internal" (10.0.0.5), port 5432 failed'
PROBLEM_KEYS = {"type", "title", "status", "detail"}


def failing(exc):
    def fail(*args, **kwargs):
        raise exc

    return fail


@pytest.fixture
def database_down(monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", failing(OperationalError(SECRET_DETAIL)))


def assert_unavailable_page(response, language="de"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert "db.internal" not in page and "OperationalError" not in page
    return page


def test_a_page_answers_503_with_a_page_of_its_own(quiet_client, database_down):
    page = assert_unavailable_page(quiet_client.get("/de/rundgaenge/"))

    assert "Vorübergehend nicht erreichbar" in page
    assert "nicht gespeichert" not in page


def test_a_form_sent_during_the_outage_is_told_nothing_was_stored(quiet_client, database_down):
    page = assert_unavailable_page(quiet_client.post("/de/mitmachen/", {"focus": "Kultur"}))

    assert "Was Sie gerade gesendet haben, wurde nicht gespeichert." in page


def test_the_page_follows_the_language_of_the_address(quiet_client, database_down):
    page = assert_unavailable_page(quiet_client.get("/ar/"), language="ar")

    assert 'dir="rtl"' in page


def test_a_lost_connection_is_an_outage_too(quiet_client, monkeypatch):
    monkeypatch.setattr(
        Site, "find_for_request", failing(InterfaceError("connection already closed"))
    )

    assert_unavailable_page(quiet_client.get("/de/"))


def test_a_session_store_that_cannot_reach_the_database_is_a_503(quiet_client, monkeypatch):
    monkeypatch.setattr(SessionStore, "load", failing(OperationalError(SECRET_DETAIL)))
    quiet_client.cookies["sessionid"] = "a" * 32  # the page reads its messages from the session

    assert_unavailable_page(quiet_client.get("/de/"))


def test_a_missing_page_during_the_outage_is_a_503_not_a_500(quiet_client, database_down):
    # The 404 page itself needs the database (the site's header); its failure is the outage.
    assert_unavailable_page(quiet_client.get("/de/gibt-es-nicht/"))


def test_other_failures_stay_a_500_without_retry_after(quiet_client, monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", failing(RuntimeError("a bug")))

    response = quiet_client.get("/de/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Ein Fehler ist aufgetreten" in response.content.decode()


# The API ----------------------------------------------------------------------------------


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert set(problem) >= PROBLEM_KEYS
    assert problem["status"] == status
    assert problem["detail"]
    return problem


def test_an_api_outage_is_a_problem_503_with_retry_after(quiet_client, monkeypatch):
    monkeypatch.setattr(
        "home.api.vocabularies.language_term", failing(OperationalError(SECRET_DETAIL))
    )

    response = quiet_client.get("/api/v3/vocabularies/languages/")

    problem = assert_problem(response, 503)
    assert problem["title"] == "Service Unavailable"
    assert response["Retry-After"] == "30"
    assert "db.internal" not in response.content.decode()


def test_an_api_server_error_is_a_problem_500_without_its_text(quiet_client, monkeypatch):
    monkeypatch.setattr("home.api.vocabularies.language_term", failing(RuntimeError(SECRET_DETAIL)))

    response = quiet_client.get("/api/v3/vocabularies/languages/")

    problem = assert_problem(response, 500)
    assert problem["title"] == "Internal Server Error"
    assert "db.internal" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_api_address_is_a_problem_404(client):
    assert_problem(client.get("/api/v3/gibt-es-nicht/"), 404)


def test_a_method_an_endpoint_does_not_take_is_a_problem_405_with_allow(client):
    response = client.delete("/api/v3/vocabularies/languages/")

    assert_problem(response, 405)
    assert "GET" in response["Allow"]


def test_the_api_keeps_its_own_problem_answers(client):
    response = client.get("/api/v3/pages/999999999/")

    problem = assert_problem(response, 404)
    assert problem["title"] == "Not Found"
