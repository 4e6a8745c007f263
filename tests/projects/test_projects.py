"""Projects: goal, status, partners, working groups with invited outside actors, news with feeds,
and links to meetings and walks; only what is live is shown."""

import xml.etree.ElementTree as ElementTree

import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import AssociationPage, HomePage
from projects.models import (
    OutsideActor,
    ProjectIndexPage,
    ProjectPage,
    ProjectUpdatePage,
    WorkingGroup,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def walks_project():
    return ProjectPage.objects.get(slug="stadtfuehrungen-migrationsgeschichte")


@pytest.mark.django_db
def test_the_demo_has_the_two_projects_of_the_report(project_index):
    titles = set(ProjectPage.objects.child_of(project_index).values_list("title", flat=True))

    assert titles == {
        "Willkommenskultur",
        "Stadtführungen zum Thema Sindelfinger Migrationsgeschichte(n)",
    }


@pytest.mark.django_db
def test_project_page_shows_working_group_with_members_and_invited_historian(client):
    html = client.get(walks_project().url).content.decode()

    assert "Arbeitsgruppe Stadtführungen" in html
    assert "monatlich, vor Ort" in html
    assert ">Kulturbrücke Anatolien e. V.</a>" in html
    assert "Dr. Paula Beispiel, Historikerin (Beispielperson), Stadtarchiv Sindelfingen" in html
    assert "Laufend" in html and "seit Juni 2021" in html


@pytest.mark.django_db
def test_an_outside_actor_without_consent_is_shown_by_organisation_only(client):
    OutsideActor.objects.filter(name="Dr. Paula Beispiel").update(consent_to_publish=False)

    html = client.get(walks_project().url).content.decode()

    assert "Paula Beispiel" not in html
    assert "Historikerin (Beispielperson), Stadtarchiv Sindelfingen" in html


@pytest.mark.django_db
def test_updates_are_listed_newest_first(client):
    project = walks_project()

    titles = [update.title for update in project.updates()]

    assert titles == ["Der erste Rundgang ist online", "Zeitzeuginnen und Zeitzeugen gesucht"]
    html = client.get(project.url).content.decode()
    assert html.index("Der erste Rundgang ist online") < html.index("Zeitzeuginnen")


@pytest.mark.django_db
def test_the_atom_feed_lists_the_news_newest_first_with_stable_ids(client):
    project = walks_project()

    response = client.get(f"{project.url}feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Der erste Rundgang ist online",
        "Zeitzeuginnen und Zeitzeugen gesucht",
    ]
    newest = ProjectUpdatePage.objects.get(slug="erster-rundgang-online")
    assert entries[0].findtext(f"{ATOM}id") == f"urn:uuid:{newest.translation_key}"
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver{newest.url}"
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Tanzkreis Kalimera e. V."


@pytest.mark.django_db
def test_the_rss_feed_parses(client):
    response = client.get(f"{walks_project().url}rss/")

    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Neuigkeiten: Stadtführungen")
    assert len(channel.findall("item")) == 2


@pytest.mark.django_db
def test_unpublished_news_and_authors_stay_out_of_page_feed_and_home(client, home):
    ProjectUpdatePage.objects.get(slug="erster-rundgang-online").unpublish()
    AssociationPage.objects.get(slug="kulturbruecke-anatolien").unpublish()
    project = walks_project()

    for path in (project.url, f"{project.url}feed/", f"{project.url}rss/", home.url):
        body = client.get(path).content.decode()
        assert "Der erste Rundgang ist online" not in body, path
        assert "Kulturbrücke Anatolien" not in body, path


@pytest.mark.django_db
def test_the_project_links_its_live_meetings_and_walks(client):
    html = client.get(walks_project().url).content.decode()

    assert ">Ankommen in Sindelfingen</a>" in html
    assert ">Workshop: Wie wollen wir zusammenarbeiten?</a>" in html


@pytest.mark.django_db
def test_the_home_page_shows_project_news_and_walks(client, home):
    html = client.get(home.url).content.decode()

    assert "Neues aus den Projekten" in html
    assert "Der erste Rundgang ist online" in html
    assert "Stadtrundgänge zur Migrationsgeschichte" in html
    assert ">Ankommen in Sindelfingen</a>" in html


class ProjectTreeAndAdminTests(WagtailPageTestCase):
    def test_project_pages_keep_their_place(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedParentPageTypes(ProjectUpdatePage, {ProjectPage})
        self.assertCanNotCreateAt(ProjectIndexPage, ProjectUpdatePage)

    def test_a_working_group_with_members_and_actors_is_saved_from_the_editor(self):
        admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
        self.client.force_login(admin)
        project = ProjectPage.objects.get(slug="willkommenskultur")
        members = list(
            AssociationPage.objects.filter(slug__in=["puente-latino", "sankofa-afrika-forum"])
        )
        historian = OutsideActor.objects.get()

        form_data = nested_form_data(
            {
                "title": project.title,
                "slug": project.slug,
                "summary": project.summary,
                "status": "active",
                "goal": rich_text("<p>Ziel</p>"),
                "milestones": inline_formset([]),
                "working_groups": inline_formset(
                    [
                        {
                            "name": "Neue Arbeitsgruppe",
                            "purpose": "",
                            "meeting_rhythm": "",
                            "contact": "",
                        }
                    ]
                ),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        # Multiple choices are repeated keys, which nested_form_data cannot express.
        form_data["working_groups-0-member_associations"] = [m.pk for m in members]
        form_data["working_groups-0-invited_actors"] = [historian.pk]

        response = self.client.post(f"/admin/pages/{project.pk}/edit/", form_data)

        self.assertEqual(response.status_code, 302, response.content[:2000])
        group = WorkingGroup.objects.get(page=project, name="Neue Arbeitsgruppe")
        self.assertEqual(set(group.member_associations.all()), set(members))
        self.assertEqual(list(group.invited_actors.all()), [historian])
