"""An invitation is written in the invitee's language, chosen by the city (German unless it
chooses another; on accepting an application, the language the application was sent in), says
why the person is invited and carries the city's personal note; the page its link opens is in
the same language. Resending keeps both."""

import re

import pytest

from django.core import mail
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime

from home.models import EditorInvitation, MembershipApplication

pytestmark = pytest.mark.django_db

NOTE = "Merhaba Ayşe, derneğinizin sayfasını birlikte hazırlayalım. Sorularınız için: Sina"


@pytest.fixture
def city_client(client, city_editor):
    client.force_login(city_editor)
    return client


def invite(client, association, **data):
    return client.post(
        "/admin/einladungen/new/",
        {"email": "ayse@example.org", "association": association.pk, "personal_note": ""} | data,
    )


def link_in(message, language):
    [link] = re.findall(rf"http://testserver(/{language}/einladung/[\w-]+/)", message.body)
    return link


def test_the_invitation_form_offers_the_languages_german_first(city_client):
    page = city_client.get("/admin/einladungen/new/").content.decode()

    assert '<option value="de" selected>Deutsch</option>' in page
    assert '<option value="tr">Türkçe</option>' in page
    assert '<option value="ar">العربية</option>' in page
    assert 'name="personal_note"' in page


def test_an_invitation_in_turkish_is_turkish_says_why_and_carries_the_note(
    city_client, association
):
    response = invite(city_client, association, language="tr", personal_note=NOTE)

    assert response.status_code == 302
    invitation = EditorInvitation.objects.get(email="ayse@example.org")
    assert invitation.language == "tr" and invitation.personal_note == NOTE
    [message] = mail.outbox
    assert message.subject == "Davet: Tanzkreis Kalimera e. V. editör ekibi"
    body = message.body
    assert body.startswith("Merhaba,")
    assert "Guten Tag" not in body and "Stadtredaktion" not in body
    # Who invites, for whom, on whose behalf; what an editor does; until when; the note.
    assert "Sina, Sindelfingen Belediyesi adına" in body
    assert "“Tanzkreis Kalimera e. V.” editör ekibinde çalışmaya davet ediyor" in body
    assert "derneğin profilini güncel tutmak" in body
    assert "belediye editör ekibi inceler" in body  # the city checks before publishing
    with translation.override("tr"):
        expires = date_format(localtime(invitation.expires_at), "DATETIME_FORMAT")
    assert expires in body
    assert "Sina tarafından gönderilen kişisel mesaj:" in body
    assert NOTE in body
    # The link opens the page under the Turkish prefix, in Turkish.
    page = city_client.get(link_in(message, "tr"))
    assert page.status_code == 200
    text = page.content.decode()
    assert '<html lang="tr"' in text
    assert "Daveti kabul et" in text


def test_without_a_note_the_mail_has_no_note(city_client, association):
    invite(city_client, association, language="de")

    [message] = mail.outbox
    assert "persönliche Nachricht" not in message.body
    assert "Sina lädt Sie im Auftrag der Stadt Sindelfingen ein" in message.body
    assert "Als Redaktion des Vereins können Sie auf der Plattform:" in message.body
    link_in(message, "de")


def test_resending_keeps_the_language_and_the_note(city_client, association):
    invite(city_client, association, language="tr", personal_note=NOTE)
    old = EditorInvitation.objects.get(email="ayse@example.org")

    response = city_client.post(f"/admin/einladungen/resend/{old.pk}/")

    assert response.status_code == 302
    new = EditorInvitation.objects.get(email="ayse@example.org")
    assert new.pk != old.pk
    assert (new.language, new.personal_note) == ("tr", NOTE)
    resent = mail.outbox[-1]
    assert resent.body.startswith("Merhaba,") and NOTE in resent.body
    link_in(resent, "tr")


def test_the_invitations_list_speaks_german(city_client, association):
    invite(city_client, association, language="tr", personal_note=NOTE)

    page = city_client.get("/admin/einladungen/").content.decode()

    headers = re.findall(r"<th[^>]*>(.*?)</th>", page, flags=re.S)
    labels = [re.sub(r"<[^>]+>|\s+", " ", header).strip() for header in headers]
    for label in (
        "E-Mail-Adresse",
        "Verein",
        "Sprache",
        "Stand",
        "Eingeladen von",
        "Verschickt am",
        "Gültig bis",
    ):
        assert any(label in found for found in labels), (label, labels)
    for english in ("State", "Created at", "Expires at", "Invited by", "Language"):
        assert not any(english in found for found in labels), (english, labels)
    assert "Türkçe" in page and "offen" in page
    # The list is filtered by language, too.
    assert "ayse@example.org" in city_client.get("/admin/einladungen/?language=tr").content.decode()
    assert (
        "ayse@example.org"
        not in city_client.get("/admin/einladungen/?language=ar").content.decode()
    )


# On accepting an application ----------------------------------------------------------------


@pytest.fixture
def turkish_application():
    return MembershipApplication.objects.create(
        association_name="Anadolu Kültür Derneği",
        focus="Kültür",
        contact_name="Ayşe",
        email="ayse@example.org",
        language="tr",
    )


def test_accepting_offers_the_applications_language_and_a_note(city_client, turkish_application):
    page = city_client.get(f"/admin/aufnahmeantraege/accept/{turkish_application.pk}/")

    text = page.content.decode()
    assert '<option value="tr" selected>Türkçe</option>' in text
    assert 'name="personal_note"' in text


def test_the_invitation_on_acceptance_is_in_the_applications_language_by_default(
    city_client, turkish_application
):
    response = city_client.post(f"/admin/aufnahmeantraege/accept/{turkish_application.pk}/")

    assert response.status_code == 302
    invitation = EditorInvitation.objects.get(email="ayse@example.org")
    assert invitation.language == "tr"
    [message] = [message for message in mail.outbox if message.to == ["ayse@example.org"]]
    assert message.body.startswith("Merhaba,")
    # Why: the application was accepted.
    assert "Başvurunuz kabul edildi" in message.body
    link_in(message, "tr")


def test_the_city_may_choose_another_language_and_write_a_note_on_acceptance(
    city_client, turkish_application
):
    response = city_client.post(
        f"/admin/aufnahmeantraege/accept/{turkish_application.pk}/",
        {
            "association_name": "Anadolu Kültür Derneği",
            "language": "en",
            "personal_note": "Welcome aboard!",
        },
    )

    assert response.status_code == 302
    invitation = EditorInvitation.objects.get(email="ayse@example.org")
    assert (invitation.language, invitation.personal_note) == ("en", "Welcome aboard!")
    message = mail.outbox[-1]
    assert message.body.startswith("Hello,") and "Welcome aboard!" in message.body
    link_in(message, "en")


def test_inviting_to_an_existing_association_keeps_the_applications_language(city_client):
    application = MembershipApplication.objects.create(
        association_name="Familienzentrum Al-Manara e. V.",
        focus="Beratung",
        contact_name="Rana",
        email="rana@example.org",
        language="ar",
    )

    response = city_client.post(
        f"/admin/aufnahmeantraege/accept/{application.pk}/", {"action": "invite"}
    )

    assert response.status_code == 302
    invitation = EditorInvitation.objects.get(email="rana@example.org")
    assert invitation.language == "ar"
    link_in(mail.outbox[-1], "ar")
