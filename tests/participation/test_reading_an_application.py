"""An application to join is read in full before any decision: the association, its focus, the
contact, the message in its own direction, the language it was sent in and the consent, with
"Aufnehmen", "Ablehnen" and "Rückfrage per E-Mail" on the same screen. Every link to it (the
listing's title, the city's notice) opens this reading view, not the edit form."""

from urllib.parse import quote

import pytest
from network_users import make_editor_of
from public_forms import application_data

from django.core import mail
from django.utils import translation

from home.forms import PRIVACY_CONSENT
from home.models import MembershipApplication

pytestmark = pytest.mark.django_db

ARABIC_MESSAGE = "نريد أن نشارك في مشروع ثقافة الترحيب.\n\nنحن عشرون عضوًا."
RAW_VALUES = ("None", "True", "False")


@pytest.fixture
def arabic_application(client):
    """Sent on the Arabic site, with an Arabic message and a phone number."""
    response = client.post(
        "/ar/mitmachen/",
        application_data(
            association_name="جمعية الجسر",
            focus="ثقافة، لغة",
            contact_name="ليلى",
            email="layla@example.org",
            phone="+49 7031 12345",
            message=ARABIC_MESSAGE,
        ),
    )
    assert response.status_code == 302
    return MembershipApplication.objects.get(email="layla@example.org")


def reading_url(application):
    return f"/admin/aufnahmeantraege/inspect/{application.pk}/"


def shows_no_raw_values(page):
    """Nothing of the record reads "None", "True" or "False" (Wagtail's own frame may)."""
    record = page.split('<div class="network-reading">', 1)[1].split("</main>", 1)[0]
    return not [value for value in RAW_VALUES if value in record]


def test_an_application_keeps_the_language_it_was_sent_in(arabic_application):
    assert arabic_application.language == "ar"


def test_an_application_through_the_api_keeps_the_clients_language(client):
    response = client.post(
        "/api/v3/participation/membership-applications/",
        {
            "association_name": "Anadolu Kültür Derneği",
            "focus": "Kültür",
            "contact_name": "Ayşe",
            "email": "ayse@example.org",
            "consent_privacy": True,
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="tr",
    )

    assert response.status_code == 201, response.content
    assert MembershipApplication.objects.get(email="ayse@example.org").language == "tr"


def test_an_application_that_names_no_language_is_german():
    application = MembershipApplication.objects.create(
        association_name="Alt e. V.", focus="Kultur", contact_name="Ola", email="ola@example.org"
    )
    assert application.language == "de"


def test_the_city_reads_the_whole_application_with_its_decisions_on_one_screen(
    client, city_editor, arabic_application
):
    client.force_login(city_editor)
    listing = client.get("/admin/aufnahmeantraege/").content.decode()
    assert f'href="{reading_url(arabic_application)}"' in listing  # the name opens it for reading
    assert "العربية" in listing  # the language it was sent in, by its own name
    arabic_only = client.get("/admin/aufnahmeantraege/?language=ar").content.decode()
    assert "جمعية الجسر" in arabic_only and "Brückenschlag" not in arabic_only

    response = client.get(reading_url(arabic_application))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<h2 dir="auto">جمعية الجسر</h2>' in page
    assert '<div class="network-application-message" dir="auto">' in page
    assert "نريد أن نشارك في مشروع ثقافة الترحيب." in page and "نحن عشرون عضوًا." in page
    assert "ثقافة، لغة" in page and "ليلى" in page
    assert 'href="mailto:layla@example.org"' in page
    assert 'href="tel:+49 7031 12345"' in page
    assert "Arabisch (العربية)" in page
    assert "Einwilligung erteilt am" in page and "Fassung" in page
    with translation.override("ar"):
        # The statement as the applicant read it, on the Arabic page.
        assert str(PRIVACY_CONSENT) in page
    assert "<strong>Neu</strong>" in page
    assert "noch nicht entschieden" in page
    pk = arabic_application.pk
    assert f'href="/admin/aufnahmeantraege/accept/{pk}/"' in page
    assert f'href="/admin/aufnahmeantraege/decline/{pk}/"' in page
    subject = quote("Ihr Aufnahmeantrag für „جمعية الجسر“ beim Netzwerk Migrantenorganisationen")
    assert f'href="mailto:layla@example.org?subject={subject}' in page
    assert "Rückfrage per E-Mail" in page
    assert shows_no_raw_values(page)


def test_empty_answers_are_said_in_words(client, city_editor):
    application = MembershipApplication.objects.create(
        association_name="Still e. V.", focus="Kultur", contact_name="Ola", email="ola@example.org"
    )
    client.force_login(city_editor)

    page = client.get(reading_url(application)).content.decode()

    assert "keine Nachricht" in page
    assert "nicht angegeben" in page  # the phone
    assert "nicht erfasst" in page  # no consent on record
    assert "Deutsch" in page
    assert shows_no_raw_values(page)


def test_a_decided_application_says_when_and_by_whom_and_offers_no_decision(
    client, city_editor, arabic_application
):
    client.force_login(city_editor)
    decline = f"/admin/aufnahmeantraege/decline/{arabic_application.pk}/"
    confirmation = client.get(decline).content.decode()
    assert f'href="{reading_url(arabic_application)}"' in confirmation  # "Abbrechen" leads back
    client.post(decline, {"reason": ""})

    page = client.get(reading_url(arabic_application)).content.decode()

    assert "<strong>Abgelehnt</strong>" in page
    assert "Sina" in page  # decided by
    assert "noch nicht entschieden" not in page
    assert "/decline/" not in page and "/accept/" not in page and "?subject=" not in page
    assert shows_no_raw_values(page)


def test_the_citys_notice_links_to_the_reading_view(client, city_editor):
    client.post("/de/mitmachen/", application_data(association_name="Verein mit Link"))

    application = MembershipApplication.objects.get(association_name="Verein mit Link")
    [notice] = [message for message in mail.outbox if city_editor.email in message.to]
    assert f"http://testserver{reading_url(application)}" in notice.body


def test_anonymous_readers_are_sent_to_the_login(client, arabic_application):
    response = client.get(reading_url(arabic_application))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_association_editors_can_neither_read_nor_decide_an_application(client, arabic_application):
    client.force_login(make_editor_of("kulturbruecke-anatolien"))

    response = client.get(reading_url(arabic_application))

    assert response.status_code in (302, 403)
    assert "ليلى" not in response.content.decode()
    for decision in ("accept", "decline"):
        response = client.post(f"/admin/aufnahmeantraege/{decision}/{arabic_application.pk}/")
        assert response.status_code in (302, 403)
    arabic_application.refresh_from_db()
    assert arabic_application.status == MembershipApplication.Status.NEW
