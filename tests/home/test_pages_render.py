"""Every page type renders with the demo content and shows what readers came for."""

import pytest

from home.models import AssociationPage, MeetingPage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_network_next_meeting_newest_associations_and_sections(client, home):
    response = client.get(home.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Netzwerk Migrantenorganisationen Sindelfingen</h1>" in html
    assert "Nächstes Treffen" in html
    assert "Vernetzungstreffen: Neues aus den Arbeitsgruppen" in html
    assert "Neu im Netzwerk" in html
    assert html.count('class="card association-card"') == 4
    for section in ("Vereine", "Treffen", "Über das Netzwerk"):
        assert f">{section}</a>" in html


def test_home_page_works_with_no_meetings_and_no_associations(client, home):
    AssociationPage.objects.all().delete()
    MeetingPage.objects.all().delete()

    response = client.get(home.url)

    assert response.status_code == 200
    assert "Zurzeit ist kein Treffen angekündigt." in response.content.decode()
    assert "Neu im Netzwerk" not in response.content.decode()


def test_association_index_lists_the_thirteen_member_associations(client, directory):
    response = client.get(directory.url)

    assert response.status_code == 200
    assert "13 Vereine im Netzwerk." in response.content.decode()


def test_association_page_shows_profile_offers_needs_and_consented_contacts(client):
    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")

    response = client.get(association.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kulturbrücke Anatolien e. V.</h1>" in html
    assert "Räume für Treffen und Veranstaltungen" in html  # offers
    assert "Beratung zu Fördermitteln" in html  # needs
    assert '<span lang="tr" dir="ltr">Türkçe</span>' in html
    assert "info@kulturbruecke.example.org" in html  # shown by choice
    assert "07031 000001" not in html  # phone kept private
    assert "Ayşe Demir" in html  # consented
    assert "Mehmet Kaya" not in html  # no consent
    assert "Auftakttreffen des Netzwerks" in html  # meetings attended


def test_meeting_index_and_meeting_page_render(client, meeting_index):
    response = client.get(meeting_index.url)
    assert response.status_code == 200
    assert "Kalender abonnieren" in response.content.decode()

    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    response = client.get(kickoff.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mittwoch, 24. März 2021, 17:00–19:30 Uhr" in html
    assert "13 teilnehmende Vereine" in html
    assert (
        "Eine regelmäßige Austauschplattform (ein Format) zwischen den Vereinen ist gewünscht."
        in html
    )
    assert "(PDF," in html  # the minutes, with type and size


def test_standard_page_renders(client):
    page = StandardPage.objects.get(slug="ueber-das-netzwerk")

    response = client.get(page.url)

    assert response.status_code == 200
    assert "Integrationsfonds" in response.content.decode()


def test_unknown_page_is_404(client, home):
    assert client.get("/de/gibt-es-nicht/").status_code == 404


def test_not_found_page_is_in_german_with_a_way_home(client):
    response = client.get("/de/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht (mehr)." in html
    assert 'href="/"' in html
