"""A volunteer who starts a page again: nothing was created unseen (no autosave before the
first save), and a title whose address is taken gets the next free address, with a word why."""

import re

import pytest
from admin_forms import stop_form
from network_users import make_editor_of

from django.contrib.messages import get_messages

from tours.models import TourStopPage

pytestmark = pytest.mark.django_db

TITLE = "Die erste Eisdiele"


@pytest.fixture
def author(client):
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))
    return client


def add_stop(client, tour, slug="die-erste-eisdiele"):
    return client.post(f"/admin/pages/add/tours/tourstoppage/{tour.pk}/", stop_form(TITLE, slug))


def test_the_new_page_form_does_not_autosave(author, demo_tour):
    html = author.get(f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/").content.decode()

    [form_controllers] = re.findall(r'<form[^>]*data-edit-form[^>]*data-controller="([^"]*)"', html)
    assert "w-autosave" not in form_controllers.split()
    assert "w-unsaved" in form_controllers.split()  # leaving unsaved still asks first


def test_starting_again_with_the_same_title_gets_the_next_free_address(author, demo_tour):
    assert add_stop(author, demo_tour).status_code == 302

    response = add_stop(author, demo_tour)

    assert response.status_code == 302
    slugs = sorted(TourStopPage.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert slugs == ["die-erste-eisdiele", "die-erste-eisdiele-2"]
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert (
        "Die Adresse „die-erste-eisdiele“ war schon vergeben; die Seite hat die Adresse "
        "„die-erste-eisdiele-2“ bekommen." in told
    )


def test_an_existing_page_is_never_moved_to_another_address_unasked(author, demo_tour):
    add_stop(author, demo_tour)
    add_stop(author, demo_tour, slug="andere-eisdiele")
    other = TourStopPage.objects.get(slug="andere-eisdiele")

    response = author.post(f"/admin/pages/{other.pk}/edit/", stop_form(TITLE, "die-erste-eisdiele"))

    assert response.status_code == 200  # the form again, with the error at the address
    other.refresh_from_db()
    assert other.slug == "andere-eisdiele"
