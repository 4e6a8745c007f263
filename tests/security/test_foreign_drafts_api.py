"""Door 3 of issue 12, in the API: with the token of association A's editor, another
association's or the city's draft answers every request that names it (a parent for a new
page, an edit, moderation, revisions, preview, actions) exactly like an id that does not
exist, and no answer carries its title."""

import json

import pytest
from api_tokens import bearer
from foreign_drafts import SECRET, build_foreign_drafts

from wagtail.models import Page

from tours.models import TourStopPage

pytestmark = pytest.mark.django_db

NO_PAGE = 2**31 - 1


@pytest.fixture
def world(db):
    return build_foreign_drafts()


def stop_body(parent_id):
    return {
        "meta": {"type": "tours.TourStopPage", "parent_id": parent_id},
        "title": "Trittbrett",
        "teaser": "Angehängt.",
        "latitude": "48.713100",
        "longitude": "9.002800",
    }


# (method, path with {} for the id, body or None): every request that names a page.
NAMING = {
    "new page under it": ("post", "/api/v3/pages/", stop_body),
    "detail": ("get", "/api/v3/pages/{}/", None),
    "draft": ("get", "/api/v3/pages/{}/?version=draft", None),
    "find": ("get", "/api/v3/pages/find/?id={}", None),
    "edit": (
        "patch",
        "/api/v3/pages/{}/",
        lambda _id: {"meta": {"type": "tours.TourPage"}, "title": "Übernommen"},
    ),
    "revisions": ("get", "/api/v3/pages/{}/revisions/", None),
    "delete": ("delete", "/api/v3/pages/{}/", None),
    "copy": ("post", "/api/v3/pages/{}/actions/copy/", lambda _id: {}),
    "moderation status": ("get", "/api/v3/moderation/pages/{}/", None),
    "submit": ("post", "/api/v3/moderation/pages/{}/submit/", None),
    "preview": ("post", "/api/v3/preview/pages/{}/", None),
}


def send(client, headers, method, path, body, page_id):
    url = path.format(page_id)
    kwargs = {"headers": headers}
    if body is not None:
        kwargs.update(data=json.dumps(body(page_id)), content_type="application/json")
    elif method != "get":
        kwargs.update(data="{}", content_type="application/json")
    return getattr(client, method)(url, **kwargs)


@pytest.mark.parametrize("draft", ["b_walk", "city_project"])
@pytest.mark.parametrize("request_kind", list(NAMING))
def test_a_foreign_draft_answers_like_an_id_that_does_not_exist(client, world, request_kind, draft):
    headers = bearer(world["a"])
    method, path, body = NAMING[request_kind]
    page = world["pages"][draft]
    assert not Page.objects.filter(pk=NO_PAGE).exists()

    response = send(client, headers, method, path, body, page.pk)
    missing = send(client, headers, method, path, body, NO_PAGE)

    assert response.status_code == 404, response.content
    assert response.content == missing.content
    assert SECRET not in response.content.decode()
    assert Page.objects.get(pk=page.pk).draft_title.startswith(SECRET)  # nothing changed
    assert not TourStopPage.objects.filter(title="Trittbrett").exists()


def test_a_moderation_step_on_a_foreign_draft_answers_like_one_that_does_not_exist(client, world):
    walk = world["pages"]["b_walk"]
    walk.get_workflow().start(walk, world["b"])
    state = Page.objects.get(pk=walk.pk).current_workflow_task_state
    headers = bearer(world["a"])

    for action in ("approve", "reject"):
        response = client.post(
            f"/api/v3/moderation/tasks/{state.pk}/{action}/",
            {"comment": "Nein."},
            content_type="application/json",
            headers=headers,
        )
        missing = client.post(
            f"/api/v3/moderation/tasks/{NO_PAGE}/{action}/",
            {"comment": "Nein."},
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == 404
        assert response.content == missing.content


def test_no_list_or_search_answer_names_a_foreign_draft(client, world):
    headers = bearer(world["a"])
    for path in (
        "/api/v3/pages/?limit=100",
        f"/api/v3/pages/?child_of={world['walk'].pk}",
        f"/api/v3/pages/?child_of={world['tour_index'].pk}",
        f"/api/v3/pages/?descendant_of={world['project_index'].pk}",
        "/api/v3/pages/?search=von+B",
        "/api/v3/tours/",
        f"/api/v3/tours/{world['walk'].pk}/stops/",
        "/api/v3/moderation/tasks/",
    ):
        response = client.get(path, headers=headers)
        assert response.status_code == 200, path
        assert SECRET not in response.content.decode(), path


def test_a_still_writes_its_own_stop_and_sees_it(client, world):
    headers = bearer(world["a"])
    own = world["pages"]["a_stop"]

    response = client.post(
        "/api/v3/pages/",
        stop_body(world["walk"].pk),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201, response.content
    assert client.get(f"/api/v3/pages/{own.pk}/", headers=headers).status_code == 200
    status = client.get(f"/api/v3/moderation/pages/{own.pk}/", headers=headers)
    assert status.status_code == 200
    assert status.json()["page"]["title"] == "Station von A"


def test_city_editors_reach_every_draft(client, world):
    headers = bearer(world["city"])
    walk = world["pages"]["b_walk"]

    response = client.get(f"/api/v3/pages/{walk.pk}/", headers=headers)
    assert response.status_code == 200
    assert response.json()["title"] == f"{SECRET} Rundgang von B"
    assert client.get(f"/api/v3/moderation/pages/{walk.pk}/", headers=headers).status_code == 200


# Review of issue 12, F6: the answer for a hidden page names no page type. -------------------

PATCH_META = {
    "without a type": {},
    "with the page's type": {"meta": {"type": "tours.TourPage"}},
    "with another type": {"meta": {"type": "home.StandardPage"}},
}


@pytest.mark.parametrize("meta", list(PATCH_META))
@pytest.mark.parametrize("method", ["patch", "delete"])
def test_a_hidden_page_answers_without_its_type(client, world, meta, method):
    headers = bearer(world["a"])
    walk = world["pages"]["b_walk"]
    body = json.dumps({**PATCH_META[meta], "title": "Übernommen"})

    def send_to(page_id):
        kwargs = {"data": body, "content_type": "application/json"} if method == "patch" else {}
        return getattr(client, method)(f"/api/v3/pages/{page_id}/", headers=headers, **kwargs)

    response, missing = send_to(walk.pk), send_to(NO_PAGE)

    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content
    assert "TourPage" not in response.content.decode()
