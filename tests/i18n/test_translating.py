"""Translating with Wagtail's tooling (simple_translation): a translation is a draft that goes
through the same moderation as any page; association editors translate their own pages and
the stops they wrote; a translation refers to terms and pages in its own language."""

import pytest
from admin_forms import stop_form
from network_users import make_editor_of

from django.contrib.auth.models import Group

from wagtail.models import Locale

from home.models import AssociationEditors, AssociationPage, FocusArea, MeetingPage
from tours.models import TourPage, TourStopPage

from factories import translate

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "New stop: the first pizzeria"


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_in_admin(client, page, *codes, include_subtree=False):
    data = {"locales": [locale(code).pk for code in codes]}
    if include_subtree:
        data["include_subtree"] = "on"
    return client.post(f"/admin/translation/submit/page/{page.pk}/", data)


def assert_refused(response):
    """The admin refuses: with 403, or back to the dashboard with a message."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


@pytest.fixture
def authors_stop(client, demo_tour, people):
    """A stop the author's association wrote and the city published."""
    client.force_login(people["author"])
    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form("Neue Station: Die erste Pizzeria", "erste-pizzeria"),
    )
    assert response.status_code == 302, response.content[:2000]
    stop = TourStopPage.objects.get(slug="erste-pizzeria")
    stop.save_revision(user=people["city"]).publish(user=people["city"])
    client.logout()
    return stop


def test_an_association_translates_its_stop_and_it_passes_both_reviews(
    client, authors_stop, people
):
    anonymous = client.__class__()
    english_address = authors_stop.url.replace("/de/", "/en/", 1)

    # The author translates the stop they wrote: a draft in the English walk.
    client.force_login(people["author"])
    response = translate_in_admin(client, authors_stop, "en")
    assert response.status_code == 302
    translation = authors_stop.get_translation(locale("en")).specific
    assert response["Location"] == f"/admin/pages/{translation.pk}/edit/"
    assert not translation.live
    assert translation.get_parent().specific.slug == "arriving-in-sindelfingen"
    assert translation.permissions_for_user(people["author"]).can_edit()
    assert not translation.permissions_for_user(people["author"]).can_publish()

    # They write the English text and submit it, like any page.
    response = client.post(
        f"/admin/pages/{translation.pk}/edit/",
        stop_form(ENGLISH_TITLE, "erste-pizzeria", teaser="A short text.")
        | {"action-submit": "submit"},
    )
    assert response.status_code == 302, response.content[:2000]
    translation.refresh_from_db()
    assert translation.current_workflow_task.name == "Prüfung durch die Arbeitsgruppe"
    # Not live before approval: English readers still get the German original.
    html = anonymous.get(english_address).content.decode()
    assert ENGLISH_TITLE not in html and "Die erste Pizzeria" in html

    # The walk's working group reviews, then the city approves.
    client.force_login(people["reviewer"])
    assert workflow_action(client, translation, "approve").status_code == 302
    translation.refresh_from_db()
    assert translation.current_workflow_task.name == "Freigabe durch die Stadtredaktion"
    assert not translation.live
    client.force_login(people["city"])
    assert workflow_action(client, translation, "approve").status_code == 302
    translation.refresh_from_db()
    assert translation.live

    # Now English readers find it, and the original's English address leads there.
    assert ENGLISH_TITLE in anonymous.get(translation.url).content.decode()
    assert anonymous.get(english_address)["Location"] == translation.url
    walk = TourPage.objects.get(slug="arriving-in-sindelfingen")
    assert ENGLISH_TITLE in anonymous.get(walk.url).content.decode()


def test_another_association_may_not_translate_a_stop_it_did_not_write(
    client, authors_stop, people
):
    client.force_login(people["other"])

    assert_refused(client.get(f"/admin/translation/submit/page/{authors_stop.pk}/"))
    assert_refused(translate_in_admin(client, authors_stop, "en"))
    assert authors_stop.get_translation_or_none(locale("en")) is None


