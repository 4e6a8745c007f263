"""The public forms' rate limit counts accepted submissions, not mistakes; a refused form comes
back as the person filled it in, with a message and 429 (HTML forms and API alike); the client
is the one X-Forwarded-For names only behind configured proxies."""

import pytest
from public_forms import application_data, registration_data, story_data

from django.test import Client

from home.models import MeetingPage, MeetingRegistration, MembershipApplication
from tours.models import StorySubmission

pytestmark = pytest.mark.django_db

LIMIT = 2


@pytest.fixture(autouse=True)
def low_limit(settings):
    settings.NETWORK_PARTICIPATION_RATE_LIMIT = (LIMIT, 3600)


@pytest.fixture
def meeting():
    meeting = MeetingPage.objects.get(
        slug="naechstes-vernetzungstreffen", locale__language_code="de"
    )
    meeting.capacity = 50
    meeting.save_revision().publish()
    return meeting


# Numbered, so that each submission is told apart from the others.
def story(number, **overrides):
    return story_data(title=f"Die Reise Nummer {number}") | overrides


def application(number, **overrides):
    return application_data(association_name=f"Beispielverein Nummer {number}") | overrides


def registration(number, **overrides):
    return (
        registration_data(name=f"Pat Beispiel Nummer {number}", email=f"pat{number}@example.org")
        | overrides
    )


FORMS = {
    "story": ("/de/rundgaenge/geschichte-erzaehlen/", story, "title", StorySubmission),
    "application": ("/de/mitmachen/", application, "association_name", MembershipApplication),
    "registration": (None, registration, "name", MeetingRegistration),
}


@pytest.mark.parametrize("form", FORMS)
def test_mistakes_do_not_count_and_a_refused_form_keeps_what_was_typed(client, meeting, form):
    url, data, typed_field, model = FORMS[form]
    url = url or f"{meeting.url}anmelden/"
    before = model.objects.count()
    for number in range(3):  # mistakes: consent missing
        invalid = data(number)
        del invalid["consent_privacy"]
        assert client.post(url, invalid).status_code == 400
    for number in range(LIMIT):
        assert client.post(url, data(number)).status_code == 302

    refused = client.post(url, data(99))

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert "Zu viele Anfragen" in html
    assert "diese wurde nicht gespeichert" in html
    assert "in 60 Minuten noch einmal" in html
    # The form is there again, filled in as it was sent, without field errors.
    assert f'value="{data(99)[typed_field]}"' in html
    assert 'aria-invalid="true"' not in html
    assert model.objects.count() == before + LIMIT


def test_another_client_is_not_affected(client):
    url, data, _field, _model = FORMS["story"]
    for number in range(LIMIT):
        client.post(url, data(number))
    assert client.post(url, data(9)).status_code == 429

    assert Client(REMOTE_ADDR="10.0.0.9").post(url, data(10)).status_code == 302


def test_the_api_counts_accepted_submissions_only(client):
    url = "/api/v3/participation/stories/"
    body = story(0, consent_to_publish="true", consent_privacy="true")
    for _ in range(3):
        assert client.post(url, {**body, "consent_privacy": "false"}).status_code == 422
    for number in range(LIMIT):
        assert client.post(url, {**body, "title": f"API {number}"}).status_code == 201

    refused = client.post(url, {**body, "title": "API zu viel"})

    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["Retry-After"] == "3600"
    assert "diese wurde nicht gespeichert" in refused.json()["detail"]
    assert not StorySubmission.objects.filter(title="API zu viel").exists()


def test_the_api_and_the_form_share_one_count(client):
    url, data, _field, _model = FORMS["story"]
    client.post(url, data(0))
    api = "/api/v3/participation/stories/"
    body = story(1, consent_to_publish="true", consent_privacy="true")
    assert client.post(api, body).status_code == 201

    assert client.post(api, {**body, "title": "Noch eine"}).status_code == 429
    assert client.post(url, data(2)).status_code == 429


def test_x_forwarded_for_is_ignored_without_configured_proxies(settings):
    settings.NETWORK_TRUSTED_PROXIES = 0
    url, data, _field, _model = FORMS["story"]
    for number in range(LIMIT + 1):
        # A client inventing a new address each time is still the same client.
        response = Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{number}").post(url, data(number))
    assert response.status_code == 429


def test_behind_a_proxy_the_address_it_saw_is_the_client(settings):
    settings.NETWORK_TRUSTED_PROXIES = 1
    url, data, _field, _model = FORMS["story"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(LIMIT):
        Client(HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).post(url, data(number))

    # What the client wrote before the proxy's entry does not count; the proxy's entry does.
    again = Client(HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1", **proxy)
    assert again.post(url, data(5)).status_code == 429
    other = Client(HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.post(url, data(6)).status_code == 302
