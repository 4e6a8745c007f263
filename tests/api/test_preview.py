"""Headless preview: an editor sees a draft in the external front end. The front end reads the
draft with a signed, expiring token that only an editor of the page can obtain; nothing about
it is cached, and the live page stays as it was."""

import time
from unittest import mock

import pytest
from network_users import make_city_editor, make_editor_of

from django.test import RequestFactory, override_settings

from home.models import AssociationPage
from home.models.preview import HeadlessPreview

pytestmark = pytest.mark.django_db

FRONT_END = "https://walks.example.org/preview?token={token}"
DRAFT_TITLE = "Kulturbrücke Anatolien (Entwurf)"


@pytest.fixture
def association():
    return AssociationPage.objects.get(slug="kulturbruecke-anatolien")


@pytest.fixture
def editor():
    return make_editor_of("kulturbruecke-anatolien", username="autorin")


@pytest.fixture
def draft(association, editor):
    """The association's page with an unpublished change of its title."""
    live_title = association.title
    association.title = DRAFT_TITLE
    association.save_revision(user=editor)
    return live_title


def create_preview(client, page):
    return client.post(f"/api/v3/preview/pages/{page.pk}/")


def test_an_editor_gets_a_token_for_the_draft_and_the_front_end_reads_it(
    client, token_client, association, editor, draft
):
    response = create_preview(token_client(editor), association)
    assert response.status_code == 201, response.content
    link = response.json()
    assert link["front_end_url"] is None  # no front end configured
    assert link["expires_at"]

    preview = client.get("/api/v3/preview/", {"token": link["token"]})
    assert preview.status_code == 200
    assert preview.json()["title"] == DRAFT_TITLE
    assert preview.json()["meta"]["type"] == "home.AssociationPage"
    assert "no-store" in preview["Cache-Control"]
    assert "public" not in preview["Cache-Control"]

    # The live page is untouched.
    live = client.get(f"/api/v3/pages/{association.pk}/")
    assert live.json()["title"] == draft


@override_settings(NETWORK_HEADLESS_PREVIEW_URL=FRONT_END)
def test_the_link_leads_to_the_configured_front_end(token_client, association, editor, draft):
    link = create_preview(token_client(editor), association).json()
    assert link["front_end_url"] == FRONT_END.replace("{token}", link["token"])


def test_only_editors_of_the_page_get_a_token(client, token_client, association, draft):
    other = make_editor_of("circolo-culturale-ponte", username="andere")
    refused = create_preview(token_client(other), association)
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"

    assert create_preview(client, association).status_code == 401
    assert create_preview(token_client(make_city_editor()), association).status_code == 201
    missing = token_client(other).post("/api/v3/preview/pages/999999/")
    assert missing.status_code == 404
    assert not HeadlessPreview.objects.filter(created_by=other).exists()


def test_forged_and_expired_tokens_show_nothing(client, token_client, association, editor, draft):
    token = create_preview(token_client(editor), association).json()["token"]

    forged = client.get("/api/v3/preview/", {"token": token[:-2] + "xx"})
    assert forged.status_code == 404
    assert DRAFT_TITLE not in forged.content.decode()
    assert "no-store" in forged["Cache-Control"]

    an_hour_later = time.time() + 3601
    with mock.patch("time.time", return_value=an_hour_later):
        expired = client.get("/api/v3/preview/", {"token": token})
    assert expired.status_code == 404
    assert "abgelaufen" in expired.json()["detail"]

    assert client.get("/api/v3/preview/").status_code == 422  # no token at all


def test_the_admin_offers_the_external_preview_only_when_a_front_end_is_set(association, editor):
    assert "headless" not in dict(association.preview_modes)
    with override_settings(NETWORK_HEADLESS_PREVIEW_URL=FRONT_END):
        assert "headless" in dict(association.preview_modes)
        request = RequestFactory().get("/admin/")
        request.user = editor
        association.title = DRAFT_TITLE  # unsaved, as in the editor's form
        response = association.serve_preview(request, "headless")
        response.render()
    html = response.content.decode()
    assert 'src="https://walks.example.org/preview?token=' in html
    token = html.split("preview?token=")[1].split('"')[0]
    assert HeadlessPreview.from_token(token).as_page().title == DRAFT_TITLE
