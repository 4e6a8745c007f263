"""The city's side: the participation admin, turning a story into a draft stop, exporting
registrations, dashboards; and the admin itself (dates, no third-party avatars)."""

import csv
import io

import pytest
from network_users import make_city_editor, make_editor_of
from PIL import Image

from django.core.files.base import ContentFile

from wagtail.models import ModelLogEntry

from home.models import MeetingPage, MeetingRegistration
from tours.models import StorySubmission, TourPage, TourStopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_client(client):
    client.force_login(make_city_editor())
    return client


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 90)).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="foto.jpg")


@pytest.fixture
def submission():
    story = StorySubmission(
        title="Der Koffer meiner Oma",
        story="Erster Absatz.\n\nZweiter Absatz mit <b>Spitzen</b>klammern.",
        place="Bahnhof",
        author_name="Enkelin Sofia",
        email="sofia@example.org",
        consent_to_publish=True,
    )
    story.record_consent(["Ich bin einverstanden, dass meine Geschichte veröffentlicht wird."])
    story.photo.save("foto.jpg", jpeg(), save=False)
    story.save()
    return story


@pytest.mark.parametrize(
    "path",
    [
        "/admin/aufnahmeantraege/",
        "/admin/anmeldungen/",
        "/admin/einladungen/",
        "/admin/geschichten/",
    ],
)
def test_the_participation_admin_opens_for_the_city(city_client, path, submission):
    assert city_client.get(path).status_code == 200


def test_association_editors_see_no_participation_records(client, submission):
    client.force_login(make_editor_of("kulturbruecke-anatolien"))

    for path in (
        "/admin/geschichten/",
        "/admin/anmeldungen/",
        f"/admin/geschichten/photo/{submission.pk}/",
    ):
        response = client.get(path)
        assert response.status_code in (302, 403), path
        assert "Sofia" not in response.content.decode()


def test_a_story_becomes_a_draft_stop_in_one_action_keeping_credit_and_consent(
    city_client, submission
):
    tour = TourPage.objects.get(slug="ankommen-in-sindelfingen")

    response = city_client.post(
        f"/admin/geschichten/convert/{submission.pk}/",
        {
            "tour": tour.pk,
            "title": "Der Koffer meiner Oma",
            "teaser": "Ein Koffer, der 1964 ankam.",
            "latitude": "48.708600",
            "longitude": "9.011800",
            "address": "Bahnhof",
            "photo_alt_text": "Ein alter brauner Koffer",
        },
    )

    stop = TourStopPage.objects.get(title="Der Koffer meiner Oma")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{stop.pk}/edit/"
    assert not stop.live
    assert stop.get_parent().pk == tour.pk
    assert "Enkelin Sofia" in stop.sources
    assert "Einwilligung in die Veröffentlichung erteilt am" in stop.sources
    story_html = "".join(str(block) for block in stop.story)
    assert (
        "Zweiter Absatz mit &lt;b&gt;Spitzen&lt;/b&gt;klammern." in story_html
    )  # escaped, not markup
    image_block = next(block for block in stop.story if block.block_type == "image")
    assert image_block.value["image"].contextual_alt_text == "Ein alter brauner Koffer"
    assert image_block.value["credit"] == "Enkelin Sofia"
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.CONVERTED and submission.stop == stop
    assert submission.consent_text  # still on record
    assert ModelLogEntry.objects.filter(action="network.story_converted").exists()
    assert (
        city_client.__class__().get(f"{tour.url}").content.decode().count("Der Koffer meiner Oma")
        == 0
    )


def test_conversion_refuses_swapped_coordinates(city_client, submission):
    tour = TourPage.objects.get(slug="ankommen-in-sindelfingen")

    response = city_client.post(
        f"/admin/geschichten/convert/{submission.pk}/",
        {
            "tour": tour.pk,
            "title": "X",
            "teaser": "Y",
            "latitude": "9.0118",
            "longitude": "48.7086",
            "photo_alt_text": "Z",
        },
    )

    assert response.status_code == 400
    assert "vertauscht" in response.content.decode()
    assert not TourStopPage.objects.filter(title="X").exists()


def test_the_city_exports_a_meetings_registrations_as_csv(city_client):
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    for name in ("Ana", "Ben"):
        MeetingRegistration.objects.create(
            meeting=meeting, name=name, email=f"{name}@example.org", people=2
        )

    response = city_client.get("/admin/anmeldungen/", {"export": "csv", "meeting": meeting.pk})

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert len(rows) == 3
    assert {row[1] for row in rows[1:]} == {"Ana", "Ben"}


