"""Writing a stop: the location from the device with one tap, and the author's association
already among the contributors."""

import re

import pytest
from network_users import make_editor_of

from home.models import AssociationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_stop_form(client, demo_tour):
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))
    return client.get(f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/").content.decode()


def test_the_location_comes_from_the_device_with_one_button(new_stop_form):
    [button] = re.findall(r"<button[^>]*data-use-location[^>]*>[^<]*</button>", new_stop_form)
    assert ">Meinen Standort verwenden</button>" in button
    assert 'data-latitude="id_latitude"' in button
    assert 'data-longitude="id_longitude"' in button
    assert "/static/tours/admin/location.js" in new_stop_form


def test_the_authors_association_is_already_a_contributor(new_stop_form):
    own = AssociationPage.objects.get(slug="kulturbruecke-anatolien", locale__language_code="de")
    checked = re.findall(
        r'<input[^>]*name="contributing_associations"[^>]*value="(\d+)"[^>]*checked', new_stop_form
    ) + re.findall(
        r'<input[^>]*name="contributing_associations"[^>]*checked[^>]*value="(\d+)"',
        new_stop_form,
    )
    assert checked == [str(own.pk)]


def test_the_admin_lists_a_walks_stops_in_walking_order(client, demo_tour):
    from network_users import make_city_editor

    client.force_login(make_city_editor())
    stops = list(demo_tour.get_children().order_by("path").values_list("title", flat=True))
    # The last stop changed most recently: by last change it would come first.
    last = demo_tour.get_children().order_by("path").last().specific
    last.save_revision()

    html = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()

    positions = [html.index(title) for title in stops]
    assert positions == sorted(positions)
