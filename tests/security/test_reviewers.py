"""Door 2 of issue 12: reviewers only by the city's word.

Who reviews a walk comes from the working groups of the *live* projects that list it. A draft
project (which any association editor may write) makes nobody a reviewer, and the walks and
working groups of a project (its membership) are changed by city editors only; association
editors still propose projects and write project news."""

import pytest
from api_tokens import bearer
from network_users import make_city_editor

from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import AssociationPage
from projects.models import ProjectPage, ProjectUpdatePage, WorkingGroup, WorkingGroupReviewTask

from factories import TourStopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_stop(demo_tour, people):
    """A stop of the demo walk, written by the author and waiting for the working group."""
    stop = TourStopPageFactory(
        parent=demo_tour, title="Eingereichte Station", live=False, owner=people["author"]
    )
    stop.save_revision(user=people["author"])
    stop.get_workflow().start(stop, people["author"])
    stop.refresh_from_db()
    assert stop.current_workflow_task.name == "Prüfung durch die Arbeitsgruppe"
    return stop


@pytest.fixture
def draft_project(project_index, demo_tour, people):
    """What the other association's editor could save before: a draft project that lists the
    demo walk, with their own association in its working group."""
    project = ProjectPage(
        title="Unser eigenes Projekt",
        slug="unser-eigenes-projekt",
        summary="Ein Entwurf.",
        live=False,
        owner=people["other"],
    )
    project_index.add_child(instance=project)
    project.tours.add(demo_tour)
    group = WorkingGroup.objects.create(page=project, name="Selbst ernannt")
    group.member_associations.add(AssociationPage.objects.get(slug="familienzentrum-al-manara"))
    group.save()  # commits the parental many-to-many
    project.save()
    return project


def review_task():
    return WorkingGroupReviewTask.objects.get(name="Prüfung durch die Arbeitsgruppe")


def test_a_draft_project_makes_nobody_a_reviewer(submitted_stop, draft_project, demo_tour, people):
    # The draft really says so (in the database, as the admin's create view stores it).
    assert draft_project.tours.filter(pk=demo_tour.pk).exists()
    assert WorkingGroup.objects.filter(
        page=draft_project, member_associations__slug="familienzentrum-al-manara"
    ).exists()
    task = review_task()

    assert draft_project not in task.projects_for(submitted_stop)
    reviewers = set(task.reviewers_for(submitted_stop))
    assert people["other"] not in reviewers
    assert people["reviewer"] in reviewers  # the live project's working group


def test_a_draft_project_named_on_the_task_makes_nobody_a_reviewer_either(
    submitted_stop, draft_project, people
):
    task = review_task()
    task.project = draft_project
    task.save()

    assert list(task.projects_for(submitted_stop)) == []
    reviewers = set(task.reviewers_for(submitted_stop))
    assert people["other"] not in reviewers
    assert people["city"] in reviewers  # nobody responsible: the city reviews


def test_the_self_made_reviewer_is_refused_in_the_api(
    client, submitted_stop, draft_project, people
):
    headers = bearer(people["other"])
    state = submitted_stop.current_workflow_task_state

    tasks = client.get("/api/v3/moderation/tasks/", headers=headers)
    assert tasks.status_code == 200
    assert tasks.json() == []
    approve = client.post(
        f"/api/v3/moderation/tasks/{state.pk}/approve/",
        {"comment": "Passt."},
        content_type="application/json",
        headers=headers,
    )
    assert approve.status_code == 404
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_the_self_made_reviewer_is_refused_in_the_admin(
    client, submitted_stop, draft_project, people
):
    client.force_login(people["other"])
    state = submitted_stop.current_workflow_task_state

    assert client.get(f"/admin/pages/{submitted_stop.pk}/edit/").status_code == 404
    response = client.post(
        f"/admin/pages/workflow/action/{submitted_stop.pk}/approve/{state.pk}/",
        {"comment": "Passt."},
    )
    assert response.status_code == 404
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_the_working_group_of_the_live_project_still_reviews(
    client, submitted_stop, draft_project, people
):
    headers = bearer(people["reviewer"])
    tasks = client.get("/api/v3/moderation/tasks/", headers=headers).json()
    assert [task["page"]["id"] for task in tasks] == [submitted_stop.pk]

    client.force_login(people["reviewer"])
    assert client.get(f"/admin/pages/{submitted_stop.pk}/edit/").status_code == 200


