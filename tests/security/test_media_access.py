"""Media of drafts is nobody's business: an image or a document reaches the public (and the
API without a token) only while a live, public page uses it, or when the city made its whole
collection public. Files get names nobody can guess and lose what a phone writes into them;
documents are served through a view that checks, with byte ranges for audio."""

import io
import json
import os

import pytest
from media_files import (
    make_document,
    make_image,
    metadata_left_in,
    phone_photo_bytes,
    phone_photo_upload,
    read_stored,
)
from network_users import make_city_editor, make_editor_of

from django.conf import settings
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, PageViewRestriction

from home.models import AssociationPage, StandardPage
from home.roles import ensure_association_group
from medialibrary.models import MediaSettings

from factories import AssociationPageFactory

pytestmark = pytest.mark.django_db

IMAGES, DOCUMENTS = "/api/v3/images/", "/api/v3/documents/"


def listed_ids(client, endpoint, **headers):
    response = client.get(endpoint, {"limit": 100}, **headers)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def token_for(user):
    token = APIToken.create_token(user=user, name="Test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token[1] if isinstance(token, tuple) else token}"}


def page_with_documents(home, document, *, live):
    page = StandardPage(
        title=f"Seite mit Dokument ({'live' if live else 'Entwurf'})",
        slug=f"seite-mit-dokument-{document.pk}",
        body=[("documents", {"heading": "", "documents": [document]})],
        live=live,
    )
    home.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


# Images ---------------------------------------------------------------------------------------


def test_an_image_no_page_uses_is_neither_listed_nor_shown(client):
    image = make_image()

    assert image.pk not in listed_ids(client, IMAGES)
    assert client.get(f"{IMAGES}{image.pk}/").status_code == 404


def test_an_image_only_a_draft_uses_stays_private_until_the_page_is_published(client, directory):
    image = make_image(title="Logo im Entwurf")
    draft = AssociationPageFactory(parent=directory, title="Entwurfsverein", live=False, logo=image)

    assert image.pk not in listed_ids(client, IMAGES)
    assert client.get(f"{IMAGES}{image.pk}/").status_code == 404

    draft.save_revision().publish()

    assert image.pk in listed_ids(client, IMAGES)
    detail = client.get(f"{IMAGES}{image.pk}/").json()
    assert detail["title"] == "Logo im Entwurf"


def test_unpublished_changes_of_a_live_page_do_not_make_an_image_public(client):
    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    image = make_image(title="Neues Logo, noch nicht freigegeben")
    association.logo = image
    association.save_revision()  # a draft: the live page still shows the old logo

    assert image.pk not in listed_ids(client, IMAGES)


def test_an_image_of_a_private_page_is_not_public(client, directory):
    image = make_image(title="Logo der internen Seite")
    page = AssociationPageFactory(parent=directory, title="Interner Verein", logo=image)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert image.pk not in listed_ids(client, IMAGES)


def test_the_city_can_make_a_whole_collection_public(client):
    press = Collection.get_first_root_node().add_child(name="Pressefotos")
    image = make_image(title="Pressefoto", collection=press)
    assert image.pk not in listed_ids(client, IMAGES)

    media_settings = MediaSettings.load()
    media_settings.public_collections.set([press])
    media_settings.save()

    assert image.pk in listed_ids(client, IMAGES)


def test_a_token_adds_what_its_user_may_choose_and_keeps_what_is_public(client):
    editor = make_editor_of("kulturbruecke-anatolien", username="token-a")
    own_collection = ensure_association_group(
        AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    ).association_link.collection
    own = make_image(title="Eigenes Bild", collection=own_collection)
    other = make_image(title="Bild der Stadt")
    public_ids = listed_ids(client, IMAGES)
    assert public_ids, "the demo's live pages use images"

    with_token = listed_ids(client, IMAGES, **token_for(editor))

    assert own.pk in with_token and other.pk not in with_token
    assert public_ids <= with_token
    assert client.get(f"{IMAGES}{other.pk}/", **token_for(editor)).status_code == 404


