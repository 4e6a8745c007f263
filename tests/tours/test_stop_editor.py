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


def _walk_listing_rows(html):
    """(number, title) of each row of a walk's listing in the admin."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    found = []
    for row in rows:
        number = re.search(r'<td class="network-walk-number"[^>]*>\s*(\d*)\s*</td>', row)
        title = re.search(r'<span id="page_\d+_title">\s*(.*?)\s*</span>', row, re.S)
        if number and title:
            found.append((number.group(1), re.sub(r"<[^>]+>|\s+", " ", title.group(1)).strip()))
    return found


def test_a_walks_listing_numbers_its_stops_as_the_walk_runs(client, demo_tour):
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))
    stops = demo_tour.get_children().order_by("path")
    # A stop moved to the front is number 1, whatever changed last.
    last = stops.last()
    last.move(stops.first(), pos="left")

    html = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()

    rows = _walk_listing_rows(html)
    expected = list(demo_tour.get_children().order_by("path").values_list("title", flat=True))
    assert [number for number, _title in rows] == [str(n) for n in range(1, len(expected) + 1)]
    assert [title for _number, title in rows] == expected
    assert rows[0][1] == last.title
    # Page type ("Station" on every line) and last change are not columns of a walk's listing.
    assert "ordering=content_type" not in html
    assert "ordering=latest_revision_created_at" not in html
    assert re.search(r'<th class="network-walk-number">\s*Nr\.\s*</th>', html)


def test_the_walk_listing_numbers_stops_in_one_query(
    client, demo_tour, django_assert_max_num_queries
):
    from tours.admin_pages import WalkStopsIndexView

    stops = list(demo_tour.get_children().specific())
    with django_assert_max_num_queries(1):
        WalkStopsIndexView.number_in_walk(stops)
    assert [stop.walk_number for stop in sorted(stops, key=lambda s: s.path)] == list(
        range(1, len(stops) + 1)
    )


def test_a_stop_with_missing_fields_links_each_field_with_an_error(client, demo_tour):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from tours.models import TourStopPage

    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))
    before = TourStopPage.objects.count()

    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        nested_form_data(
            {
                "title": "Eisdiele Venezia",
                "slug": "eisdiele-venezia",
                "teaser": "Seit 1965 " * 20,  # longer than the two lines it may take
                "latitude": "",
                "longitude": "9.0",
                "story": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert TourStopPage.objects.count() == before
    assert "Bitte prüfen:" in html
    assert '<a href="#id_teaser">Kurztext</a>' in html
    assert '<a href="#id_latitude">Breitengrad</a>' in html
    assert 'href="#id_longitude"' not in html


def test_the_sketchs_projection_turns_pixels_back_into_the_same_place(demo_tour):
    from tours.sketch import route_sketch

    stops = list(demo_tour.get_children().specific().order_by("path"))
    projection = route_sketch(stops).projection

    for stop in stops:
        x, y = projection.to_px(float(stop.latitude), float(stop.longitude))
        latitude, longitude = projection.to_degrees(x, y)
        assert abs(latitude - float(stop.latitude)) < 1e-9
        assert abs(longitude - float(stop.longitude)) < 1e-9


def test_the_new_stop_form_offers_the_walks_sketch_to_tap_on(new_stop_form, demo_tour):
    import json

    [svg] = re.findall(r"<svg[^>]*data-pick-location[^>]*>", new_stop_form)
    assert 'data-latitude="id_latitude"' in svg and 'data-longitude="id_longitude"' in svg
    [projection] = re.findall(
        r'<script id="id_latitude-projection" type="application/json">(.*?)</script>', new_stop_form
    )
    assert set(json.loads(projection)) >= {"min_latitude", "px_per_metre", "offset_x", "height"}
    # The walk's stops, numbered, so the volunteer sees where the new one goes.
    titles = demo_tour.get_children().order_by("path").values_list("title", flat=True)
    for number, title in enumerate(titles, start=1):
        assert f"<title>{number}. {title}</title>" in new_stop_form.replace("&#x27;", "'")


def test_another_associations_draft_leaves_no_gap_in_the_numbers(client, demo_tour):
    from decimal import Decimal

    from tours.models import TourStopPage

    first = demo_tour.get_children().order_by("path").first()
    hidden = TourStopPage(
        title="Entwurf eines anderen Vereins",
        teaser="…",
        latitude=Decimal("48.710000"),
        longitude=Decimal("9.000000"),
        live=False,
    )
    first.add_sibling(pos="right", instance=hidden)
    client.force_login(make_editor_of("kulturbruecke-anatolien", username="autorin"))

    html = client.get(f"/admin/pages/{demo_tour.pk}/").content.decode()

    rows = _walk_listing_rows(html)
    assert "Entwurf eines anderen Vereins" not in html
    assert [number for number, _title in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_an_empty_text_block_is_dropped_not_refused():
    from tours.blocks import StoryBlock

    block = StoryBlock()
    story = block.to_python(
        [
            {"type": "paragraph", "value": "<p> </p>"},
            {"type": "quote", "value": {"quote": "Wir kamen 1962.", "speaker": "", "language": ""}},
        ]
    )

    cleaned = block.clean(story)

    assert [child.block_type for child in cleaned] == ["quote"]
