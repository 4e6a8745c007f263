"""The demo command: the report's network, idempotent, and no demo logins without DEBUG."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, ModelLogEntry, Page, PageLogEntry, Revision

from home.models import AssociationPage, FocusArea, Language, MeetingPage
from home.roles import CITY_EDITORS_GROUP_NAME

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the demo command could touch, as comparable numbers."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id", "path")),
        "revisions": Revision.objects.count(),
        "page_log": PageLogEntry.objects.count(),
        "model_log": ModelLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "focus_areas": FocusArea.objects.count(),
        "languages": Language.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
    }


def test_demo_network_matches_the_report():
    assert AssociationPage.objects.live().count() == 13
    kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
    assert kickoff.start.isoformat().startswith("2021-03-24")
    assert kickoff.format == MeetingPage.Format.ONLINE
    assert kickoff.attending_associations.count() == 13
    workshop = MeetingPage.objects.get(slug="workshop-juni-2021")
    assert workshop.start.isoformat().startswith("2021-06-08")
    assert workshop.format == MeetingPage.Format.ONLINE
    november = MeetingPage.objects.get(slug="vernetzungstreffen-november-2021")
    assert (november.start.year, november.start.month) == (2021, 11)
    for association in AssociationPage.objects.all():
        assert "Beispieldaten" in association.short_description


def test_running_the_command_again_changes_nothing():
    before = snapshot()

    call_command("load_demo_content", "--no-users")

    assert snapshot() == before


def test_demo_users_are_refused_without_debug(settings):
    settings.DEBUG = False
    users_before = get_user_model().objects.count()

    with pytest.raises(CommandError, match="only created with DEBUG on"):
        call_command("load_demo_content")

    assert get_user_model().objects.count() == users_before


def test_with_debug_on_there_is_a_login_for_every_role_and_a_second_run_changes_nothing(
    settings, client
):
    settings.DEBUG = True
    call_command("load_demo_content")
    after_first_run = snapshot()

    call_command("load_demo_content")

    assert snapshot() == after_first_run
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    city_editor = User.objects.get(username="stadt")
    assert city_editor.groups.filter(name=CITY_EDITORS_GROUP_NAME).exists()
    association_editor = User.objects.get(username="verein-kulturbruecke")
    assert association_editor.groups.get().association_link.association.slug == (
        "kulturbruecke-anatolien"
    )
    assert client.login(username="stadt", password="stadt-demo-2026")
    assert client.get("/admin/").status_code == 200


def test_the_demo_speaks_the_networks_languages():
    from django.conf import settings

    from home.models import HomePage
    from tours.models import TourPage, TourStopPage

    homes = HomePage.objects.live().filter(depth=2)
    assert sorted(homes.values_list("locale__language_code", flat=True)) == sorted(
        code for code, _name in settings.LANGUAGES
    )
    walk = TourPage.objects.get(slug="ankommen-in-sindelfingen")
    languages = {item["locale"]: item for item in walk.text_languages()}
    assert languages["de"]["complete"] and languages["en"]["complete"]
    assert (languages["tr"]["stops_translated"], languages["ar"]["stops_translated"]) == (2, 2)
    marktplatz = TourStopPage.objects.get(slug="sahat-alsuq")
    [audio] = [block for block in marktplatz.story if block.block_type == "audio"]
    assert "زيندلفينغن" in audio.value["transcript"]  # its own transcript, in Arabic
    # Every vocabulary term in every language, named in it where the demo knows the name.
    assert FocusArea.objects.get(slug="kultur", locale__language_code="tr").name == "Kültür"
    assert Language.objects.get(slug="arabisch", locale__language_code="en").name == "Arabic"
