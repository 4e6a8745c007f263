"""The cast of the participation tests: a city editor, and the association they work on."""

import pytest
from network_users import make_city_editor

from home.models import AssociationPage


@pytest.fixture
def city_editor():
    return make_city_editor()


@pytest.fixture
def association():
    return AssociationPage.objects.get(slug="tanzkreis-kalimera")