def test_an_association_translates_its_profile_with_the_same_editors(client):
    editor = make_editor_of("kulturbruecke-anatolien")
    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    groups_before = Group.objects.count()
    client.force_login(editor)

    assert translate_in_admin(client, association, "tr").status_code == 302

    turkish = association.get_translation(locale("tr")).specific
    assert not turkish.live
    assert turkish.get_parent().specific.slug == "dernekler"
    assert turkish.permissions_for_user(editor).can_edit()
    assert not turkish.permissions_for_user(editor).can_publish()
    # One group for the association in all its languages, named after the original.
    assert Group.objects.count() == groups_before
    assert (
        AssociationEditors.objects.get(
            association__translation_key=turkish.translation_key
        ).association_id
        == association.pk
    )
    # Its terms are those of its language.
    assert {term.locale.language_code for term in turkish.focus_areas.all()} == {"tr"}
    assert {term.name for term in turkish.focus_areas.all()} >= {"Kültür"}
    assert client.get(f"/admin/pages/{turkish.pk}/edit/").status_code == 200


def test_an_association_cannot_translate_another_associations_profile(client):
    client.force_login(make_editor_of("kulturbruecke-anatolien"))
    other = AssociationPage.objects.get(slug="circolo-culturale-ponte")

    assert_refused(translate_in_admin(client, other, "it"))
    assert other.get_translation_or_none(locale("it")) is None


def test_a_walk_is_translated_with_its_subtree_as_drafts(client, demo_tour, people):
    client.force_login(people["city"])

    assert translate_in_admin(client, demo_tour, "it", include_subtree=True).status_code == 302

    italian = demo_tour.get_translation(locale("it"))
    stops = TourStopPage.objects.child_of(italian)
    assert stops.count() == TourStopPage.objects.child_of(demo_tour).count() == 7
    assert not italian.live and not stops.filter(live=True).exists()
    # Italian readers keep reading the German original until the city approves.
    italian_address = demo_tour.url.replace("/de/", "/it/", 1)
    response = client.__class__().get(italian_address)
    assert response.status_code == 200
    assert "notice--language" in response.content.decode()


def test_a_translation_refers_to_pages_in_its_language_where_they_exist(home):
    association = AssociationPage.objects.get(slug="circolo-culturale-ponte")
    english_association = translate(association, "en", title="Circolo Culturale Ponte (EN)")
    meeting = MeetingPage.objects.get(slug="auftakttreffen-2021")

    english_meeting = translate(meeting, "en", title="Kick-off meeting 2021")

    attending = list(english_meeting.attending_associations.all())
    assert english_association in attending
    untranslated = [page for page in attending if page.pk != english_association.pk]
    assert untranslated and all(page.locale.language_code == "de" for page in untranslated)


def test_a_new_term_exists_in_every_language_at_once():
    term = FocusArea.objects.create(name="Umwelt", slug="umwelt", locale=locale("de"))

    versions = FocusArea.objects.filter(translation_key=term.translation_key)

    assert set(versions.values_list("locale__language_code", flat=True)) == {
        "de",
        "en",
        "tr",
        "it",
        "el",
        "hr",
        "ar",
    }
    assert set(versions.values_list("slug", flat=True)) == {"umwelt"}


def test_the_editor_of_a_translation_offers_originals_not_yet_translated(client, people):
    meeting = MeetingPage.objects.get(slug="auftakttreffen-2021")
    english_meeting = translate(meeting, "en", title="Kick-off meeting 2021")
    client.force_login(people["city"])

    form = client.get(f"/admin/pages/{english_meeting.pk}/edit/").context["form"]

    offered = form.fields["attending_associations"].queryset
    assert set(offered.values_list("locale__language_code", flat=True)) == {"de"}
    assert offered.count() == AssociationPage.objects.filter(locale=locale("de")).count()
    series = form.fields["series"].queryset
    assert set(series.values_list("locale__language_code", flat=True)) == {"en"}


def test_the_preview_of_a_translation_shows_it_in_its_language():
    arabic = TourPage.objects.get(slug="alwusul-ila-sindelfingen")

    response = arabic.make_preview_request(preview_mode="")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/" in html  # stand-ins in Arabic
