"""Erasure keeps its promise. One person leaves every trace the platform knows, through the real
paths (public forms, the city's admin, the invitation link); after `personal_data <email>
--erase` a dump of the whole database holds neither their address nor their name, the files made
from their photo are gone, and the report names every table. `--export` covers the same places."""

import io
import json
import re

import pytest
from network_users import PASSWORD, make_city_editor
from PIL import Image
from taggit.models import Tag

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils.encoding import uri_to_iri
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from home.models import (
    AssociationPage,
    EditorInvitation,
    MeetingPage,
    MeetingRegistration,
    MembershipApplication,
)
from home.privacy import stores
from tours.models import StoryFormPage, StorySubmission, TourPage, TourStopPage

pytestmark = pytest.mark.django_db

NAME = "Zofia Przybylska-Ünal"  # not ASCII: JSON keeps it escaped, the dump must still not show it
SURNAME = "Przybylska"
EMAIL = "zofia.przybylska@example.org"
PHONE = "+49 7031 555-0199"
TRACES = (EMAIL, NAME, SURNAME, "555-0199")

TABLES = (
    "tours_storysubmission",
    "home_membershipapplication",
    "home_meetingregistration",
    "home_editorinvitation",
    "wagtailcore_page",
    "wagtailcore_revision",
    "home_associationpage",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "auth_user",
    "wagtailcore_apitoken",
    "wagtailforms_formsubmission",
    "wagtailcore_modellogentry",
    "wagtailcore_pagelogentry",
    "wagtailsearch_indexentry",
)


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def city():
    return make_city_editor()


@pytest.fixture
def trace(client, city):
    """Everything one person leaves, made the way it is made in real life."""
    return leave_trace(client, city)


@pytest.fixture
def named_trace(client, city):
    """The same, but the person named themselves in the story's title, which the city took over
    as the stop's title (and so its address) and the photo's title and alternative text."""
    title = f"Der Koffer von {NAME}"
    return leave_trace(
        client,
        city,
        story_title=title,
        stop_title=title,
        alt_text=f"{NAME} mit dem Koffer am Bahnhof",
    )


