"""Who may do what on which page, for every role, exactly as DESIGN.md says:
the city's editors and administrators everything; an association's editors their own pages and
what they created, adding where associations contribute, never publishing; nobody else anything.
(Access through the API follows in the API's own tests.)"""

import pytest
from network_users import make_city_editor, make_editor_of

from django.contrib.auth import get_user_model
from django.test import Client

from home.models import (
    AssociationIndexPage,
    AssociationPage,
    HomePage,
    JoinNetworkPage,
    MeetingIndexPage,
    MeetingPage,
    StandardPage,
)
from home.roles import grant_to_contributors
from projects.models import ProjectIndexPage, ProjectPage, ProjectUpdatePage
from tours.models import StoryFormPage, TourIndexPage, TourPage, TourStopPage

from factories import TourStopPageFactory

pytestmark = pytest.mark.django_db

ACTIONS = ("edit", "add", "publish", "delete", "move")
ALL = set(ACTIONS)
MANAGE = ALL - {"add"}  # pages that hold no children
NOTHING = set()

# page -> what an editor of association A may do; B's rows mirror A's.
ASSOCIATION_EDITOR = {
    "home": NOTHING,
    "directory": NOTHING,
    "own association": {"edit"},
    "other association": NOTHING,
    "meeting index": NOTHING,
    "meeting": NOTHING,
    "walks": {"add"},
    "walk": {"add"},
    "stop of the walk": NOTHING,
    "own draft stop": {"edit", "delete", "move"},
    "other's draft stop": NOTHING,
    "projects": {"add"},
    "project": {"add"},
    "project news": NOTHING,
    "own draft news": {"edit", "delete", "move"},
    "standard page": NOTHING,
    "join form": NOTHING,
    "story form": NOTHING,
}
LEAVES = {
    "own association",
    "other association",
    "meeting",
    "stop of the walk",
    "own draft stop",
    "other's draft stop",
    "project news",
    "own draft news",
    "join form",
    "story form",
}


def allowed_actions(page, user):
    tester = page.permissions_for_user(user)
    return {
        action
        for action, allowed in (
            ("edit", tester.can_edit()),
            ("add", tester.can_add_subpage()),
            ("publish", tester.can_publish()),
            ("delete", tester.can_delete()),
            ("move", tester.can_move()),
        )
        if allowed
    }


@pytest.fixture
def world(demo_tour):
    editor_a = make_editor_of("kulturbruecke-anatolien", username="redaktion-a")
    editor_b = make_editor_of("familienzentrum-al-manara", username="redaktion-b")
    project = ProjectPage.objects.get(slug="willkommenskultur")
    stop_a = TourStopPageFactory(parent=demo_tour, live=False, owner=editor_a, slug="entwurf-a")
    grant_to_contributors(stop_a, editor_a)
    stop_b = TourStopPageFactory(parent=demo_tour, live=False, owner=editor_b, slug="entwurf-b")
    grant_to_contributors(stop_b, editor_b)
    news_a = ProjectUpdatePage(
        title="Entwurf A", slug="news-a", summary="…", live=False, owner=editor_a
    )
    project.add_child(instance=news_a)
    grant_to_contributors(news_a, editor_a)
    pages = {
        "home": HomePage.objects.get(locale__language_code="de"),
        "directory": AssociationIndexPage.objects.get(locale__language_code="de"),
        "own association": AssociationPage.objects.get(slug="kulturbruecke-anatolien"),
        "other association": AssociationPage.objects.get(slug="familienzentrum-al-manara"),
        "meeting index": MeetingIndexPage.objects.get(locale__language_code="de"),
        "meeting": MeetingPage.objects.get(slug="auftakttreffen-2021"),
        "walks": TourIndexPage.objects.get(locale__language_code="de"),
        "walk": TourPage.objects.get(pk=demo_tour.pk),
        "stop of the walk": TourStopPage.objects.get(slug="marktplatz", locale__language_code="de"),
        "own draft stop": stop_a,
        "other's draft stop": stop_b,
        "projects": ProjectIndexPage.objects.get(locale__language_code="de"),
        "project": project,
        "project news": ProjectUpdatePage.objects.filter(live=True).first(),
        "own draft news": news_a,
        "standard page": StandardPage.objects.get(slug="ueber-das-netzwerk"),
        "join form": JoinNetworkPage.objects.get(locale__language_code="de"),
        "story form": StoryFormPage.objects.get(locale__language_code="de"),
    }
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    return {
        "pages": pages,
        "a": editor_a,
        "b": editor_b,
        "city": make_city_editor(),
        "admin": admin,
    }


@pytest.mark.parametrize("page_key", list(ASSOCIATION_EDITOR))
def test_association_editor_a(world, page_key):
    assert allowed_actions(world["pages"][page_key], world["a"]) == ASSOCIATION_EDITOR[page_key]


MIRRORED = {
    "own association": "other association",
    "other association": "own association",
    "own draft stop": "other's draft stop",
    "other's draft stop": "own draft stop",
    "own draft news": "own draft news",
}


