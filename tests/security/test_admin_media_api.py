"""Review of issue 12, F3: the admin's own API lists only the media its user may choose.

Wagtail's admin API (``/admin/api/main/images/`` and ``documents/``) listed every image and
document to anyone signed in to the admin, with titles, tags and the addresses of originals.
Nothing in Wagtail's admin reads these two endpoints (its JavaScript only asks the pages
endpoint, for the sidebar's explorer); the admin's configuration names their addresses, so
they stay, answering like the admin's choosers: what the user may choose.
"""

import pytest
from media_files import make_document, make_image
from network_users import make_city_editor, make_editor_of

from django.urls import reverse

from home.models import AssociationPage
from home.roles import shared_collection

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM"
IMAGES, DOCUMENTS = "/admin/api/main/images/", "/admin/api/main/documents/"


@pytest.fixture
def media():
    own = AssociationPage.objects.get(slug="kulturbruecke-anatolien").editors.collection
    other = AssociationPage.objects.get(slug="familienzentrum-al-manara").editors.collection
    return {
        "own_image": make_image("Bild von A", collection=own),
        "shared_image": make_image("Gemeinsames Bild", collection=shared_collection()),
        "other_image": make_image(f"{SECRET} Bild von B", collection=other),
        "city_image": make_image(f"{SECRET} Bild der Stadt"),
        "own_document": make_document("Dokument von A", collection=own),
        "other_document": make_document(f"{SECRET} Dokument von B", collection=other),
        "city_document": make_document(f"{SECRET} Dokument der Stadt"),
    }


@pytest.fixture
def editor_a(client):
    user = make_editor_of("kulturbruecke-anatolien", username="redaktion-a")
    client.force_login(user)
    return user


def listed(client, endpoint):
    ids, offset = set(), 0
    while True:
        response = client.get(endpoint, {"limit": 20, "offset": offset})
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        assert SECRET not in response.content.decode()
        ids |= {item["id"] for item in body["items"]}
        offset += 20
        if offset >= body["meta"]["total_count"]:
            return ids


def test_an_association_editor_lists_only_images_they_may_choose(client, editor_a, media):
    ids = listed(client, IMAGES)

    assert {media["own_image"].pk, media["shared_image"].pk} <= ids
    assert media["other_image"].pk not in ids
    assert media["city_image"].pk not in ids


def test_an_association_editor_lists_only_documents_they_may_choose(client, editor_a, media):
    ids = listed(client, DOCUMENTS)

    assert media["own_document"].pk in ids
    assert media["other_document"].pk not in ids
    assert media["city_document"].pk not in ids


@pytest.mark.parametrize(
    ("endpoint", "key"),
    [
        (IMAGES, "other_image"),
        (IMAGES, "city_image"),
        (DOCUMENTS, "other_document"),
        (DOCUMENTS, "city_document"),
    ],
)
def test_media_they_may_not_choose_answers_like_an_id_that_does_not_exist(
    client, editor_a, media, endpoint, key
):
    response = client.get(f"{endpoint}{media[key].pk}/")
    missing = client.get(f"{endpoint}{2**31 - 1}/")

    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content


def test_searching_keeps_to_the_rule(client, editor_a, media):
    response = client.get(IMAGES, {"search": "Bild"})

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_city_editors_list_everything(client, media):
    client.force_login(make_city_editor())

    images, documents = listed_all(client, IMAGES), listed_all(client, DOCUMENTS)

    assert {media["other_image"].pk, media["city_image"].pk} <= images
    assert {media["other_document"].pk, media["city_document"].pk} <= documents


def listed_all(client, endpoint):
    response = client.get(endpoint, {"limit": 100})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_the_admin_still_names_the_endpoints_in_its_configuration(client, editor_a):
    """The admin's JavaScript configuration reverses both addresses on every admin page."""
    response = client.get("/admin/")

    assert response.status_code == 200
    assert reverse("wagtailadmin_api:images:listing") == IMAGES
    assert reverse("wagtailadmin_api:documents:listing") == DOCUMENTS


def test_the_endpoints_are_the_networks():
    """Registered through Wagtail's construct_admin_api hook, after Wagtail's own."""
    from wagtail.admin.api.urls import admin_api

    from medialibrary.admin_api import (
        ChoosableDocumentsAdminAPIViewSet,
        ChoosableImagesAdminAPIViewSet,
    )

    assert admin_api._endpoints["images"] is ChoosableImagesAdminAPIViewSet
    assert admin_api._endpoints["documents"] is ChoosableDocumentsAdminAPIViewSet
