"""Each association's group follows its page: created with it, renamed with it, removed with it;
association editors add where associations contribute and edit what they created."""

import pytest
from network_users import make_editor_of

from django.contrib.auth.models import Group

from wagtail.models import Collection

from home.models import AssociationEditors, AssociationPage
from home.roles import ensure_association_group, grant_to_contributors
from projects.models import ProjectPage
from tours.models import TourIndexPage

from factories import AssociationPageFactory, TourStopPageFactory

pytestmark = pytest.mark.django_db


def test_every_demo_association_has_its_group_and_collection():
    for association in AssociationPage.objects.all():
        link = AssociationEditors.objects.get(association=association)
        assert link.group.name == f"Verein: {association.title}"
        assert link.collection.name == association.title


def test_a_new_association_gets_its_group_when_created(directory):
    association = AssociationPageFactory(parent=directory, title="Neuer Verein")

    group = AssociationEditors.objects.get(association=association).group
    assert group.name == "Verein: Neuer Verein"
    permissions = set(group.page_permissions.values_list("permission__codename", flat=True))
    assert permissions >= {"add_page", "change_page"}
    assert "publish_page" not in permissions


def test_the_group_is_renamed_with_the_published_page(directory):
    association = AssociationPage.objects.get(slug="puente-latino")
    association.title = "Puente Latino Sindelfingen e. V."
    association.save_revision().publish()

    link = AssociationEditors.objects.get(association=association)
    assert link.group.name == "Verein: Puente Latino Sindelfingen e. V."
    assert link.collection.name == "Puente Latino Sindelfingen e. V."


def test_the_group_goes_with_a_deleted_association_and_its_media_stay(directory):
    association = AssociationPage.objects.get(slug="puente-latino")
    link = AssociationEditors.objects.get(association=association)
    group_id, collection_id = link.group_id, link.collection_id

    association.delete()

    assert not Group.objects.filter(pk=group_id).exists()
    assert Collection.objects.get(pk=collection_id).name == "Puente Latino e. V. (Verein gelöscht)"


def test_an_editor_may_serve_several_associations():
    editor = make_editor_of("kulturbruecke-anatolien", "circolo-culturale-ponte")

    for slug in ("kulturbruecke-anatolien", "circolo-culturale-ponte"):
        assert AssociationPage.objects.get(slug=slug).permissions_for_user(editor).can_edit()
    assert (
        not AssociationPage.objects.get(slug="puente-latino")
        .permissions_for_user(editor)
        .can_edit()
    )


def test_associations_may_add_under_walks_and_projects_but_not_publish(demo_tour):
    editor = make_editor_of("kulturbruecke-anatolien")

    assert demo_tour.permissions_for_user(editor).can_add_subpage()
    assert (
        TourIndexPage.objects.get(locale__language_code="de")
        .permissions_for_user(editor)
        .can_add_subpage()
    )
    project = ProjectPage.objects.get(slug="willkommenskultur")
    assert project.permissions_for_user(editor).can_add_subpage()
    assert not project.permissions_for_user(editor).can_edit()
    assert not demo_tour.permissions_for_user(editor).can_publish_subpage()


def test_what_an_editor_creates_their_association_may_edit_and_others_not(demo_tour):
    author = make_editor_of("kulturbruecke-anatolien", username="autorin")
    colleague = make_editor_of("kulturbruecke-anatolien", username="kollege")
    other = make_editor_of("familienzentrum-al-manara", username="andere")
    stop = TourStopPageFactory(parent=demo_tour, live=False, owner=author)

    grant_to_contributors(stop, author)  # what the admin's after_create_page hook does

    assert stop.permissions_for_user(author).can_edit()
    assert stop.permissions_for_user(colleague).can_edit()  # the association, not just the person
    assert not stop.permissions_for_user(other).can_edit()
    assert not stop.permissions_for_user(author).can_publish()


def test_setting_up_the_network_again_changes_nothing():
    from django.core.management import call_command

    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

    def state():
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            Workflow.objects.count(),
            WorkflowTask.objects.count(),
            list(WorkflowPage.objects.values_list("page_id", "workflow__name").order_by("page_id")),
        )

    before = state()
    call_command("setup_network")
    assert state() == before
    assert ("Moderation durch die Stadt") in [name for _page, name in before[4]]
    assert ("Moderation von Rundgängen") in [name for _page, name in before[4]]


def test_a_new_association_named_like_another_gets_a_group_of_its_own(directory):
    existing = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    existing_link = AssociationEditors.objects.get(association=existing)

    # Created with its page (an import, the API, a city editor in the page editor).
    twin = AssociationPageFactory(parent=directory, title=existing.title)

    link = AssociationEditors.objects.get(association=twin)
    assert link.group != existing_link.group
    assert link.collection != existing_link.collection
    assert link.group.name == f"Verein: {existing.title} (2)"
    assert link.collection.name == f"{existing.title} (2)"
    # The other association keeps its own, and setting up again changes neither.
    assert AssociationEditors.objects.get(association=existing).group == existing_link.group
    assert ensure_association_group(twin) == link.group
    assert ensure_association_group(existing) == existing_link.group
    link.group.refresh_from_db()
    assert link.group.name == f"Verein: {existing.title} (2)"


def test_a_group_of_the_name_that_belongs_to_nobody_is_taken_over(directory):
    group = Group.objects.create(name="Verein: Neu hier e. V.")

    association = AssociationPageFactory(parent=directory, title="Neu hier e. V.")

    assert AssociationEditors.objects.get(association=association).group == group


def test_a_name_as_long_as_a_title_may_be_still_gets_a_group(directory):
    title = "Verein " + "sehr " * 28 + "langer Name e. V."
    assert len("Verein: " + title) > 150 and len(title) <= 255
    first = AssociationPageFactory(parent=directory, title=title, slug="lang-1")
    twin = AssociationPageFactory(parent=directory, title=title, slug="lang-2")

    names = [first.editors.group.name, twin.editors.group.name]

    assert all(len(name) <= Group._meta.get_field("name").max_length for name in names)
    assert names[0] != names[1] and names[1].endswith(" (2)")
    assert all(name.startswith("Verein: Verein sehr") for name in names)