@pytest.mark.parametrize("page_key", list(ASSOCIATION_EDITOR))
def test_association_editor_b_sees_the_mirror_image(world, page_key):
    expected = ASSOCIATION_EDITOR[MIRRORED.get(page_key, page_key)]
    if page_key == "own draft news":
        expected = NOTHING  # A's draft: B may not touch it
    assert allowed_actions(world["pages"][page_key], world["b"]) == expected


@pytest.mark.parametrize("role", ["city", "admin"])
@pytest.mark.parametrize("page_key", list(ASSOCIATION_EDITOR))
def test_city_editors_and_administrators_may_do_everything(world, role, page_key):
    expected = MANAGE if page_key in LEAVES else ALL
    if page_key == "home" and role == "city":
        expected = ALL
    assert allowed_actions(world["pages"][page_key], world[role]) == expected


def test_no_association_editor_can_publish_anything(world):
    for user in (world["a"], world["b"]):
        for page in world["pages"].values():
            assert "publish" not in allowed_actions(page, user), page


@pytest.mark.parametrize(
    ("page_key", "status"),
    # B's live page is refused; B's draft does not exist for A (home.permissions).
    [("other's draft stop", 404), ("other association", 302)],
)
def test_a_cannot_open_b_pages_in_the_admin(world, client, page_key, status):
    page = world["pages"][page_key]
    client.force_login(world["a"])

    for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/edit/preview/"):
        response = client.get(url)
        assert response.status_code == status, url
        assert page.title not in response.content.decode()


def test_a_does_not_even_see_b_drafts_in_the_explorer_or_search(world, client):
    client.force_login(world["a"])
    walk = world["pages"]["walk"]

    listing = client.get(f"/admin/pages/{walk.pk}/").content.decode()
    assert world["pages"]["own draft stop"].title in listing
    assert world["pages"]["other's draft stop"].title not in listing

    results = client.get("/admin/pages/search/", {"q": "Teststation"}).content.decode()
    assert world["pages"]["other's draft stop"].title not in results


def test_drafts_are_not_public(world):
    anonymous = Client()
    for key in ("own draft stop", "other's draft stop", "own draft news"):
        assert anonymous.get(world["pages"][key].url or "/nichts/").status_code == 404


def test_the_public_has_no_admin(world):
    response = Client().get(f"/admin/pages/{world['pages']['own association'].pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# The admin's reports and bulk actions, for every role: whether they open, and whose drafts
# they name. Association editors may not unlock, so the locked pages report is refused (302);
# the page types report is about the whole site, every draft included: the city's (302).
REPORTS = (
    "site-history",
    "aging-pages",
    "locked",
    "workflow",
    "workflow_tasks",
    "page-types-usage",
)
REPORT_STATUS = {
    "a": {"locked": 302, "page-types-usage": 302},
    "b": {"locked": 302, "page-types-usage": 302},
    "city": {},
    "admin": {},
}
OWN_DRAFT = {"a": "own draft stop", "b": "other's draft stop"}
BULK_ACTIONS = ("delete", "move", "publish", "unpublish")


def drafts_of_each(world):
    """A's and B's draft stops, each saved (and so logged) by its author."""
    pages = world["pages"]
    pages["own draft stop"].save_revision(user=world["a"], log_action=True)
    pages["other's draft stop"].save_revision(user=world["b"], log_action=True)
    return {key: pages[key].title for key in ("own draft stop", "other's draft stop")}


def drafts_named_for(role, titles, body):
    return {key for key, title in titles.items() if title in body}


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("role", ["a", "b", "city", "admin"])
def test_reports_by_role(world, client, role, report):
    titles = drafts_of_each(world)
    client.force_login(world[role])

    response = client.get(f"/admin/reports/{report}/")

    assert response.status_code == REPORT_STATUS[role].get(report, 200)
    named = drafts_named_for(role, titles, response.content.decode())
    if role in OWN_DRAFT:
        # Never the other association's draft; the own one where the report lists it.
        assert named <= {OWN_DRAFT[role]}
        if report == "site-history":
            assert named == {OWN_DRAFT[role]}
    elif report == "site-history":
        assert named == set(titles)


@pytest.mark.parametrize("action", BULK_ACTIONS)
@pytest.mark.parametrize("role", ["a", "b", "city", "admin"])
def test_bulk_actions_by_role(world, client, role, action):
    titles = drafts_of_each(world)
    pages = world["pages"]
    client.force_login(world[role])
    query = f"id={pages['own draft stop'].pk}&id={pages["other's draft stop"].pk}"

    response = client.get(f"/admin/bulk/wagtailcore/page/{action}/?{query}")

    assert response.status_code == 200
    named = drafts_named_for(role, titles, response.content.decode())
    # Another association's draft is not even listed as "no access": it does not exist.
    assert named == ({OWN_DRAFT[role]} if role in OWN_DRAFT else set(titles))


@pytest.mark.parametrize("role", ["a", "b"])
def test_bulk_actions_on_only_foreign_drafts_find_nothing(world, client, role):
    other = {"a": "other's draft stop", "b": "own draft stop"}[role]
    client.force_login(world[role])
    for action in BULK_ACTIONS:
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={world['pages'][other].pk}"
        assert client.get(url).status_code == 404, action
        assert client.post(url, {}).status_code == 404, action
    assert world["pages"][other].__class__.objects.filter(pk=world["pages"][other].pk).exists()
