"""Door 3 of issue 12, in the admin: an association editor reads no title of another
association's or the city's drafts anywhere they can reach (explorer, search, bulk actions,
reports, choosers, the editor's choices, the admin's page API), and the id of such a draft
answers like an id that does not exist. A live page they may not change shows its live title,
not the title of a newer draft. City editors see everything."""

import pytest
from foreign_drafts import SECRET, build_foreign_drafts

from wagtail.models import Page

pytestmark = pytest.mark.django_db

NO_PAGE = 2**31 - 1
#: Matches the secret titles (and B's live stop), without being secret itself.
SEARCH = "von B"


@pytest.fixture
def world(db):
    return build_foreign_drafts()


def as_a(client, world):
    client.force_login(world["a"])
    return client


def body_of(response):
    if response.streaming:  # exports
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def ids(*pages):
    return "&".join(f"id={page.pk}" for page in pages)


# What A's editor can open, by a description of the world (built once per test).
LISTINGS = {
    "explorer of the walks": lambda w: f"/admin/pages/{w['tour_index'].pk}/",
    "explorer of the walk": lambda w: f"/admin/pages/{w['walk'].pk}/",
    "explorer of the directory": lambda w: f"/admin/pages/{w['directory'].pk}/",
    "explorer of the projects": lambda w: f"/admin/pages/{w['project_index'].pk}/",
    "explorer search": lambda w: f"/admin/pages/{w['tour_index'].pk}/?q={SEARCH}&search_all=1",
    "page search": lambda w: f"/admin/pages/search/?q={SEARCH}",
    "page listing": lambda w: "/admin/pages/",
    "site history": lambda w: "/admin/reports/site-history/",
    "site history by name": lambda w: f"/admin/reports/site-history/?label={SEARCH}",
    "site history as CSV": lambda w: "/admin/reports/site-history/?export=csv",
    "aging pages": lambda w: "/admin/reports/aging-pages/",
    "workflows": lambda w: "/admin/reports/workflow/",
    "workflow tasks": lambda w: "/admin/reports/workflow_tasks/",
    "chooser": lambda w: "/admin/choose-page/",
    "chooser in the walks": lambda w: f"/admin/choose-page/{w['tour_index'].pk}/",
    "chooser in the walk": lambda w: f"/admin/choose-page/{w['walk'].pk}/",
    "chooser in the directory": lambda w: f"/admin/choose-page/{w['directory'].pk}/",
    "chooser search": lambda w: f"/admin/choose-page/search/?q={SEARCH}",
    "chooser's chosen pages": lambda w: (
        "/admin/choose-page/chosen-multiple/?"
        + ids(w["pages"]["a_stop"], w["pages"]["b_walk"], w["pages"]["city_project"])
    ),
    "new project's choices": lambda w: (
        f"/admin/pages/add/projects/projectpage/{w['project_index'].pk}/"
    ),
    "new stop's choices": lambda w: f"/admin/pages/add/tours/tourstoppage/{w['walk'].pk}/",
    "own stop's editor": lambda w: f"/admin/pages/{w['pages']['a_stop'].pk}/edit/",
    "bulk delete": lambda w: (
        "/admin/bulk/wagtailcore/page/delete/?"
        + ids(w["pages"]["a_stop"], w["pages"]["b_stop"], w["pages"]["b_live_stop"])
    ),
    "bulk move": lambda w: (
        "/admin/bulk/wagtailcore/page/move/?"
        + ids(w["pages"]["a_stop"], w["pages"]["b_stop"], w["pages"]["b_live_stop"])
    ),
    "bulk unpublish": lambda w: (
        "/admin/bulk/wagtailcore/page/unpublish/?"
        + ids(w["pages"]["a_stop"], w["pages"]["b_stop"], w["pages"]["b_live_stop"])
    ),
    "bulk publish": lambda w: (
        "/admin/bulk/wagtailcore/page/publish/?"
        + ids(w["pages"]["a_stop"], w["pages"]["b_stop"], w["pages"]["b_live_stop"])
    ),
    "bulk delete of all in the walk": lambda w: (
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={w['walk'].pk}"
    ),
    "admin page API": lambda w: f"/admin/api/main/pages/?child_of={w['walk'].pk}",
    "admin page API of the walks": lambda w: (
        f"/admin/api/main/pages/?child_of={w['tour_index'].pk}"
    ),
    "admin page API search": lambda w: f"/admin/api/main/pages/?search={SEARCH}",
    "dashboard": lambda w: "/admin/",
}


@pytest.mark.parametrize("where", list(LISTINGS))
def test_a_reads_no_title_of_anothers_draft(client, world, where):
    response = as_a(client, world).get(LISTINGS[where](world))

    assert response.status_code == 200
    assert SECRET not in body_of(response)


