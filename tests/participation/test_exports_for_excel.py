"""The city opens exports in German Excel: the CSV has a byte order mark and semicolons, names
keep their letters, statuses are words and times are Berlin time to the minute; the XLSX
likewise."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
from network_users import make_city_editor

from home.models import MeetingPage, MeetingRegistration

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def registration():
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    registration = MeetingRegistration.objects.create(
        meeting=meeting,
        name="Ayşe Yılmaz",
        association_name="Kulturbrücke Anatolien e. V.",
        email="ayse@example.org",
        people=2,
        status=MeetingRegistration.Status.WAITLISTED,
    )
    # A summer evening in Berlin, stored in UTC with seconds.
    summer_evening = datetime.datetime(2026, 7, 9, 17, 30, 42, tzinfo=datetime.UTC)
    MeetingRegistration.objects.filter(pk=registration.pk).update(created_at=summer_evening)
    return registration


def export(client, export_format):
    client.force_login(make_city_editor())
    response = client.get("/admin/anmeldungen/", {"export": export_format})
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_the_csv_opens_in_german_excel(client, registration):
    response, content = export(client, "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only after a BOM
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), "excel", delimiter=";"))
    heading, *records = rows
    assert heading == [
        "Treffen",
        "Name",
        "Verein",
        "E-Mail-Adresse",
        "Personen",
        "Stand",
        "Eingegangen am",
    ]
    [row] = [row for row in records if row[1] == "Ayşe Yılmaz"]
    assert row[2] == "Kulturbrücke Anatolien e. V."
    assert row[5] == "Warteliste"
    assert row[6] == "09.07.2026 19:30"


def test_the_xlsx_has_words_and_berlin_time(client, registration):
    _response, content = export(client, "xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    heading, *records = list(sheet.iter_rows(values_only=True))
    [row] = [row for row in records if row[1] == "Ayşe Yılmaz"]
    assert row[heading.index("Stand")] == "Warteliste"
    assert row[heading.index("Eingegangen am")] == datetime.datetime(2026, 7, 9, 19, 30)
