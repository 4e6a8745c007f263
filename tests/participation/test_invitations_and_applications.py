"""Invitations: a city editor invites by e-mail; the link expires, works once and lets the invitee
set a password. Applications to join: on acceptance the draft profile, its group and the
invitation exist; on refusal the association hears of it."""

import datetime
import re

import pytest
from network_users import make_editor_of

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from wagtail.models import ModelLogEntry

from home.models import (
    AssociationEditors,
    AssociationIndexPage,
    AssociationPage,
    EditorInvitation,
    MembershipApplication,
)

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Gartenzwerg-Sonnenblume-42"


def invitation_link():
    [link] = re.findall(r"http://testserver(/de/einladung/[\w-]+/)", mail.outbox[-1].body)
    return link


def invite(client, city_editor, association, email="neu@example.org"):
    client.force_login(city_editor)
    response = client.post(
        "/admin/einladungen/new/",
        {"email": email, "association": association.pk, "language": "de", "personal_note": ""},
    )
    client.logout()
    return response


def accept(client, link, **overrides):
    data = {
        "first_name": "Nia",
        "last_name": "Neu",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return client.post(link, data | overrides)


def test_a_city_editor_invites_and_the_invitee_sets_a_password_once(
    client, city_editor, association
):
    assert invite(client, city_editor, association).status_code == 302
    assert mail.outbox[-1].to == ["neu@example.org"]
    assert "Tanzkreis Kalimera" in mail.outbox[-1].body
    link = invitation_link()
    invitation = EditorInvitation.objects.get()
    assert link.strip("/").split("/")[-1] not in invitation.token_hash  # only a hash is stored

    assert client.get(link).status_code == 200
    response = accept(client, link)

    assert response.status_code == 302 and response["Location"] == "/admin/"
    user = get_user_model().objects.get(email="neu@example.org")
    assert user.check_password(NEW_PASSWORD)
    link_group = AssociationEditors.objects.get(association=association).group
    assert user.groups.filter(pk=link_group.pk).exists()
    assert association.permissions_for_user(user).can_edit()
    assert not association.permissions_for_user(user).can_publish()
    assert ModelLogEntry.objects.filter(action="network.invitation_sent", user=city_editor).exists()
    assert ModelLogEntry.objects.filter(action="network.invitation_accepted", user=user).exists()

    # The link works once.
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "schon angenommen" in again.content.decode()


def test_an_expired_link_is_refused_and_creates_no_account(client, city_editor, association):
    invite(client, city_editor, association)
    link = invitation_link()
    EditorInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = accept(client, link)

    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_an_unknown_link_is_not_found(client):
    assert client.get("/de/einladung/gibt-es-nicht/").status_code == 404


def test_a_weak_password_is_refused_with_a_clear_message(client, city_editor, association):
    invite(client, city_editor, association)

    response = accept(client, invitation_link(), password1="123", password2="123")

    assert response.status_code == 400
    assert "Dieses Passwort ist zu kurz" in response.content.decode()
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_only_the_city_may_invite(client, association):
    client.force_login(make_editor_of("tanzkreis-kalimera"))

    response = client.post(
        "/admin/einladungen/new/", {"email": "x@example.org", "association": association.pk}
    )

    assert response.status_code in (302, 403)
    assert not EditorInvitation.objects.exists()
    assert not mail.outbox


def test_accepting_an_application_creates_draft_profile_group_and_invitation(client, city_editor):
    application = MembershipApplication.objects.create(
        association_name="Verein der Neugierigen",
        focus="Kultur und Begegnung",
        contact_name="Ada Antrag",
        email="ada@example.org",
    )
    client.force_login(city_editor)

    response = client.post(f"/admin/aufnahmeantraege/accept/{application.pk}/")

    association = AssociationPage.objects.get(title="Verein der Neugierigen")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{association.pk}/edit/"
    assert not association.live
    assert AssociationEditors.objects.filter(association=association).exists()
    assert EditorInvitation.objects.get().association == association
    assert mail.outbox[-1].to == ["ada@example.org"]
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.ACCEPTED
    assert application.decided_by == city_editor
    assert ModelLogEntry.objects.filter(action="network.application_accepted").exists()
    assert "Verein der Neugierigen" not in client.__class__().get("/de/vereine/").content.decode()


def test_declining_an_application_tells_the_association(client, city_editor):
    application = MembershipApplication.objects.create(
        association_name="Zu früh e. V.", focus="Sport", contact_name="Bo", email="bo@example.org"
    )
    client.force_login(city_editor)

    client.post(
        f"/admin/aufnahmeantraege/decline/{application.pk}/", {"reason": "Bitte nächstes Jahr."}
    )

    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert mail.outbox[-1].to == ["bo@example.org"]
    assert "Bitte nächstes Jahr." in mail.outbox[-1].body
    assert not AssociationPage.objects.filter(title="Zu früh e. V.").exists()


# An application under the name of an association that exists already --------------------------

TAKEN = "Familienzentrum Al-Manara e. V."


@pytest.fixture
def application_under_a_taken_name(client):
    """Applying on /de/mitmachen/ with the name of an association of the network."""
    response = client.post(
        "/de/mitmachen/",
        {
            "association_name": TAKEN,
            "focus": "Beratung",
            "contact_name": "Rana Beispiel",
            "email": "rana@example.org",
            "message": "",
            "consent_privacy": "on",
            "website": "",
        },
    )
    assert response.status_code == 302
    return MembershipApplication.objects.get(email="rana@example.org")


def counts():
    from django.contrib.auth.models import Group

    from wagtail.models import Collection

    return {
        "pages": AssociationPage.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "links": AssociationEditors.objects.count(),
        "invitations": EditorInvitation.objects.count(),
        "mails": len(mail.outbox),
    }


def test_accepting_under_a_taken_name_explains_and_writes_nothing(
    client, city_editor, application_under_a_taken_name
):
    application = application_under_a_taken_name
    existing = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    client.force_login(city_editor)
    url = f"/admin/aufnahmeantraege/accept/{application.pk}/"
    # The confirmation page says so before anything is decided ...
    page = client.get(url).content.decode()
    assert f"Es gibt schon einen Verein mit dem Namen „{TAKEN}“" in page
    assert f'href="/admin/pages/{existing.pk}/edit/"' in page
    before = counts()

    response = client.post(url)

    # ... and accepting anyway is refused with the same explanation, not a server error.
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Es gibt schon einen Verein mit dem Namen „{TAKEN}“" in page
    assert f'href="/admin/pages/{existing.pk}/edit/"' in page
    assert "als Redaktion dieses Vereins einladen" in page
    assert "unter einem anderen Namen" in page
    assert counts() == before  # no page, group, collection, link, invitation or mail
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.NEW


def test_the_contact_may_be_invited_to_the_existing_association_instead(
    client, city_editor, application_under_a_taken_name
):
    application = application_under_a_taken_name
    existing = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    before = counts()
    client.force_login(city_editor)

    response = client.post(
        f"/admin/aufnahmeantraege/accept/{application.pk}/", {"action": "invite"}
    )

    assert response.status_code == 302
    assert AssociationPage.objects.count() == before["pages"]
    invitation = EditorInvitation.objects.get(email="rana@example.org")
    assert invitation.association == existing
    assert mail.outbox[-1].to == ["rana@example.org"]
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.ACCEPTED
    assert application.association == existing


def test_an_association_under_a_taken_name_may_be_accepted_under_another(
    client, city_editor, application_under_a_taken_name
):
    application = application_under_a_taken_name
    client.force_login(city_editor)

    response = client.post(
        f"/admin/aufnahmeantraege/accept/{application.pk}/",
        {"association_name": "Familienzentrum Al-Manara Nord e. V."},
    )

    association = AssociationPage.objects.get(title="Familienzentrum Al-Manara Nord e. V.")
    assert response.status_code == 302
    link = AssociationEditors.objects.get(association=association)
    assert link.group.name == "Verein: Familienzentrum Al-Manara Nord e. V."
    assert EditorInvitation.objects.get(email="rana@example.org").association == association


def test_accepting_without_a_directory_says_why_and_writes_nothing(client, city_editor):
    application = MembershipApplication.objects.create(
        association_name="Verein ohne Verzeichnis",
        focus="Kultur",
        contact_name="Ida",
        email="ida@example.org",
    )
    AssociationIndexPage.objects.filter(locale__language_code="de").delete()
    client.force_login(city_editor)

    response = client.post(f"/admin/aufnahmeantraege/accept/{application.pk}/")

    assert response.status_code == 400
    assert "Es gibt noch kein Vereinsverzeichnis" in response.content.decode()
    assert not AssociationPage.objects.filter(title="Verein ohne Verzeichnis").exists()
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.NEW


def test_a_taken_name_is_recognised_whatever_its_case(client, city_editor):
    application = MembershipApplication.objects.create(
        association_name="KULTURBRÜCKE  ANATOLIEN E. V.",
        focus="Kultur",
        contact_name="Ida",
        email="ida@example.org",
    )
    client.force_login(city_editor)

    response = client.post(f"/admin/aufnahmeantraege/accept/{application.pk}/")

    assert response.status_code == 400
    assert "Es gibt schon einen Verein mit dem Namen" in response.content.decode()
    assert not AssociationPage.objects.filter(title__startswith="KULTURBRÜCKE").exists()
