"""Unpublished and private associations and meetings appear nowhere public."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from home.models import AssociationPage, MeetingPage

from factories import AssociationPageFactory, FocusAreaFactory, MeetingPageFactory

pytestmark = pytest.mark.django_db

SECRET = "Entwurf-Geheimnis"


@pytest.fixture
def hidden_pages(directory, meeting_index):
    """A never-published association, a private one, and a draft meeting both attend."""
    focus = FocusAreaFactory(name="Nur im Entwurf", slug="nur-im-entwurf")
    draft = AssociationPageFactory(
        parent=directory, title=f"{SECRET} Verein", live=False, focus_areas=[focus]
    )
    private = AssociationPageFactory(parent=directory, title=f"{SECRET} Privatverein")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Nur intern"))
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    kickoff.attending_associations.add(draft, private)
    kickoff.save_revision().publish()
    meeting = MeetingPageFactory(
        parent=meeting_index, title=f"{SECRET} Treffen", live=False, attending_associations=[draft]
    )
    return {"draft": draft, "private": private, "meeting": meeting, "kickoff": kickoff}


def test_hidden_pages_cannot_be_opened(client, hidden_pages):
    assert client.get(f"/de/vereine/{hidden_pages['draft'].slug}/").status_code == 404
    assert client.get(f"/de/treffen/{hidden_pages['meeting'].slug}/").status_code == 404
    assert client.get(f"/de/treffen/{hidden_pages['meeting'].slug}/kalender/").status_code == 404
    private = client.get(f"/de/vereine/{hidden_pages['private'].slug}/")
    assert private.status_code == 302  # to the login
    assert SECRET not in private.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/de/vereine/",
        "/de/vereine/?schwerpunkt=nur-im-entwurf",
        "/de/treffen/",
        "/de/treffen/kalender/",
        "/de/treffen/auftakttreffen-2021/",
        "/de/treffen/auftakttreffen-2021/kalender/",
        "/de/vereine/kulturbruecke-anatolien/",
        "/sitemap.xml",
    ],
)
def test_hidden_pages_appear_in_no_public_output(client, hidden_pages, path):
    response = client.get(path)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_the_draft_association_is_not_counted(client, hidden_pages):
    html = client.get("/de/treffen/auftakttreffen-2021/").content.decode()
    assert "13 teilnehmende Vereine" in html
    assert "13 Vereine im Netzwerk." in client.get("/de/vereine/").content.decode()


def test_a_draft_change_to_a_live_page_stays_unseen(client):
    association = AssociationPage.objects.get(slug="circolo-culturale-ponte")
    association.title = f"{SECRET} neuer Name"
    association.short_description = f"{SECRET} neue Beschreibung"
    association.save_revision()  # saved, not published

    for path in ("/de/", "/de/vereine/", association.url, "/de/treffen/auftakttreffen-2021/"):
        html = client.get(path).content.decode()
        assert SECRET not in html
    assert "Circolo Culturale Ponte" in client.get(association.url).content.decode()