@pytest.mark.parametrize(
    "where", ["explorer of the walk", "chooser in the walk", "bulk delete", "admin page API"]
)
def test_a_sees_own_work_and_live_titles_there(client, world, where):
    """The listings still hold what A may see: A's own draft, and B's live stop by its live
    title."""
    body = as_a(client, world).get(LISTINGS[where](world)).content.decode()

    assert "Station von A" in body
    assert "Station von B" in body


def test_the_site_history_names_bs_live_stop_by_its_live_title(client, world):
    body = as_a(client, world).get("/admin/reports/site-history/").content.decode()

    assert "Station von A" in body
    assert "Station von B" in body
    assert SECRET not in body


# Per-page admin views, by a page id.
BY_ID = {
    "explorer": "/admin/pages/{}/",
    "editor": "/admin/pages/{}/edit/",
    "preview": "/admin/pages/{}/edit/preview/",
    "history": "/admin/pages/{}/history/",
    "usage": "/admin/pages/{}/usage/",
    "workflow history": "/admin/pages/{}/workflow_history/",
    "revisions": "/admin/pages/{}/revisions/compare/earliest...latest/",
    "add a stop": "/admin/pages/add/tours/tourstoppage/{}/",
    "add a child": "/admin/pages/{}/add_subpage/",
    "delete": "/admin/pages/{}/delete/",
    "move": "/admin/pages/{}/move/",
    "copy": "/admin/pages/{}/copy/",
    "chooser": "/admin/choose-page/{}/",
    "translate": "/admin/translation/submit/page/{}/",
    "admin page API": "/admin/api/main/pages/{}/",
    "bulk delete": "/admin/bulk/wagtailcore/page/delete/?id={}",
    "bulk move": "/admin/bulk/wagtailcore/page/move/?id={}",
    "bulk unpublish": "/admin/bulk/wagtailcore/page/unpublish/?id={}",
    "bulk of all children": "/admin/bulk/wagtailcore/page/delete/?id=all&childOf={}",
}


@pytest.mark.parametrize("draft", ["b_walk", "city_project", "city_association"])
@pytest.mark.parametrize("view", list(BY_ID))
def test_a_foreign_draft_answers_like_an_id_that_does_not_exist(client, world, view, draft):
    as_a(client, world)
    page = world["pages"][draft]
    assert not Page.objects.filter(pk=NO_PAGE).exists()

    response = client.get(BY_ID[view].format(page.pk))
    missing = client.get(BY_ID[view].format(NO_PAGE))

    assert response.status_code == 404
    assert missing.status_code == 404
    assert SECRET not in response.content.decode()


def test_a_cannot_add_stops_under_bs_draft_walk(client, world):
    walk = world["pages"]["b_walk"]
    assert not walk.permissions_for_user(world["a"]).can_add_subpage()
    response = as_a(client, world).post(
        f"/admin/pages/add/tours/tourstoppage/{walk.pk}/", {"title": "Trittbrett"}
    )
    assert response.status_code == 404
    assert not walk.get_children().exists()


def test_city_editors_see_every_draft(client, world):
    client.force_login(world["city"])

    walks = client.get(f"/admin/pages/{world['tour_index'].pk}/").content.decode()
    assert f"{SECRET} Rundgang von B" in walks
    walk = client.get(f"/admin/pages/{world['walk'].pk}/").content.decode()
    assert f"{SECRET} Station von B" in walk
    assert f"{SECRET} neuer Titel von B" in walk  # the draft's title, for who may publish it
    assert client.get(f"/admin/pages/{world['pages']['b_walk'].pk}/").status_code == 200
    history = client.get("/admin/reports/site-history/").content.decode()
    assert f"{SECRET} Projekt der Stadt" in history


def test_b_sees_the_draft_title_of_its_own_live_stop(client, world):
    client.force_login(world["b"])

    walk = client.get(f"/admin/pages/{world['walk'].pk}/").content.decode()
    assert f"{SECRET} neuer Titel von B" in walk
    assert f"{SECRET} Station von B" in walk


# Review of issue 12, F4: the page types report is about the whole site, drafts included. ----


def test_the_page_types_report_is_not_for_association_editors(client, world):
    as_a(client, world)

    for path in ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"):
        response = client.get(path)

        assert response.status_code == 302, path
        assert SECRET not in body_of(response)
    menu = client.get("/admin/").content.decode()
    assert "/admin/reports/page-types-usage/" not in menu


def test_city_editors_get_the_page_types_report(client, world):
    client.force_login(world["city"])

    response = client.get("/admin/reports/page-types-usage/")

    assert response.status_code == 200
    assert SECRET in response.content.decode()  # the last edited page, a draft
    assert "/admin/reports/page-types-usage/" in client.get("/admin/").content.decode()