def project_form(title, slug, tours=(), partners=(), working_group=None):
    """The editor's post; ``working_group``: (name, member association) for one new group."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Ein Vorschlag.",
            "status": "planned",
            "goal": rich_text(""),
            "milestones": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    if tours:
        data["tours"] = [str(tour.pk) for tour in tours]
    if partners:
        data["partner_associations"] = [str(partner.pk) for partner in partners]
    if working_group:
        name, member = working_group
        data.update(nested_form_data({"working_groups": inline_formset([{"name": name}])}))
        data["working_groups-0-member_associations"] = [str(member.pk)]
    return data


MEMBERSHIP_FIELDS = ('name="tours"', 'name="partner_associations"', "working_groups-TOTAL_FORMS")


def test_association_editors_propose_projects_without_their_membership(
    client, project_index, demo_tour, people
):
    client.force_login(people["other"])
    add_url = f"/admin/pages/add/projects/projectpage/{project_index.pk}/"

    form = client.get(add_url).content.decode()
    for field in MEMBERSHIP_FIELDS:
        assert field not in form, field
    assert 'name="related_meetings"' in form  # content they may still propose

    response = client.post(add_url, project_form("Vorschlag", "vorschlag"))
    assert response.status_code == 302
    project = ProjectPage.objects.get(slug="vorschlag")
    assert not project.live
    assert project.owner == people["other"]


def test_membership_sent_by_an_association_editor_is_refused_and_not_stored(
    client, project_index, demo_tour, people
):
    client.force_login(people["other"])
    al_manara = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    add_url = f"/admin/pages/add/projects/projectpage/{project_index.pk}/"
    for crafted in (
        {"tours": [demo_tour]},
        {"partners": [al_manara]},
        {"working_group": ("Selbst ernannt", al_manara)},
    ):
        response = client.post(add_url, project_form("Untergeschoben", "untergeschoben", **crafted))

        assert response.status_code == 200, crafted  # the form again, nothing saved
        assert not ProjectPage.objects.filter(slug="untergeschoben").exists()
        assert not WorkingGroup.objects.filter(name="Selbst ernannt").exists()


def test_the_city_decides_a_projects_walks_and_working_groups(client, project_index, demo_tour):
    city = make_city_editor()
    client.force_login(city)
    add_url = f"/admin/pages/add/projects/projectpage/{project_index.pk}/"
    form = client.get(add_url).content.decode()
    for field in MEMBERSHIP_FIELDS:
        assert field in form, field

    al_manara = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    response = client.post(
        add_url,
        project_form(
            "Projekt der Stadt",
            "projekt-der-stadt",
            tours=[demo_tour],
            partners=[al_manara],
            working_group=("AG der Stadt", al_manara),
        ),
    )
    assert response.status_code == 302
    project = ProjectPage.objects.get(slug="projekt-der-stadt")
    assert [tour.pk for tour in project.tours.all()] == [demo_tour.pk]
    assert list(project.partner_associations.all()) == [al_manara]
    group = project.working_groups.get()
    assert list(group.member_associations.all()) == [al_manara]


def test_an_association_editors_own_project_keeps_its_membership_through_the_api(
    client, draft_project, demo_tour, people
):
    """Walks, partners and working groups are read-only in the API for everyone (Wagtail
    ignores read-only fields in a body); an edit through the API leaves them as they are."""
    response = client.patch(
        f"/api/v3/pages/{draft_project.pk}/",
        {
            "meta": {"type": "projects.ProjectPage"},
            "summary": "Neu gefasst.",
            "tours": [],
            "working_groups": [],
            "partner_associations": [],
        },
        content_type="application/json",
        headers=bearer(people["other"]),
    )

    assert response.status_code == 200
    draft = ProjectPage.objects.get(pk=draft_project.pk).get_latest_revision_as_object()
    assert draft.summary == "Neu gefasst."
    assert [tour.pk for tour in draft.tours.all()] == [demo_tour.pk]
    assert [group.name for group in draft.working_groups.all()] == ["Selbst ernannt"]


def test_association_editors_still_write_project_news(client, people):
    client.force_login(people["other"])
    project = ProjectPage.objects.get(slug="willkommenskultur")
    response = client.post(
        f"/admin/pages/add/projects/projectupdatepage/{project.pk}/",
        nested_form_data(
            {
                "title": "Neuigkeit aus dem Verein",
                "slug": "neuigkeit-aus-dem-verein",
                "date": "2026-03-01",
                "summary": "Kurz gesagt.",
                "body": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ProjectUpdatePage.objects.filter(slug="neuigkeit-aus-dem-verein").exists()
