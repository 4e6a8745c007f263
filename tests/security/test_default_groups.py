"""A fresh install has only the network's own groups: Wagtail's starter groups "Moderators"
(publish everywhere) and "Editors" go, unless a city already put people in them."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page

from home.models import AssociationEditors
from home.roles import CITY_EDITORS_GROUP_NAME, association_group_name

pytestmark = pytest.mark.django_db


def setup_network():
    out = io.StringIO()
    call_command("setup_network", stdout=out)
    return out.getvalue()


def test_a_fresh_install_has_only_the_networks_groups():
    # The test database is a fresh one: migrated (which runs the setup), then the demo loaded.
    expected = {CITY_EDITORS_GROUP_NAME} | {
        association_group_name(link.association)
        for link in AssociationEditors.objects.select_related("association")
    }

    assert set(Group.objects.values_list("name", flat=True)) == expected
    assert not GroupApprovalTask.objects.filter(name="Moderators approval", active=True).exists()


def test_setup_removes_wagtails_groups_again_when_they_are_empty():
    moderators = Group.objects.create(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators, page=Page.get_first_root_node(), permission_type="publish"
    )
    Group.objects.create(name="Editors")

    output = setup_network()

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not GroupPagePermission.objects.filter(group__name="Moderators").exists()
    assert "Moderators" not in output


def test_a_starter_group_with_members_stays_and_setup_says_so():
    moderators = Group.objects.create(name="Moderators")
    get_user_model().objects.create_user("frueh", email="frueh@example.org").groups.add(moderators)

    output = setup_network()

    assert Group.objects.filter(name="Moderators").exists()
    assert "Die Gruppe „Moderators“ aus Wagtails Grundeinstellung bleibt bestehen" in output
    assert "1 Konto angehört" in output

    moderators.user_set.clear()
    setup_network()
    assert not Group.objects.filter(name="Moderators").exists()