def test_image_files_get_names_nobody_can_guess():
    image = make_image(name="IMG_2041_Oma_Koffer.jpg")

    assert "Oma" not in image.file.name and "IMG_2041" not in image.file.name
    rendition = image.get_rendition("fill-32x32")
    assert "Oma" not in rendition.url and "IMG_2041" not in rendition.url


def test_every_stored_image_loses_gps_and_camera_data():
    image = make_image(orientation=6)  # as a phone held upright writes it

    assert metadata_left_in(read_stored(image.file)) == set()
    # Turned as the camera meant, since the orientation tag is gone too.
    assert (image.width, image.height) == (48, 64)


def test_an_editors_upload_through_the_admin_loses_its_gps_position(client):
    editor = make_editor_of("kulturbruecke-anatolien", username="upload-a")
    client.force_login(editor)
    collection = ensure_association_group(
        AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    ).association_link.collection

    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": phone_photo_upload(), "collection": collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200, response.content
    image = get_image_model().objects.get(pk=json.loads(response.content)["image_id"])
    assert metadata_left_in(read_stored(image.file)) == set()
    assert "IMG_2041" not in image.file.name


def test_an_upload_through_the_api_loses_its_gps_position(client):
    city = make_city_editor(username="api-upload")

    response = client.post(
        IMAGES,
        {
            "file": phone_photo_upload(),
            "title": "Über die API",
            "collection_id": Collection.get_first_root_node().pk,
        },
        **token_for(city),
    )

    assert response.status_code == 201, response.content
    image = get_image_model().objects.get(pk=response.json()["id"])
    assert metadata_left_in(read_stored(image.file)) == set()


def test_a_picture_too_large_to_decode_is_refused_before_decoding(settings):
    from medialibrary.images import without_metadata

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    import io

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        without_metadata(io.BytesIO(phone_photo_bytes(size=(100, 100))))
    assert refused.value.code == "too_many_pixels"


# Documents ------------------------------------------------------------------------------------


def test_documents_are_kept_outside_the_public_media_folder():
    document = make_document()

    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_a_document_no_live_page_uses_is_neither_listed_nor_served(client, home):
    unused = make_document(title="Unbenutzt")
    draft_only = make_document(title="Nur im Entwurf", name="entwurf.txt")
    page_with_documents(home, draft_only, live=False)

    for document in (unused, draft_only):
        assert document.pk not in listed_ids(client, DOCUMENTS)
        assert client.get(f"{DOCUMENTS}{document.pk}/").status_code == 404
        assert client.get(document.url).status_code == 404


