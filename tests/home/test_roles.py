"""Roles: the city's editors publish everything; an association's editors edit their own page only
and never publish."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import AssociationPage, MeetingIndexPage
from home.roles import ensure_association_group, ensure_city_editors_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_association():
    return AssociationPage.objects.get(slug="kulturbruecke-anatolien")


@pytest.fixture
def association_editor(own_association):
    user = get_user_model().objects.create_user("vereinsredaktion", password="pw")
    user.groups.add(ensure_association_group(own_association))
    return user


@pytest.fixture
def city_editor():
    user = get_user_model().objects.create_user("stadtredaktion", password="pw")
    user.groups.add(ensure_city_editors_group())
    return user


def test_association_editor_can_edit_own_page_but_not_publish(association_editor, own_association):
    permissions = own_association.permissions_for_user(association_editor)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_association_editor_cannot_edit_other_associations_or_meetings(association_editor):
    other = AssociationPage.objects.get(slug="circolo-culturale-ponte")
    meetings = MeetingIndexPage.objects.get(locale__language_code="de")

    assert not other.permissions_for_user(association_editor).can_edit()
    assert not meetings.permissions_for_user(association_editor).can_add_subpage()


def test_association_editor_cannot_publish_through_the_admin(
    client, association_editor, own_association
):
    client.force_login(association_editor)
    edit_url = f"/admin/pages/{own_association.pk}/edit/"
    assert client.get(edit_url).status_code == 200

    revisions_before = own_association.revisions.count()

    client.post(
        edit_url,
        nested_form_data(
            {
                "title": "Selbst veröffentlicht",
                "slug": own_association.slug,
                "short_description": "Versuch",
                "description": rich_text("<p>Neu</p>"),
                "social_links": inline_formset([]),
                "representatives": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )

    own_association.refresh_from_db()
    assert own_association.revisions.count() == revisions_before + 1  # the edit was kept...
    assert own_association.title == "Kulturbrücke Anatolien e. V."  # ...but not published
    assert own_association.has_unpublished_changes


def test_city_editor_can_edit_and_publish_everything(city_editor):
    for page in (
        AssociationPage.objects.first(),
        MeetingIndexPage.objects.get(locale__language_code="de"),
    ):
        permissions = page.permissions_for_user(city_editor)
        assert permissions.can_edit()
        assert permissions.can_publish()


def test_setting_up_roles_again_changes_nothing(own_association):
    city_group = ensure_city_editors_group()
    association_group = ensure_association_group(own_association)
    permission_counts = (
        city_group.page_permissions.count(),
        association_group.page_permissions.count(),
    )

    assert ensure_city_editors_group() == city_group
    assert ensure_association_group(own_association) == association_group
    assert (
        city_group.page_permissions.count(),
        association_group.page_permissions.count(),
    ) == permission_counts
    assert association_group.association_link.collection.name == own_association.title
