"""Admin login and password reset, throttled per account and per client: a clear German message
and 429 once locked (even the right password is refused then), an entry in Wagtail's audit log,
locks that end by themselves, and API tokens untouched by any of it."""

import time

import pytest
from network_users import PASSWORD, make_city_editor

from django.core import mail
from django.test import Client

from wagtail.models import APIToken, ModelLogEntry

from limits.logins import LOCKED_ACTION

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.NETWORK_LOGIN_FAILURE_LIMITS = {"account": 3, "client": 5}
    settings.NETWORK_LOGIN_LOCKOUT_SECONDS = 15 * 60
    settings.NETWORK_PASSWORD_RESET_LIMITS = {"address": (2, 3600), "client": (4, 3600)}


@pytest.fixture
def city():
    return make_city_editor()


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def test_an_account_is_locked_after_its_failures_even_for_the_right_password(client, city):
    statuses = [log_in(client, city.username, "falsch").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]  # the failure that reaches the limit already says so
    refused = log_in(client, city.username, PASSWORD)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    html = refused.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
    assert "für 15 Minuten gesperrt" in html
    assert not logged_in(client)
    # From another client too: the account is what is protected.
    other = Client(REMOTE_ADDR="10.0.0.8")
    assert log_in(other, city.username, PASSWORD).status_code == 429
    # Another account from the first client is not locked.
    make_city_editor("zweite")
    assert log_in(client, "zweite", PASSWORD).status_code == 302


def test_a_client_is_locked_after_failures_across_accounts(client):
    for number in range(5):
        log_in(client, f"niemand-{number}", "falsch")

    make_city_editor("echte")
    assert log_in(client, "echte", PASSWORD).status_code == 429
    assert log_in(Client(REMOTE_ADDR="10.0.0.8"), "echte", PASSWORD).status_code == 302


def test_the_lock_is_in_the_audit_log_of_the_account(client, city):
    for _ in range(3):
        log_in(client, city.username.upper(), "falsch")  # user names as typed, any case

    entry = ModelLogEntry.objects.get(action=LOCKED_ACTION)
    assert entry.object_id == str(city.pk)
    assert entry.data == {"scope": "account", "minutes": 15}
    assert "Anmeldung für 15 Minuten gesperrt" in entry.message


def test_the_lock_ends_by_itself(client, city, settings):
    settings.NETWORK_LOGIN_LOCKOUT_SECONDS = 2
    for _ in range(3):
        log_in(client, city.username, "falsch")
    assert log_in(client, city.username, PASSWORD).status_code == 429

    time.sleep(2.5)

    assert log_in(client, city.username, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_successful_login_forgets_earlier_failures(client, city):
    for _ in range(2):
        log_in(client, city.username, "falsch")
    assert log_in(client, city.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(2):
        assert log_in(client, city.username, "falsch").status_code == 200
    assert log_in(client, city.username, PASSWORD).status_code == 302


def test_api_tokens_are_not_affected(client, city):
    _token, plaintext = APIToken.create_token(user=city, name="Website")
    for _ in range(3):
        log_in(client, city.username, "falsch")

    response = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer {plaintext}"})

    assert response.status_code == 200
    assert response.json()["user"]["username"] == city.username


def test_password_reset_mails_are_limited_per_address_keeping_what_was_typed(client, city):
    statuses = [client.post(RESET, {"email": city.email}).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2
    refused = client.post(RESET, {"email": city.email})
    html = refused.content.decode()
    assert "zu viele Links zum Zurücksetzen des Passworts angefordert" in html
    assert f'value="{city.email}"' in html
    assert refused["Retry-After"] == "3600"


def test_password_resets_are_limited_per_client_whatever_the_address(client):
    statuses = [
        client.post(RESET, {"email": f"person{n}@example.org"}).status_code for n in range(5)
    ]

    assert statuses == [302, 302, 302, 302, 429]
    other = Client(REMOTE_ADDR="10.0.0.8")
    assert other.post(RESET, {"email": "person9@example.org"}).status_code == 302


def test_unknown_and_known_addresses_are_answered_alike(client, city):
    for _ in range(2):
        client.post(RESET, {"email": city.email})
        client.post(RESET, {"email": "unbekannt@example.org"})

    known = client.post(RESET, {"email": city.email})
    unknown = client.post(RESET, {"email": "unbekannt@example.org"})

    assert known.status_code == unknown.status_code == 429
