"""Shared fixtures. The demo network is loaded once into the test database; each test runs in a
transaction that is rolled back, so tests may change it freely."""

import pytest

from django.core.management import call_command

from home.models import AssociationIndexPage, HomePage, MeetingIndexPage
from projects.models import ProjectIndexPage
from tours.models import TourIndexPage, TourPage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--no-users")


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="de")


@pytest.fixture
def directory(home):
    return AssociationIndexPage.objects.child_of(home).get()


@pytest.fixture
def meeting_index(home):
    return MeetingIndexPage.objects.child_of(home).get()


@pytest.fixture
def tour_index(home):
    return TourIndexPage.objects.child_of(home).get()


@pytest.fixture
def demo_tour(tour_index):
    return TourPage.objects.child_of(tour_index).get(slug="ankommen-in-sindelfingen")


@pytest.fixture
def project_index(home):
    return ProjectIndexPage.objects.child_of(home).get()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no submissions counted against its client."""
    from django.core.cache import cache

    cache.clear()
