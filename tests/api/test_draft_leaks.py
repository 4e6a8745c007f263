"""Drafts stay private by construction: a draft, a private page, unpublished changes to a live
page and submissions with personal data appear in no output, for anonymous requests and for
the token of another association: lists, details, relations, search, GeoJSON, GPX, iCal, QR
codes, the sitemap and the feeds."""

import pytest
from media_files import make_document, make_image
from network_users import make_editor_of

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from home.models import AssociationPage, MeetingPage, MeetingRegistration, MembershipApplication
from projects.models import ProjectPage, ProjectUpdatePage, WorkingGroup
from tours.models import StorySubmission, TourStopPage

from factories import AssociationPageFactory, MeetingPageFactory, TourStopPageFactory

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM"
PERSONAL = ("geheim-person@example.org", "Gerda Geheim", "0170 1234567")


@pytest.fixture
def secrets(directory, meeting_index, demo_tour):
    """Hidden things of every kind, each reachable from something live."""
    # Pages never published, and a private one.
    draft_association = AssociationPageFactory(
        parent=directory, title=f"{SECRET} Entwurfsverein", live=False
    )
    private_association = AssociationPageFactory(parent=directory, title=f"{SECRET} Privatverein")
    restriction = PageViewRestriction.objects.create(
        page=private_association, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Nur intern"))
    # Media that only drafts use: an image with a rendition, and a document.
    draft_image = make_image(title=f"{SECRET} Bild im Entwurf")
    draft_rendition = draft_image.get_rendition("max-165x165")
    draft_document = make_document(title=f"{SECRET} Dokument im Entwurf", name="geheim.txt")
    draft_stop = TourStopPageFactory(
        parent=demo_tour,
        title=f"{SECRET} Entwurfsstation",
        live=False,
        story=[
            ("image", {"image": {"image": draft_image, "decorative": True, "alt_text": ""}}),
            ("audio", {"audio": draft_document, "title": "Hörstück", "transcript": "…"}),
        ],
    )
    private_stop = TourStopPageFactory(parent=demo_tour, title=f"{SECRET} Privatstation")
    PageViewRestriction.objects.create(
        page=private_stop, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    draft_meeting = MeetingPageFactory(
        parent=meeting_index, title=f"{SECRET} Entwurfstreffen", live=False
    )

    # Live pages that refer to the hidden ones.
    stop = TourStopPage.objects.child_of(demo_tour).live().first()
    stop.contributing_associations.add(draft_association, private_association)
    stop.save_revision().publish()
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    kickoff.attending_associations.add(draft_association, private_association)
    kickoff.save_revision().publish()
    project = ProjectPage.objects.live().first()
    project.partner_associations.add(draft_association, private_association)
    project.related_meetings.add(draft_meeting)
    group = WorkingGroup.objects.filter(page=project).first() or WorkingGroup(
        page=project, name="AG Test"
    )
    group.save()
    group.member_associations.add(draft_association, private_association)
    revision = project.save_revision()
    revision.publish()
    ProjectUpdatePage(
        title=f"{SECRET} Entwurfsneuigkeit", slug="geheime-neuigkeit", summary="x", live=False
    )
    project.add_child(
        instance=ProjectUpdatePage(
            title=f"{SECRET} Entwurfsneuigkeit", slug="geheime-neuigkeit", summary="x", live=False
        )
    )

    # Unpublished changes to a live page.
    changed = TourStopPage.objects.child_of(demo_tour).live().last()
    changed.title = f"{SECRET} geänderter Titel"
    changed.teaser = f"{SECRET} geänderter Kurztext"
    changed.save_revision()

    # Personal data: submissions, contact details the association keeps private, a
    # representative without consent.
    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    association.contact_email = PERSONAL[0]
    association.show_contact_email = False
    association.contact_phone = PERSONAL[2]
    association.show_contact_phone = False
    association.representatives.create(name=PERSONAL[1], consent_to_publish=False)
    association.save_revision().publish()
    StorySubmission.objects.create(
        title=f"{SECRET} Geschichte", story="…", author_name=PERSONAL[1], email=PERSONAL[0]
    )
    MeetingRegistration.objects.create(
        meeting=kickoff, name=PERSONAL[1], email=PERSONAL[0], people=1
    )
    MembershipApplication.objects.create(
        association_name=f"{SECRET} Antragsverein",
        focus="x",
        contact_name=PERSONAL[1],
        email=PERSONAL[0],
        phone=PERSONAL[2],
    )
    return {
        "pages": [draft_association, private_association, draft_stop, private_stop, draft_meeting],
        "changed": changed,
        "tour": demo_tour,
        "project": project,
        "media": {
            "image": draft_image,
            "rendition": draft_rendition,
            "document": draft_document,
        },
    }


def all_json_pages(client, path):
    """Every item of a paginated list."""
    items, offset = [], 0
    while True:
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{separator}limit=100&offset={offset}")
        assert response.status_code == 200, (path, response.content[:500])
        body = response.json()
        items += body["items"]
        offset += 100
        if offset >= body["count"]:
            return items


def everything_visible_to(client, secrets):
    """The text of every output a front end can read."""
    texts = []

    def read(path, status=200):
        response = client.get(path)
        assert response.status_code == status, (path, response.status_code, response.content[:300])
        texts.append(response.content.decode())
        return response

    pages = all_json_pages(client, "/api/v3/pages/")
    texts.append(str(pages))
    for page in pages:
        read(f"/api/v3/pages/{page['id']}/")
        read(f"/api/v3/pages/{page['id']}/?version=draft")
    for path in (
        "/api/v3/associations/",
        "/api/v3/meetings/",
        "/api/v3/tours/",
        "/api/v3/images/",
        "/api/v3/documents/",
    ):
        texts.append(str(all_json_pages(client, path)))
    for query in (SECRET, "Gerda", "Entwurfsverein", "geheim"):
        texts.append(str(all_json_pages(client, f"/api/v3/pages/?search={query}")))
        texts.append(str(all_json_pages(client, f"/api/v3/associations/?search={query}")))
        texts.append(str(all_json_pages(client, f"/api/v3/tours/?search={query}")))
        texts.append(str(all_json_pages(client, f"/api/v3/meetings/?search={query}")))
    tour = secrets["tour"]
    for suffix in ("stops/", "geojson/", "gpx/"):
        read(f"/api/v3/tours/{tour.pk}/{suffix}")
    read("/api/v3/meetings/calendar/")
    read(f"/api/v3/meetings/{MeetingPage.objects.get(slug='auftakttreffen-2021').pk}/calendar/")
    for vocabulary in ("languages", "focus-areas", "districts", "support-topics", "meeting-series"):
        read(f"/api/v3/vocabularies/{vocabulary}/")
    # The website's own outputs.
    project = secrets["project"]
    for path in (
        "/sitemap.xml",
        f"{project.url}feed/",
        f"{project.url}rss/",
        project.url,
        tour.url,
    ):
        read(path)
    return "\n".join(texts)


def assert_nothing_hidden_in(text, media=None):
    assert SECRET not in text
    for value in PERSONAL:
        assert value not in text
    for item in (media or {}).values():
        assert item.file.name.rsplit("/", 1)[-1] not in text


def assert_media_unreachable(client, media):
    image, document = media["image"], media["document"]
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == 404
    assert client.get(f"/api/v3/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404
    assert client.get(media["rendition"].url).status_code in (302, 404)


def test_anonymous_requests_see_nothing_hidden(client, secrets):
    assert_nothing_hidden_in(everything_visible_to(client, secrets), secrets["media"])
    assert_media_unreachable(client, secrets["media"])
    for page in secrets["pages"]:
        for path in (
            f"/api/v3/pages/{page.pk}/",
            f"/api/v3/pages/{page.pk}/?version=draft",
            f"/api/v3/pages/find/?id={page.pk}",
            f"/api/v3/pages/find/?html_path={page.url_path.split('/', 2)[-1]}",
        ):
            response = client.get(path)
            assert response.status_code == 404, path
            assert_nothing_hidden_in(response.content.decode())
    stop = next(page for page in secrets["pages"] if isinstance(page, TourStopPage))
    assert client.get(f"/api/v3/stops/{stop.pk}/qr/").status_code == 404
    meeting = next(page for page in secrets["pages"] if isinstance(page, MeetingPage))
    assert client.get(f"/api/v3/meetings/{meeting.pk}/calendar/").status_code == 404
    # A hidden page cannot be used as a starting point for filters either.
    response = client.get(f"/api/v3/pages/?child_of={secrets['pages'][0].pk}")
    assert response.status_code in (404, 422)
    assert_nothing_hidden_in(response.content.decode())


def test_a_token_of_another_association_sees_nothing_hidden(client, token_client, secrets):
    other = token_client(make_editor_of("familienzentrum-al-manara", username="andere"))
    text = everything_visible_to(other, secrets)
    assert_nothing_hidden_in(text, secrets["media"])
    assert_media_unreachable(other, secrets["media"])
    for page in secrets["pages"]:
        response = other.get(f"/api/v3/pages/{page.pk}/?version=draft")
        assert response.status_code == 404
    # Their own association's page is there, drafts included: they may edit it.
    own = AssociationPage.objects.get(slug="familienzentrum-al-manara")
    own.short_description = "Entwurf der eigenen Redaktion"
    own.save_revision()
    draft = other.get(f"/api/v3/pages/{own.pk}/?version=draft").json()
    assert draft["short_description"] == "Entwurf der eigenen Redaktion"
    # Anonymous readers still see the published text.
    live = client.get(f"/api/v3/pages/{own.pk}/?version=draft").json()
    assert live["short_description"] != "Entwurf der eigenen Redaktion"


def test_the_editor_who_may_edit_a_draft_sees_it(token_client, secrets):
    from network_users import make_city_editor

    city = token_client(make_city_editor())
    draft = secrets["pages"][0]
    response = city.get(f"/api/v3/pages/{draft.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == draft.title
    changed = secrets["changed"]
    assert SECRET in city.get(f"/api/v3/pages/{changed.pk}/?version=draft").json()["title"]
