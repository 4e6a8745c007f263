"""Schemathesis against the OpenAPI document, on a live test server with the demo network.

It sends valid and invalid requests to every operation a reader may use without a token (a
bounded, seeded number each, see schemathesis.toml next to this file) and checks every answer
against the document: no 5xx, only documented statuses, media types, headers and bodies, valid
input accepted, invalid input refused with a problem answer. Operations that need a token are
covered by the moderation and token tests.

It runs through Schemathesis' command line, which reports every failure, each with a ``curl``
line to reproduce it against ``scripts/run``. (Its pytest plugin does not work with pytest 9.)
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from home.models import MeetingPage
from tours.models import TourStopPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
TOKEN_ONLY = '/security == [{"BearerTokenAuth": []}]'


@pytest.fixture
def config(demo_site, demo_tour, tmp_path):
    """The configuration, with ids of the demo's pages, so that the checks also read real
    walks, stops and meetings and not only 404 answers."""
    stop = TourStopPage.objects.live().public().child_of(demo_tour).first()
    meeting = next(m for m in MeetingPage.objects.live().public() if m.accepts_registrations)
    ids = {
        "pages_detail": demo_tour.pk,
        "tours_stops": demo_tour.pk,
        "tours_geojson": demo_tour.pk,
        "tours_gpx": demo_tour.pk,
        "stops_qr": stop.pk,
        "meetings_calendar_entry": meeting.pk,
        "meetings_register": meeting.pk,
    }
    operations = "".join(
        f'\n[[operations]]\ninclude-operation-id = "{operation}"\n'
        f'parameters = {{ "path.page_id" = {page_id} }}\n'
        for operation, page_id in ids.items()
    )
    path = tmp_path / "schemathesis.toml"
    path.write_text(CONFIG.read_text() + operations)
    return path


def test_the_api_keeps_to_its_openapi_document(config, demo_site, tmp_path):
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(config),
            "--no-color",
            "run",
            f"{demo_site}/api/v3/openapi.json",
            "--checks",
            "all",
            "--exclude-by",
            TOKEN_ONLY,
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-30000:] + run.stderr[-5000:]
    tested = re.search(r"Tested: (\d+)", run.stdout)
    # Every public page operation and every endpoint of ours, not an accidentally empty run.
    assert tested and int(tested[1]) >= 25, run.stdout[-3000:]
