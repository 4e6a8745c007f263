"""One process of tests/security/test_decompression_bombs.py: hands a pixel bomb (164 KB,
13000 × 13000 pixels) to every path that opens images and prints, as JSON, how each ended
and how far the process's peak memory rose above what Django itself needs."""

import io
import json
import os
import resource
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))

import django

django.setup()

from bombs import png_bomb  # noqa: E402

from django.core.files import File  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from wagtail.images.fields import WagtailImageField  # noqa: E402
from wagtail.images.models import Filter  # noqa: E402

from home.participation import sanitized_image  # noqa: E402

BOMB = png_bomb()


def upload():
    return SimpleUploadedFile("bomb.png", BOMB, content_type="image/png")


class StoredImage:
    """What a rendition needs of a stored image, for an original that is a bomb."""

    width = height = 13000

    def get_focal_point(self):
        return None

    def is_svg(self):
        return False


PATHS = {
    # The public story form's photo (also the story API).
    "story_photo": lambda: sanitized_image(upload()),
    # Wagtail's image field: the admin's upload, single and multiple, and the image API.
    "admin_upload": lambda: WagtailImageField().clean(upload()),
    # A rendition of an image stored before any check existed.
    "rendition": lambda: Filter(spec="fill-100x100").run(
        StoredImage(), io.BytesIO(), source=File(io.BytesIO(BOMB), name="bomb.png")
    ),
}

baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
results = {}
for name, run in PATHS.items():
    try:
        run()
        outcome = "accepted"
    except Exception as error:  # reported, not hidden
        outcome = f"{type(error).__name__}: {error}"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results[name] = {"outcome": outcome, "peak_rise_mb": (peak - baseline) / 1024}
print(json.dumps(results))
