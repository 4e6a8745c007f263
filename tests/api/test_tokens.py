"""API tokens: every editor creates and revokes their own in the admin (shown once), the city's
operators also with a management command; a token acts with exactly its owner's rights."""

import re

import pytest
from network_users import make_editor_of

from django.core.management import call_command

from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


def whoami(client, token):
    return client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer {token}"})


def test_an_association_editor_creates_and_revokes_their_own_token_in_the_admin(client):
    editor = make_editor_of("kulturbruecke-anatolien", username="autorin")
    client.force_login(editor)
    assert client.get("/admin/api-tokens/").status_code == 200

    response = client.post("/admin/api-tokens/new/", {"name": "Vereinswebsite", "user": editor.pk})
    assert response.status_code == 200
    token = APIToken.objects.get(user=editor, name="Vereinswebsite")
    page = response.content.decode()
    plaintext = re.search(rf"{re.escape(token.prefix)}[A-Za-z0-9_\-]+", page).group(0)
    assert APIToken.objects.filter(key_hash__in=APIToken.candidate_key_hashes(plaintext)).exists()
    # Shown once: the token list and the token's page never show it again.
    assert plaintext not in client.get("/admin/api-tokens/").content.decode()
    assert plaintext not in client.get(f"/admin/api-tokens/edit/{token.pk}/").content.decode()

    api = client.__class__()
    assert whoami(api, plaintext).json()["user"]["username"] == "autorin"

    response = client.post(f"/admin/api-tokens/delete/{token.pk}/")
    assert response.status_code == 302
    assert whoami(api, plaintext).status_code == 401


def test_editors_cannot_make_tokens_for_others(client):
    editor = make_editor_of("kulturbruecke-anatolien", username="autorin")
    other = make_editor_of("circolo-culturale-ponte", username="andere")
    client.force_login(editor)
    response = client.post("/admin/api-tokens/new/", {"name": "Fremd", "user": other.pk})
    assert response.status_code == 200  # the form again, with an error
    assert not APIToken.objects.filter(user=other).exists()


def test_the_management_command_creates_lists_and_revokes(capsys):
    make_editor_of("kulturbruecke-anatolien", username="autorin")
    call_command("api_tokens", "create", "--user", "autorin", "--name", "Import")
    plaintext = capsys.readouterr().out.strip()
    token = APIToken.objects.get(name="Import")
    assert plaintext.startswith(token.prefix)
    call_command("api_tokens", "list", "--user", "autorin")
    listing = capsys.readouterr().out
    assert "Import" in listing and plaintext not in listing
    call_command("api_tokens", "revoke", "--id", str(token.pk))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_wrong_token_is_refused_clearly(client):
    response = client.get("/api/v3/moderation/tasks/", headers={"Authorization": "Bearer falsch"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]