def leave_trace(
    client,
    city,
    story_title="Der Koffer aus Opole",
    stop_title="Der Koffer",
    alt_text="Ein alter Koffer",
):
    # A story with a photo, through the public form ...
    story_page = StoryFormPage.objects.get(locale__language_code="de")
    response = client.post(
        story_page.url,
        {
            "title": story_title,
            "story": "Wir kamen im Winter 1971 an.",
            "place": "Bahnhof",
            "author_name": NAME,
            "email": EMAIL,
            "consent_to_publish": "on",
            "consent_privacy": "on",
            "website": "",
            "photo": photo(),
        },
    )
    assert response.status_code == 302
    submission = StorySubmission.objects.get(email=EMAIL)
    # ... taken over by the city as a draft stop, which makes a Wagtail image of the photo ...
    client.force_login(city)
    response = client.post(
        f"/admin/geschichten/convert/{submission.pk}/",
        {
            "tour": TourPage.objects.get(slug="ankommen-in-sindelfingen").pk,
            "title": stop_title,
            "teaser": "Ein Koffer, der 1971 ankam.",
            "latitude": "48.708600",
            "longitude": "9.011800",
            "address": "Bahnhof",
            "photo_alt_text": alt_text,
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    stop, image = submission.stop, submission.image
    # ... whose editor shows a thumbnail: a rendition with a file of its own.
    assert client.get(f"/admin/pages/{stop.pk}/edit/").status_code == 200
    client.logout()

    # An application to join, accepted by the city: a draft profile with the contact's
    # address and phone, its revision, and an invitation logged with the address ...
    response = client.post(
        "/de/mitmachen/",
        {
            "association_name": "Verein Opole e. V.",
            "focus": "Kultur und Begegnung",
            "contact_name": NAME,
            "email": EMAIL,
            "phone": PHONE,
            "message": "Wir möchten mitmachen.",
            "consent_privacy": "on",
            "website": "",
        },
    )
    assert response.status_code == 302
    application = MembershipApplication.objects.get(email=EMAIL)
    client.force_login(city)
    assert client.post(f"/admin/aufnahmeantraege/accept/{application.pk}/").status_code == 302
    client.logout()
    association = AssociationPage.objects.get(title="Verein Opole e. V.")
    # ... which the person accepts: an editor account, named after the address.
    [link] = re.findall(r"http://testserver(/de/einladung/[\w-]+/)", mail.outbox[-1].body)
    first_name, last_name = NAME.split(" ", 1)
    response = client.post(
        link,
        {
            "first_name": first_name,
            "last_name": last_name,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    client.logout()

    # A registration for a meeting, which the city then edits (an audit entry named after it).
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    registration_data = {
        "name": NAME,
        "association_name": "Verein Opole e. V.",
        "email": EMAIL,
        "people": "1",
        "consent_privacy": "on",
        "website": "",
    }
    assert client.post(f"{meeting.url}anmelden/", registration_data).status_code == 302
    registration = MeetingRegistration.objects.get(email=EMAIL)
    client.force_login(city)
    response = client.post(
        f"/admin/anmeldungen/edit/{registration.pk}/",
        {**registration_data, "meeting": meeting.pk, "people": "2", "status": "confirmed"},
    )
    assert response.status_code == 302
    client.logout()
    # Audit entries name records neutrally now; entries written before that named the person.
    # (A story is named by its title, which is the person's to choose: erasure neutralises it.)
    assert not (
        ModelLogEntry.objects.filter(label__contains=NAME)
        .exclude(action="network.story_converted")
        .exists()
    )
    log(registration, "wagtail.edit", title=f"{NAME} ({meeting.title})", user=city)
    # Someone else, who must not be touched.
    other = MeetingRegistration.objects.create(
        meeting=meeting, name="Pat Beispiel", email="pat@example.org"
    )

    renditions = list(image.renditions.all())
    files = [
        (submission.photo.storage, submission.photo.name),
        (image.file.storage, image.file.name),
        *[(rendition.file.storage, rendition.file.name) for rendition in renditions],
    ]
    # The trace is all there before erasing, or the test below would prove nothing.
    assert renditions
    assert all(storage.exists(name) for storage, name in files)
    assert Revision.objects.filter(object_id=str(stop.pk)).exists()
    assert Revision.objects.filter(
        object_id=str(association.pk), content__contact_email=EMAIL
    ).exists()
    assert ModelLogEntry.objects.filter(
        action="network.invitation_sent", data__email=EMAIL
    ).exists()
    assert ModelLogEntry.objects.filter(label__startswith=NAME).exists()
    assert get_user_model().objects.filter(email=EMAIL, last_name=last_name).exists()
    dump = database_dump()
    assert EMAIL in dump and NAME in dump
    return {
        "submission": submission,
        "stop": stop,
        "image": image,
        "files": files,
        "association": association,
        "application": application,
        "registration": registration,
        "other": other,
    }


def decoded(value):
    """The text of a dumped value, with JSON kept as text inside it decoded too (a StreamField
    in a revision keeps "Ü" as "\\u00dc")."""
    if isinstance(value, dict):
        return " ".join(decoded(item) for item in [*value.keys(), *value.values()])
    if isinstance(value, list):
        return " ".join(decoded(item) for item in value)
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return decoded(json.loads(value))
        except ValueError:
            pass
    return str(value)


def database_dump():
    """The whole database as text: Django's dumpdata of every app, decoded, and on SQLite the
    SQL dump too (it also holds tables that are no model's, such as the search index's FTS)."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    text = decoded(json.loads(out.getvalue()))
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        text += "\n".join(connection.connection.iterdump())
    return text


def erase(django_capture_on_commit_callbacks):
    # The files go when the erasure commits: run what waits for the commit.
    with django_capture_on_commit_callbacks(execute=True):
        return run("personal_data", EMAIL, "--erase")


def test_after_erasure_no_dump_of_the_database_holds_the_address_or_the_name(
    trace, django_capture_on_commit_callbacks
):
    erase(django_capture_on_commit_callbacks)

    dump = database_dump().casefold()
    for text in TRACES:
        assert text.casefold() not in dump, text
    for storage, name in trace["files"]:
        assert not storage.exists(name), name


def test_erasure_deletes_what_was_made_from_the_submission_and_keeps_the_rest_anonymous(
    trace, django_capture_on_commit_callbacks
):
    stop, image, association = trace["stop"], trace["image"], trace["association"]

    erase(django_capture_on_commit_callbacks)

    # The draft stop made from the story, its revisions, the image and its renditions: gone.
    assert not TourStopPage.objects.filter(pk=stop.pk).exists()
    assert not Revision.objects.filter(object_id=str(stop.pk)).exists()
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert stores.index_entries_of(TourStopPage(pk=stop.pk)) == 0
    # The association's profile stays (it is the association's), without the person's contact.
    association.refresh_from_db()
    assert (association.contact_email, association.contact_phone) == ("", "")
    for revision in association.revisions.all():
        assert revision.content["contact_email"] == revision.content["contact_phone"] == ""
    # The records are gone, nobody else's are.
    for key in ("submission", "application", "registration"):
        record = trace[key]
        assert not type(record).objects.filter(pk=record.pk).exists(), key
    assert not EditorInvitation.objects.filter(email__iexact=EMAIL).exists()
    assert MeetingRegistration.objects.filter(pk=trace["other"].pk).exists()
    # The account stays for what it did, but locked and nameless, in no group.
    account = get_user_model().objects.get(username__startswith="geloescht-")
    assert not account.is_active and not account.has_usable_password()
    assert not account.groups.exists()
    # The audit log still says what happened, without saying to whom.
    sent = ModelLogEntry.objects.get(action="network.invitation_sent")
    assert sent.label == "Einladung (auf Wunsch gelöscht)"
    assert sent.data == {"email": "(auf Wunsch gelöscht)"}
    assert PageLogEntry.objects.filter(page_id=stop.pk, action="wagtail.delete").exists()
    assert PageLogEntry.objects.filter(
        page_id=association.pk, action="network.personal_data_erased"
    ).exists()


def test_the_report_names_each_table_and_what_it_did(trace, django_capture_on_commit_callbacks):
    output = erase(django_capture_on_commit_callbacks)

    for table in TABLES:
        assert f"({table}):" in output, table
    assert "Seiten aus Einsendungen (wagtailcore_page): 1 gelöscht" in output
    assert "Bilder aus eingesendeten Fotos (wagtailimages_image): 1 gelöscht" in output
    assert "Anmeldungen (home_meetingregistration): 1 gelöscht" in output
    assert "Konten im Redaktionssystem (auth_user): 1 anonymisiert" in output
    assert "Formulareinsendungen (wagtailforms_formsubmission): nichts gefunden" in output
    assert f"Ohne Kontaktangaben (Seiten-IDs: {trace['association'].pk})" in output
    assert "Dateien (Dateispeicher): 3 gelöscht" in output  # the photo, the image, a rendition
    # The safety net searched every other table and found nothing left.
    assert "Alle übrigen Tabellen (Datenbank): nichts gefunden" in output
    table_lines = output.splitlines()[1:-1]  # between heading and total: no personal data
    assert not any(EMAIL in line or SURNAME in line for line in table_lines)


def test_export_covers_the_same_places(trace):
    data = json.loads(run("personal_data", EMAIL, "--export"))

    items = data["records"]
    by_table = {}
    for item in items:
        by_table.setdefault(item["table"], []).append(item)
    assert {
        "tours_storysubmission",
        "home_membershipapplication",
        "home_meetingregistration",
        "home_editorinvitation",
        "wagtailcore_page",
        "home_associationpage",
        "wagtailimages_image",
        "auth_user",
        "wagtailcore_modellogentry",
        "wagtailsearch_indexentry",
    } <= set(by_table)
    [page] = by_table["wagtailcore_page"]
    assert page["id"] == trace["stop"].pk and page["live"] is False
    assert NAME in page["content"]["sources"]
    [image] = by_table["wagtailimages_image"]
    assert image["id"] == trace["image"].pk
    assert image["file"] == trace["image"].file.name and image["renditions"]
    [profile] = by_table["home_associationpage"]
    assert profile["fields"] == {"contact_email": EMAIL, "contact_phone": PHONE}
    [account] = by_table["auth_user"]
    assert account["username"] == EMAIL and account["name"] == NAME
    actions = {entry["action"] for entry in by_table["wagtailcore_modellogentry"]}
    assert {"network.invitation_sent", "wagtail.edit"} <= actions
    # The safety net found no table that no place covers.
    assert [item for item in items if item["type"] == "Weitere Fundstelle"] == []


def test_a_published_stop_stays_but_loses_the_name_and_keeps_its_photo(
    trace, city, django_capture_on_commit_callbacks
):
    stop, image = trace["stop"], trace["image"]
    stop.save_revision(user=city).publish(user=city)

    output = erase(django_capture_on_commit_callbacks)

    stop = TourStopPage.objects.get(pk=stop.pk)
    assert stop.live
    assert NAME not in stop.sources and "(auf Wunsch gelöscht)" in stop.sources
    image_block = next(block for block in stop.story if block.block_type == "image")
    assert image_block.value["credit"] == "(auf Wunsch gelöscht)"
    for revision in stop.revisions.all():
        assert SURNAME not in decoded(revision.content)
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert f"Nicht gelöscht, weil veröffentlicht (Seiten-IDs: {stop.pk})" in output
    assert f"Bild {image.pk} nicht gelöscht" in output
    # Kept: an anonymous note that consent was given for what is published.
    note = StorySubmission.objects.get(pk=trace["submission"].pk)
    assert (note.email, note.story, note.photo.name) == ("", "", "")
    assert note.consent_given_at is not None
    dump = database_dump().casefold()
    assert EMAIL.casefold() not in dump and NAME.casefold() not in dump


def test_a_published_stop_named_after_the_person_loses_the_name_in_its_address_too(
    named_trace, city, client, django_capture_on_commit_callbacks
):
    stop, image = named_trace["stop"], named_trace["image"]
    # The city publishes the stop (its photo goes public with it), then the person asks to be
    # erased.
    with django_capture_on_commit_callbacks(execute=True):
        stop.save_revision(user=city).publish(user=city)
    stop = TourStopPage.objects.get(pk=stop.pk)
    old_url = stop.url
    # The trace is there before erasing: the name is in everything the story's title became.
    surname = SURNAME.casefold()
    for value in (stop.title, stop.draft_title, stop.slug, stop.url_path, old_url):
        assert surname in value.casefold(), value
    assert client.get(old_url).status_code == 200
    assert SURNAME in client.get(f"/api/v3/images/{image.pk}/").json()["title"]
    found = client.get("/api/v3/images/", {"search": SURNAME}).json()["items"]
    assert [item["id"] for item in found] == [image.pk]

    output = erase(django_capture_on_commit_callbacks)

    # Nothing in the database holds the address or the name, in any spelling (a slug's too).
    dump = database_dump().casefold()
    for text in (*TRACES, slugify(NAME, allow_unicode=True), slugify(NAME)):
        assert text.casefold() not in dump, text
    # The stop stays, at a new address made from its anonymised title ...
    stop = TourStopPage.objects.get(pk=stop.pk)
    assert stop.live
    assert stop.title == stop.draft_title == "Der Koffer von (auf Wunsch gelöscht)"
    assert stop.slug == slugify(stop.title, allow_unicode=True)
    assert stop.url_path.endswith(f"/{stop.slug}/")
    assert client.get(stop.url).status_code == 200
    # ... and the old one leads nowhere: a redirect from it would keep the name.
    assert client.get(old_url).status_code == 404
    assert not Redirect.objects.filter(redirect_page=stop).exists()
    # The QR codes name the stop by its id and still lead to it.
    scanned = client.get(f"/q/{stop.pk}/")
    assert scanned.status_code == 302 and scanned["Location"] == stop.url
    for revision in stop.revisions.all():
        assert surname not in revision.object_str.casefold()
        assert surname not in decoded(revision.content).casefold()
    api_page = client.get(f"/api/v3/pages/{stop.pk}/").json()
    assert api_page["meta"]["html_url"].endswith(stop.url)
    # The photo stays public with the stop, without the name in its title and description.
    image = get_image_model().objects.get(pk=image.pk)
    assert image.title == "Der Koffer von (auf Wunsch gelöscht)"
    assert image.description == "(auf Wunsch gelöscht) mit dem Koffer am Bahnhof"
    image_block = next(block for block in stop.story if block.block_type == "image")
    assert image_block.value["image"].contextual_alt_text == image.description
    assert client.get(f"/api/v3/images/{image.pk}/").json()["title"] == image.title
    assert client.get("/api/v3/images/", {"search": SURNAME}).json()["items"] == []
    # The anonymous note of consent keeps no name either.
    note = StorySubmission.objects.get(pk=named_trace["submission"].pk)
    assert (note.title, note.author_name, note.email) == (image.title, "(auf Wunsch gelöscht)", "")
    # And the report says what was done, truthfully.
    for line in (
        "Seiten aus Einsendungen (wagtailcore_page): 1 anonymisiert",
        f"Nicht gelöscht, weil veröffentlicht (Seiten-IDs: {stop.pk}): Text und Foto bleiben "
        "öffentlich, der Name der Person ist ersetzt, auch in Titel, Adresse und Versionen.",
        f"Seite {stop.pk} hat eine neue Adresse ohne den Namen: {uri_to_iri(stop.url)}.",
        "Die alte Adresse führt nirgends mehr hin: eine Weiterleitung würde den Namen speichern.",
        f"QR-Codes (/q/{stop.pk}/) führen weiter zur Seite.",
        "Bilder aus eingesendeten Fotos (wagtailimages_image): 1 anonymisiert",
        f"Bild {image.pk} nicht gelöscht: es steht auf veröffentlichten Seiten (Seiten-IDs: "
        f"{stop.pk}). Titel und Beschreibung nennen die Person nicht mehr.",
        "Eingesendete Geschichten (tours_storysubmission): 1 anonymisiert",
        "Alle übrigen Tabellen (Datenbank): nichts gefunden",
    ):
        assert line in output, line
    assert "nennt die Person weiterhin" not in output
    table_lines = output.splitlines()[1:-1]
    assert not any(surname in line.casefold() for line in table_lines)


def test_erasure_is_all_or_nothing(trace, django_capture_on_commit_callbacks, monkeypatch):
    def fail(self, person):
        raise RuntimeError("Fehler im Protokoll")

    monkeypatch.setattr(stores.AuditLog, "erase", fail)

    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        run("personal_data", EMAIL, "--erase")

    assert StorySubmission.objects.filter(pk=trace["submission"].pk, email=EMAIL).exists()
    assert MeetingRegistration.objects.filter(pk=trace["registration"].pk).exists()
    assert TourStopPage.objects.filter(pk=trace["stop"].pk).exists()
    for storage, name in trace["files"]:  # no file went before the commit that never came
        assert storage.exists(name), name


def test_the_address_written_into_a_page_goes_from_the_page_and_its_revisions(
    django_capture_on_commit_callbacks,
):
    from projects.models import ProjectPage

    project = ProjectPage.objects.get(slug="willkommenskultur", locale__language_code="de")
    groups = list(project.working_groups.all())
    group = groups[0]
    group.contact = f"Stabsstelle Integration, {EMAIL}"
    project.working_groups = groups  # as the page editor saves an inline
    project.save_revision().publish()

    output = erase(django_capture_on_commit_callbacks)

    project = ProjectPage.objects.get(pk=project.pk)
    assert project.live
    assert project.working_groups.get(pk=group.pk).contact == (
        "Stabsstelle Integration, (auf Wunsch gelöscht)"
    )
    assert not project.revisions.filter(content__icontains=EMAIL).exists()
    assert "E-Mail-Adresse im Text von Seiten (wagtailcore_page): 1 anonymisiert" in output
    assert f"Adresse ersetzt (Seiten-IDs: {project.pk})" in output
    assert EMAIL not in database_dump()


def test_what_cannot_be_erased_is_reported_not_hidden(django_capture_on_commit_callbacks):
    admin = get_user_model().objects.create_superuser(EMAIL, email=EMAIL, password=PASSWORD)

    output = erase(django_capture_on_commit_callbacks)

    admin.refresh_from_db()
    assert admin.is_active and admin.email == EMAIL  # nobody is locked out by a typo
    assert f"Konto {admin.pk} nicht anonymisiert: es hat Administratorrechte" in output
    assert "Noch gefunden in auth_user (1 Zeile): nicht gelöscht, bitte von Hand prüfen." in output
    # What was found and left is not "nothing found".
    assert "Alle übrigen Tabellen (Datenbank): nichts geändert" in output
    assert "Konten im Redaktionssystem (auth_user): nichts geändert" in output


def test_an_address_that_merely_contains_this_one_is_left_alone(
    django_capture_on_commit_callbacks,
):
    from projects.models import ProjectPage

    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    MeetingRegistration.objects.create(
        meeting=meeting, name="Maria Rossi", email="maria@example.org"
    )
    project = ProjectPage.objects.get(slug="willkommenskultur", locale__language_code="de")
    groups = list(project.working_groups.all())
    groups[0].contact = "maria@example.org"
    project.working_groups = groups
    project.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        output = run("personal_data", "a@example.org", "--erase")

    assert MeetingRegistration.objects.filter(email="maria@example.org").exists()
    project = ProjectPage.objects.get(pk=project.pk)
    assert project.working_groups.get(pk=groups[0].pk).contact == "maria@example.org"
    assert "E-Mail-Adresse im Text von Seiten (wagtailcore_page): nichts gefunden" in output
    assert "Alle übrigen Tabellen (Datenbank): nichts gefunden" in output


def test_a_name_is_found_in_a_slug_however_the_slug_was_made():
    from home.privacy.text import mentions, slug_pattern

    regex = slug_pattern([NAME])
    for address in (
        "der-koffer-von-zofia-przybylska-ünal",  # Wagtail's slug of the title
        "zofia-przybylska-unal-erzaehlt",  # without non-ASCII letters
        "/netzwerk/rundgaenge/zofia-przybylska-uenal/",  # German transliteration, in a path
    ):
        assert mentions(address, regex), address
    assert not mentions("zofia-przybylska-ünalowa", regex)  # whole names only


def test_a_one_word_name_in_a_slug_makes_a_new_slug_not_a_broken_one(demo_tour):
    from home.privacy import Person

    from factories import TourStopPageFactory

    stop = TourStopPageFactory(parent=demo_tour, title="Der Koffer von Zofia")
    stop.save_revision().publish()
    stop = TourStopPage.objects.get(pk=stop.pk)
    assert stop.slug == "der-koffer-von-zofia"
    person = Person(EMAIL)
    person.names = {"Zofia"}  # a pseudonym of one word: in text, and in the slug

    stores.rewrite_page(stop, stores.DerivedPages().anonymiser(stop, person))

    stop = TourStopPage.objects.get(pk=stop.pk)
    assert stop.title == "Der Koffer von (auf Wunsch gelöscht)"
    assert stop.slug == "der-koffer-von-auf-wunsch-gelöscht"
    assert stop.url_path == f"{demo_tour.url_path}{stop.slug}/"
    assert all(revision.content["slug"] == stop.slug for revision in stop.revisions.all())


def test_the_safety_net_also_finds_the_name_as_an_address_has_it(
    django_capture_on_commit_callbacks,
):
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    MeetingRegistration.objects.create(meeting=meeting, name=NAME, email=EMAIL)
    # The name as an address has it, kept somewhere no place knows: a tag made from it.
    Tag.objects.create(name=f"koffer-von-{slugify(NAME)}", slug=f"koffer-von-{slugify(NAME)}")

    output = erase(django_capture_on_commit_callbacks)

    assert "Noch gefunden in taggit_tag (1 Zeile)" in output


def test_redirects_from_addresses_with_the_name_go_and_others_stay(
    named_trace, city, django_capture_on_commit_callbacks
):
    """The review's case: the city had renamed the stop once, so Wagtail kept a redirect from
    its first address, made from the story's title with the name."""
    stop = named_trace["stop"]
    with django_capture_on_commit_callbacks(execute=True):
        stop.save_revision(user=city).publish(user=city)
    stop = TourStopPage.objects.get(pk=stop.pk)
    named = Redirect.add_redirect(f"/de/rundgaenge/alt/{slugify(NAME)}/", stop)
    unrelated = Redirect.add_redirect("/de/alte-adresse-ohne-namen/", stop)

    output = erase(django_capture_on_commit_callbacks)

    assert not Redirect.objects.filter(pk=named.pk).exists()
    assert Redirect.objects.filter(pk=unrelated.pk).exists()
    assert "Weiterleitungen (wagtailredirects_redirect): 1 gelöscht" in output
    assert slugify(NAME) not in database_dump()