def test_a_document_a_live_page_uses_is_served_to_everyone(client, home):
    document = make_document(title="Öffentliches Protokoll", name="protokoll.txt")
    page_with_documents(home, document, live=True)

    assert document.pk in listed_ids(client, DOCUMENTS)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"0123456789" * 100
    assert "public" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_editors_who_may_see_a_draft_document_get_it_and_nobody_caches_it(client, home):
    document = make_document(title="Entwurf der Stadt", name="stadt-entwurf.txt")
    page_with_documents(home, document, live=False)

    client.force_login(make_editor_of("familienzentrum-al-manara", username="fremd"))
    assert client.get(document.url).status_code == 404

    client.force_login(make_city_editor(username="stadt-dokumente"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_wrong_file_name_finds_nothing(client, home):
    document = make_document(name="richtig.txt")
    page_with_documents(home, document, live=True)

    assert client.get(f"/documents/{document.pk}/falsch.txt").status_code == 404


# Byte ranges: audio that seeks ------------------------------------------------------------------


@pytest.fixture
def public_document(home):
    document = make_document(title="Hörstück", name="hoerstueck.txt")
    page_with_documents(home, document, live=True)
    return document


def test_a_byte_range_is_answered_with_206(client, public_document):
    response = client.get(public_document.url, headers={"range": "bytes=10-19"})

    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 10-19/1000"
    assert response["Content-Length"] == "10"
    assert b"".join(response.streaming_content) == b"0123456789"
    assert response["Accept-Ranges"] == "bytes"


def test_the_end_of_a_file_and_open_ranges(client, public_document):
    tail = client.get(public_document.url, headers={"range": "bytes=-4"})
    assert tail.status_code == 206 and b"".join(tail.streaming_content) == b"6789"
    rest = client.get(public_document.url, headers={"range": "bytes=995-"})
    assert rest["Content-Range"] == "bytes 995-999/1000"


def test_a_range_beyond_the_file_is_416(client, public_document):
    response = client.get(public_document.url, headers={"range": "bytes=5000-"})

    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1000"


def test_validators_are_real_and_answer_conditional_requests(client, public_document):
    response = client.get(public_document.url)
    etag = response["ETag"]

    assert etag not in ("", '""') and len(etag) > 10
    assert not response.has_header("Content-Encoding")
    assert client.get(public_document.url, headers={"if-none-match": etag}).status_code == 304
    stale = client.get(
        public_document.url, headers={"range": "bytes=0-1", "if-range": '"veraltet"'}
    )
    assert stale.status_code == 200  # an outdated copy gets the whole file


# The images of a live page ------------------------------------------------------------------


def test_no_anonymous_output_names_a_draft_image(client, directory):
    image = make_image(title="Geheimes Logo")
    AssociationPageFactory(parent=directory, title="Geheimer Verein", live=False, logo=image)
    rendition = image.get_rendition("max-120x120")

    for path in ("/de/vereine/", "/api/v3/associations/?limit=100", IMAGES + "?limit=100"):
        body = Client().get(path).content.decode()
        assert image.file.name.rsplit("/", 1)[-1] not in body, path
        assert rendition.file.name.rsplit("/", 1)[-1] not in body, path


def test_only_the_city_decides_which_collections_are_public(client):
    url = "/admin/settings/medialibrary/mediasettings/"
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="keine-einstellungen"))
    assert client.get(url).status_code in (302, 403)

    client.force_login(make_city_editor(username="stadt-medien"))
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "Öffentliche Sammlungen" in response.content.decode()


def test_searching_media_keeps_to_the_rule(client, directory):
    used = make_image(title="Suchbild öffentlich")
    AssociationPageFactory(parent=directory, title="Verein mit Suchbild", logo=used)
    unused = make_image(title="Suchbild unbenutzt")

    for endpoint in (IMAGES, DOCUMENTS):
        assert client.get(endpoint, {"search": "null"}).status_code == 200
    found = {item["id"] for item in client.get(IMAGES, {"search": "Suchbild"}).json()["items"]}
    assert used.pk in found and unused.pk not in found


# A file once public is withdrawn with the last page that showed it ---------------------------


def public_path(image):
    return os.path.join(str(settings.MEDIA_ROOT), image.file.name)


@pytest.fixture
def shown_image(directory):
    image = make_image(title="Logo, das nur eine Seite zeigt")
    page = AssociationPageFactory(parent=directory, title="Verein mit eigenem Logo", logo=image)
    page.save_revision().publish()
    image.refresh_from_db()
    assert os.path.exists(public_path(image))
    return image, page


def test_unpublishing_the_only_page_withdraws_the_image_file(
    client, shown_image, django_capture_on_commit_callbacks
):
    image, page = shown_image
    old_path = public_path(image)
    old_rendition = image.get_rendition("max-120x120").file.name

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    image.refresh_from_db()
    assert not os.path.exists(old_path)
    assert not os.path.exists(os.path.join(str(settings.MEDIA_ROOT), old_rendition))
    assert image.file.name.rsplit("/", 1)[-1].startswith("private_")
    assert image.pk not in listed_ids(client, IMAGES)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    image.refresh_from_db()
    assert os.path.exists(public_path(image)) and public_path(image) != old_path
    assert image.pk in listed_ids(client, IMAGES)