def test_the_city_dashboard_shows_the_queue_oldest_first_with_the_association(client, demo_tour):
    from admin_forms import stop_form

    author = make_editor_of("kulturbruecke-anatolien", username="autorin")
    client.force_login(author)
    for slug in ("erste", "zweite"):
        client.post(
            f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
            stop_form(f"Station {slug}", slug, **{"action-submit": "submit"}),
        )
    client.force_login(make_city_editor())

    html = client.get("/admin/").content.decode()

    queue = html[html.index("Warteschlange der Moderation") :]
    assert queue.index("Station erste") < queue.index("Station zweite")
    assert "Kulturbrücke Anatolien e. V." in queue


def test_admin_dates_show_in_german_form_and_no_avatar_comes_from_a_third_party(city_client):
    meeting = MeetingPage.objects.get(slug="auftakttreffen-2021")

    html = city_client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()

    assert 'value="24.03.2021 17:00"' in html
    assert "gravatar.com" not in html


def test_the_association_dashboard_lists_their_pages_not_whole_sections(client, demo_tour):
    from admin_forms import stop_form

    author = make_editor_of("kulturbruecke-anatolien", username="autorin")
    client.force_login(author)
    client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form("Meine neue Station", "meine-neue", **{"action-submit": "submit"}),
    )

    html = client.get("/admin/").content.decode()
    panel = html[html.index("Seiten Ihrer Vereine") : html.index("Seiten Ihrer Vereine") + 6000]

    assert "Kulturbrücke Anatolien e. V." in panel
    assert "Meine neue Station" in panel
    assert "Wartet auf: Prüfung durch die Arbeitsgruppe" in panel
    assert "Marktplatz: der erste Einkauf" not in panel  # the walk's other stops are not theirs


def test_the_city_dashboard_counts_what_waits_each_leading_to_its_list(
    client, demo_tour, submission
):
    from admin_forms import stop_form

    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))
    client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form("Station zum Zählen", "zum-zaehlen", **{"action-submit": "submit"}),
    )
    client = client.__class__()  # the city's own browser, without the author's messages
    client.force_login(make_city_editor())
    new_stories = StorySubmission.objects.filter(status=StorySubmission.Status.NEW).count()

    html = client.get("/admin/").content.decode()

    counts = html[html.index("Was auf Sie wartet") : html.index("Warteschlange der Moderation")]
    assert (
        f'href="/admin/geschichten/?status=new">Neue Geschichten: <strong>{new_stories}</strong>'
        in counts
    )
    assert 'href="/admin/aufnahmeantraege/?status=new">' in counts
    assert 'href="/admin/anmeldungen/?status=waitlisted">' in counts
    assert "Seiten in Moderation" in counts
    # Each task once: Wagtail's own "awaiting your review" would list the queue again.
    assert html.count("Station zum Zählen") == 1
    # The lists the counts lead to show just what was counted.
    listing = client.get("/admin/geschichten/?status=new").content.decode()
    assert submission.title in listing


def test_the_association_dashboard_says_when_changes_are_asked_for_and_offers_revising(
    client, demo_tour, people
):
    from moderated_path import decide, submitted_stop

    stop = submitted_stop(
        client, people["author"], demo_tour, "Station mit Rückfrage", "mit-rueckfrage"
    )
    decide(stop, people["reviewer"], "reject", "Bitte ein Foto ergänzen.")

    html = client.get("/admin/").content.decode()

    panel = html[html.index("Seiten Ihrer Vereine") :]
    row = panel[panel.index("Station mit Rückfrage") :]
    row = row[: row.index("</tr>")]
    assert "Änderungen erbeten" in row
    assert "Wartet auf" not in row
    assert "Bitte ein Foto ergänzen." in row
    assert f'href="/admin/pages/{stop.pk}/edit/">Überarbeiten</a>' in row


def test_the_association_dashboard_offers_its_one_tap_actions(client, demo_tour):
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))

    html = client.get("/admin/").content.decode()

    actions = html[html.index("network-quick-actions") :]
    actions = actions[: actions.index("</ul>")]
    assert "Profil bearbeiten: Kulturbrücke Anatolien e. V." in actions
    assert (
        f'href="/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/">'
        f"Neue Station in „{demo_tour.title}“</a>" in actions
    )
