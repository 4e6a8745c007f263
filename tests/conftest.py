"""Shared fixtures. The demo network is loaded once into the test database; each test runs in a
transaction that is rolled back, so tests may change it freely."""

import pytest
from network_users import make_city_editor, make_editor_of

from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from wagtail.models import Collection, Page

from home.models import AssociationIndexPage, HomePage, MeetingIndexPage
from projects.models import ProjectIndexPage
from tours.models import TourIndexPage, TourPage

# As in production, the default mailer stores each message in the outbox and enqueues its
# delivery (the "background" task backend runs it at once in tests: config.settings.test).
QUEUED_MAILERS = {
    "default": {"BACKEND": "outbox.backends.QueuedBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}


@pytest.fixture(scope="session", autouse=True)
def mail_through_the_outbox(django_test_environment):
    """Django's test environment makes every mailer locmem; the outbox goes back in front, so
    that every test's mail takes the production path and still lands in mail.outbox."""
    with override_settings(MAILERS=QUEUED_MAILERS):
        yield


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


@pytest.fixture
def people():
    """The cast of the moderated path: an author, a reviewer from the walks' working group,
    an editor of an unrelated association, and a city editor."""
    return {
        "author": make_editor_of("kulturbruecke-anatolien", username="autorin"),
        "reviewer": make_editor_of("circolo-culturale-ponte", username="pruefer"),
        "other": make_editor_of("familienzentrum-al-manara", username="andere"),
        "city": make_city_editor(),
    }


@pytest.fixture(autouse=True)
def default_interface_language():
    """Each test starts in the default language and leaves it so. LocaleMiddleware activates a
    request's language in the thread and nothing deactivates it: after a request in Arabic (a
    preview, a client.get) code outside requests would speak Arabic in whatever test runs next
    in this process, and pytest-xdist changes which test that is."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with an empty cache and no submissions, failed logins or password
    resets counted against its client (limits.counting)."""
    from django.core.cache import caches

    caches["default"].clear()
    caches["shared"].clear()


@pytest.fixture
def demo_site(live_server):
    """The live server with the demo network in place.

    Tests against the live server (browser, Schemathesis) run in committed transactions, so
    Django empties the database after each; with serialized_rollback=True on the test, the
    tree root comes back and the demo is reloaded.
    Restoring that snapshot over a database that still holds the demo leaves the roots' child
    counts stale, so the trees are repaired first.
    """
    Page.fix_tree()
    Collection.fix_tree()
    call_command("load_demo_content", "--no-users")
    return live_server.url