def test_deleting_the_only_page_withdraws_the_image_file(
    shown_image, django_capture_on_commit_callbacks
):
    image, page = shown_image
    old_path = public_path(image)

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    image.refresh_from_db()
    assert not os.path.exists(old_path)
    assert image.file.name.rsplit("/", 1)[-1].startswith("private_")


def test_an_image_another_live_page_shows_stays_public(
    shown_image, directory, django_capture_on_commit_callbacks
):
    image, page = shown_image
    AssociationPageFactory(parent=directory, title="Zweiter Verein, gleiches Logo", logo=image)

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    image.refresh_from_db()
    assert os.path.exists(public_path(image))


def test_documents_are_never_served_by_the_private_image_address(client, home):
    document = make_document(name="nur-ueber-die-dokumentenadresse.txt")
    page_with_documents(home, document, live=False)
    client.force_login(make_city_editor(username="stadt-privat"))

    response = client.get(f"/admin/medien/privat/{document.file.name}")

    assert response.status_code == 404
    assert client.get(document.url).status_code == 200


def test_an_invalid_range_is_ignored_and_weak_validators_match(client, public_document):
    invalid = client.get(public_document.url, headers={"range": "bytes=5-2"})
    assert invalid.status_code == 200

    etag = client.get(public_document.url)["ETag"]
    assert (
        client.get(public_document.url, headers={"if-none-match": f"W/{etag}"}).status_code == 304
    )


def test_a_new_upload_is_kept_privately_until_a_live_page_shows_it():
    image = make_image(title="Gerade hochgeladen")

    assert image.file.name.rsplit("/", 1)[-1].startswith("private_")
    assert os.path.exists(os.path.join(str(settings.PRIVATE_MEDIA_ROOT), image.file.name))
    assert not os.path.exists(public_path(image))


def test_publishing_a_page_without_the_image_withdraws_it(
    client, shown_image, django_capture_on_commit_callbacks
):
    image, page = shown_image
    old_path = public_path(image)

    page = type(page).objects.get(pk=page.pk)
    page.logo = None
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    image.refresh_from_db()
    assert not os.path.exists(old_path)
    assert image.file.name.rsplit("/", 1)[-1].startswith("private_")
    assert image.pk not in listed_ids(client, IMAGES)


def test_restricting_the_only_page_withdraws_the_image_and_lifting_it_brings_it_back(
    shown_image, django_capture_on_commit_callbacks
):
    image, page = shown_image
    old_path = public_path(image)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    image.refresh_from_db()
    assert not os.path.exists(old_path) and "private_" in image.file.name

    restriction.delete()
    image.refresh_from_db()
    assert os.path.exists(public_path(image)) and "private_" not in image.file.name


def test_an_image_moved_into_a_public_collection_is_public_at_once():
    press = Collection.get_first_root_node().add_child(name="Presse")
    media_settings = MediaSettings.load()
    media_settings.public_collections.set([press])
    media_settings.save()
    image = make_image(title="Pressebild")

    image.collection = press
    image.save()

    image.refresh_from_db()
    assert os.path.exists(public_path(image)) and "private_" not in image.file.name


def test_pages_made_live_in_code_get_their_images_public_by_the_command(directory):
    from django.core.management import call_command

    image = make_image(title="Logo eines importierten Vereins")
    AssociationPageFactory(parent=directory, title="Importierter Verein", logo=image)
    image.refresh_from_db()
    assert "private_" in image.file.name  # live, but not published through Wagtail

    call_command("sync_media_storage", stdout=io.StringIO())

    image.refresh_from_db()
    assert os.path.exists(public_path(image)) and "private_" not in image.file.name
